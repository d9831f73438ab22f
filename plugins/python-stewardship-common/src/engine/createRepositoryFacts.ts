import { RepositorySnapshot } from '../snapshot/RepositorySnapshot';
import { isSnapshotReadError } from '../snapshot/SnapshotReadError';
import { normalizePath } from '../snapshot/normalizePath';
import { Parsed } from '../parsers/Parsed';
import { parseToml } from '../parsers/parseToml';
import { Table } from '../parsers/tomlAccess';
import { toPyprojectModel, PyprojectModel } from '../parsers/pyprojectModel';
import { loadGitlabCi, CiConfig } from '../parsers/gitlabCi';
import { parseIni, IniDocument } from '../parsers/parseIni';
import { parseDockerfile, Dockerfile } from '../parsers/dockerfile';
import {
  parseMakefile,
  expandMakeTarget,
  makeInvocations,
  Makefile,
} from '../parsers/makefile';
import {
  CODEOWNERS_PATHS,
  parseCodeowners,
  Codeowners,
} from '../parsers/codeowners';
import { chooseProjectRoot } from './findProjectRoot';
import { RepositoryFacts } from './RepositoryFacts';
import {
  findConsoleScripts,
  findDockerfile,
  findTestFiles,
} from './projectFacts';
import { pytestConfig, pytestOption } from '../checks/tooling';
import { readSetupPy, SetupPyReading } from '../parsers/setupPy';
import { parsePreCommitConfig } from '../parsers/preCommit';
import {
  buildPackagingModel,
  isRequirementsFile,
  PackagingModel,
} from './packaging';

export interface RepositoryFactsOptions {
  maxFileBytes: number;
  /** Forces the project folder instead of detecting it. */
  projectRoot?: string;
}

/**
 * Wraps a snapshot so each file is read and parsed at most once, and so no
 * read or parse failure escapes as an exception.
 */
export function createRepositoryFacts(
  snapshot: RepositorySnapshot,
  options: RepositoryFactsOptions,
): RepositoryFacts {
  const paths = safeListPaths(snapshot);
  const pathSet = new Set(paths);
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) {
      memo.set(key, compute());
    }
    return memo.get(key) as T;
  };

  const text = (rawPath: string): Parsed<string> =>
    once(`text:${rawPath}`, () => {
      const path = normalizePath(rawPath);
      if (!pathSet.has(path)) {
        return { state: 'missing', path };
      }
      try {
        const value = snapshot.readText(path);
        if (value.length > options.maxFileBytes) {
          return {
            state: 'error',
            path,
            message: `${path} is larger than ${options.maxFileBytes} bytes; not parsed`,
          };
        }
        return { state: 'ok', path, value, text: value };
      } catch (error) {
        if (isSnapshotReadError(error)) {
          if (error.reason === 'missing') {
            return { state: 'missing', path };
          }
          return { state: 'error', path, message: error.message };
        }
        return {
          state: 'error',
          path,
          message: `cannot read ${path}: ${String(error)}`,
        };
      }
    });

  const rootChoice =
    options.projectRoot !== undefined
      ? {
          root: normalizeFolder(options.projectRoot),
          reason: 'set by the caller',
        }
      : chooseProjectRoot(paths, path => {
          const read = text(path);
          return read.state === 'ok' ? read.value : undefined;
        });
  const projectRoot = rootChoice.root;
  const inProject = (relative: string) => `${projectRoot}${relative}`;

  const parseWith = <T>(
    path: string,
    parse: (content: string) => T,
  ): Parsed<T> =>
    once(`parsed:${path}`, () => {
      const read = text(path);
      if (read.state !== 'ok') {
        return read;
      }
      try {
        return {
          state: 'ok',
          path,
          text: read.value,
          value: parse(read.value),
        };
      } catch (error) {
        return {
          state: 'error',
          path,
          message: `cannot parse ${path}: ${(error as Error).message}`,
        };
      }
    });

  const firstExisting = (candidates: readonly string[]) =>
    candidates.find(candidate => pathSet.has(candidate)) ?? candidates[0];

  const facts: RepositoryFacts = {
    projectRoot,
    projectRootReason: rootChoice.reason,
    paths,
    exists: path => pathSet.has(normalizePath(path)),
    inProject,
    projectPaths: () =>
      once('projectPaths', () =>
        projectRoot === ''
          ? paths
          : paths
              .filter(p => p.startsWith(projectRoot))
              .map(p => p.slice(projectRoot.length)),
      ),
    text,
    pyproject: () =>
      once('pyproject', (): Parsed<PyprojectModel> => {
        const path = inProject('pyproject.toml');
        const read = text(path);
        if (read.state !== 'ok') {
          return read;
        }
        const parsed = parseToml(read.value);
        if (!parsed.ok) {
          return {
            state: 'error',
            path,
            message: `${path} is not valid TOML: ${parsed.message}`,
            line: parsed.line,
          };
        }
        return {
          state: 'ok',
          path,
          text: read.value,
          value: toPyprojectModel(parsed.value),
        };
      }),
    ci: () =>
      once('ci', (): Parsed<CiConfig> => {
        const result = loadGitlabCi('.gitlab-ci.yml', text, paths);
        if (result.state === 'error' && !result.message.includes(result.path)) {
          return {
            ...result,
            message: `${result.path} is not valid CI YAML: ${result.message}`,
          };
        }
        return result;
      }),
    toml: (path: string): Parsed<Table> =>
      once(`toml:${path}`, (): Parsed<Table> => {
        const read = text(path);
        if (read.state !== 'ok') {
          return read;
        }
        const parsed = parseToml(read.value);
        return parsed.ok
          ? { state: 'ok', path, text: read.value, value: parsed.value }
          : {
              state: 'error',
              path,
              message: `${path} is not valid TOML: ${parsed.message}`,
              line: parsed.line,
            };
      }),
    ini: (path: string): Parsed<IniDocument> => parseWith(path, parseIni),
    dockerfilePath: () =>
      once('dockerfilePath', () => {
        const found = findDockerfile(facts.projectPaths());
        if (found !== undefined) return inProject(found);
        return pathSet.has('Dockerfile') ? 'Dockerfile' : undefined;
      }),
    dockerfile: (): Parsed<Dockerfile> =>
      parseWith(
        facts.dockerfilePath() ?? inProject('Dockerfile'),
        parseDockerfile,
      ),
    setupPy: (): Parsed<SetupPyReading> =>
      parseWith(inProject('setup.py'), readSetupPy),
    packaging: () =>
      once(
        'packaging',
        (): PackagingModel =>
          buildPackagingModel({
            pyproject: facts.pyproject(),
            setupCfg: facts.ini(inProject('setup.cfg')),
            setupPy: facts.setupPy(),
            pipfile: facts.toml(inProject('Pipfile')),
            toxIni: facts.ini(inProject('tox.ini')),
            requirements: facts
              .projectPaths()
              .filter(isRequirementsFile)
              .flatMap(relative => {
                const read = text(inProject(relative));
                return read.state === 'ok'
                  ? [{ path: read.path, relative, text: read.value }]
                  : [];
              }),
          }),
      ),
    consoleScripts: () =>
      once('consoleScripts', () =>
        findConsoleScripts(
          facts.pyproject(),
          facts.ini(inProject('setup.cfg')),
          facts.setupPy(),
        ),
      ),
    preCommitConfig: (path: string): Parsed<string[]> =>
      parseWith(path, parsePreCommitConfig),
    testFiles: () =>
      once('testFiles', () => {
        // pytest's own settings, from wherever pytest reads them.
        const pyproject = facts.pyproject();
        const config = pytestConfig(
          facts,
          pyproject.state === 'ok' ? pyproject.value : undefined,
        );
        return findTestFiles(facts.projectPaths(), {
          testpaths: pytestOption(config, 'testpaths'),
          pythonFiles: pytestOption(config, 'python_files'),
          norecursedirs: pytestOption(config, 'norecursedirs'),
        });
      }),
    makefile: (): Parsed<Makefile> =>
      parseWith(
        firstExisting([inProject('Makefile'), 'Makefile']),
        parseMakefile,
      ),
    codeowners: (): Parsed<Codeowners> =>
      parseWith(firstExisting(CODEOWNERS_PATHS), parseCodeowners),
    ciCommands: () =>
      once('ciCommands', () => {
        const ci = facts.ci();
        if (ci.state !== 'ok') {
          return [];
        }
        const makefile = facts.makefile();
        const commands: Array<{ job: string; command: string; path: string }> =
          [];
        for (const job of ci.value.jobs.filter(j => !j.hidden)) {
          for (const command of job.commands) {
            const path = ci.value.commandFile(command);
            commands.push({ job: job.name, command, path });
            if (makefile.state === 'ok') {
              for (const target of makeInvocations(command)) {
                for (const expanded of expandMakeTarget(
                  makefile.value,
                  target,
                )) {
                  commands.push({
                    job: job.name,
                    command: expanded,
                    path: makefile.path,
                  });
                }
              }
            }
          }
        }
        return commands;
      }),
  };
  return facts;
}

/**
 * Without the file list there is nothing to judge, and a report built on an
 * empty list would look like a real (very bad) result. So this is the one
 * snapshot failure that throws instead of becoming a result.
 */
function safeListPaths(snapshot: RepositorySnapshot): string[] {
  let paths: unknown;
  try {
    paths = snapshot.listPaths();
  } catch (error) {
    throw new Error(
      `Cannot list the files of the repository snapshot: ${
        (error as Error)?.message ?? String(error)
      }`,
    );
  }
  if (!Array.isArray(paths) || paths.some(path => typeof path !== 'string')) {
    throw new Error(
      'RepositorySnapshot.listPaths() must return an array of path strings',
    );
  }
  return paths.map(normalizePath);
}

function normalizeFolder(folder: string): string {
  const normalized = normalizePath(folder).replace(/\/+$/, '');
  return normalized ? `${normalized}/` : '';
}
