import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'yaml';

/**
 * Helpers that run a rendered Python project's own pipeline on this machine:
 * a virtual environment from the pip mirror, the commands of its
 * `.gitlab-ci.yml`, and the checks of its Dockerfile that need no Docker.
 */

/** The only Python on the portal's machines; it stands in for 3.12 and 3.13. */
export const LOCAL_PYTHON = '3.11';

/**
 * Venvs are reused across runs while the dependency list is the same. Set
 * PYTHON_STEWARDSHIP_VENV_CACHE to measure a cold run in an empty folder.
 */
const venvCache =
  process.env.PYTHON_STEWARDSHIP_VENV_CACHE ??
  path.join(os.tmpdir(), 'python-stewardship-template-venvs');

const run = promisify(execFile);

/** Runs a command; a failure carries the command and everything it printed. */
export async function sh(cmd: string, args: string[], cwd: string) {
  try {
    return await run(cmd, args, {
      cwd,
      maxBuffer: 20 * 1024 * 1024,
      // pip looks at PyPI before the mirror's extra index; there is no
      // network here, so it must give up at once rather than retry.
      env: { ...process.env, PIP_RETRIES: '0', PIP_DEFAULT_TIMEOUT: '2' },
    });
  } catch (error: any) {
    throw new Error(
      `\`${[cmd, ...args].join(' ')}\` failed in ${cwd} (exit code ${
        error.code
      }):\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
    );
  }
}

/** Writes the dry run's files into `dir`. */
export function writeProject(dir: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

/** "^8.3" → ">=8.3,<9"; "^0.25" → ">=0.25,<0.26"; other specs as they are. */
function poetrySpec(name: string, spec: string): string {
  const caret = /^\^(\d+)\.(\d+)/.exec(spec);
  if (!caret) return `${name}${spec === '*' ? '' : spec}`;
  const [major, minor] = [Number(caret[1]), Number(caret[2])];
  const upper = major > 0 ? `${major + 1}` : `0.${minor + 1}`;
  return `${name}>=${spec.slice(1)},<${upper}`;
}

/**
 * What `poetry install --with test,lint` installs, as pip requirements:
 * the runtime dependencies, every Poetry group and the build backend.
 */
export function dependencyList(pyproject: any): string[] {
  const pep508 = (pyproject.project?.dependencies ?? []).map((d: string) =>
    // "fastapi (>=0.115,<1.0)" is Poetry 2's spelling; pip wants "fastapi>=0.115,<1.0".
    d.replace(/\s*\((.*)\)\s*$/, '$1'),
  );
  const groups = Object.values(pyproject.tool?.poetry?.group ?? {}).flatMap(
    (group: any) =>
      Object.entries(group.dependencies ?? {}).map(([name, spec]) =>
        poetrySpec(name, String(spec)),
      ),
  );
  const backend: string[] = pyproject['build-system']?.requires ?? [];
  return [...pep508, ...groups, ...backend].sort();
}

/**
 * A venv with `requirements` installed from the pip mirror (whatever
 * `pip config list` names), the newest versions the ranges allow.
 * `--ignore-requires-python` because the projects require 3.12 or newer and
 * this machine runs 3.11. Built beside the cache and renamed into place, so
 * two test runs never see a half-installed venv.
 */
export async function venvFor(requirements: string[]): Promise<string> {
  const key = createHash('sha256')
    .update(requirements.join('\n'))
    .digest('hex')
    .slice(0, 16);
  const venv = path.join(venvCache, key);
  const python = path.join(venv, 'bin/python');
  if (fs.existsSync(path.join(venv, '.complete'))) return python;

  fs.mkdirSync(venvCache, { recursive: true });
  const building = fs.mkdtempSync(path.join(venvCache, `${key}-building-`));
  try {
    await sh('python3', ['-m', 'venv', building], venvCache);
    await sh(
      path.join(building, 'bin/python'),
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--ignore-requires-python',
        ...requirements,
      ],
      venvCache,
    );
    fs.writeFileSync(path.join(building, '.complete'), requirements.join('\n'));
    fs.rmSync(venv, { recursive: true, force: true });
    fs.renameSync(building, venv);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    // Another run finished the same venv first.
    if (fs.existsSync(path.join(venv, '.complete'))) return python;
    throw error;
  }
  return python;
}

/** The CI jobs whose commands the test runs, and what must be among them. */
const CHECKED_JOBS = ['lint', 'tests:unit'];

/**
 * The `poetry run …` commands of the generated pipeline's lint and test
 * jobs, split into words. The test runs these, so a command added to the
 * pipeline is run here too.
 */
export function pipelineCommands(gitlabCi: string): string[][] {
  const ci = yaml.parse(gitlabCi);
  return CHECKED_JOBS.flatMap(job => {
    const script: unknown = ci[job]?.script;
    if (!Array.isArray(script)) {
      throw new Error(`.gitlab-ci.yml has no "${job}" job with a script`);
    }
    return script
      .filter((line): line is string => typeof line === 'string')
      .filter(line => line.startsWith('poetry run '))
      .map(line => {
        if (/["'`$|&;<>\\]/.test(line)) {
          throw new Error(
            `Cannot run "${line}" without a shell; keep CI commands to plain words`,
          );
        }
        return line.slice('poetry run '.length).trim().split(/\s+/);
      });
  });
}

/**
 * A pipeline command as this machine runs it: from the venv, and with
 * mypy told to check for Python 3.11, the interpreter whose site-packages it
 * reads here. ruff reads the project's own target version: it parses the
 * code and needs no interpreter.
 */
export function localCommand(python: string, words: string[]): string[] {
  const [tool, ...args] = words;
  switch (tool) {
    case 'ruff':
      return [python, '-m', 'ruff', ...args];
    case 'mypy':
      return [python, '-m', 'mypy', '--python-version', LOCAL_PYTHON, ...args];
    case 'pytest':
      return [python, '-m', 'pytest', '-p', 'no:cacheprovider', ...args];
    default:
      throw new Error(
        `The generated pipeline runs "${words.join(
          ' ',
        )}", which this test does not know how to run; add it to localCommand`,
      );
  }
}

/** Lines of `.dockerignore`, without comments and blanks. */
function dockerIgnored(dir: string): string[] {
  const file = path.join(dir, '.dockerignore');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map(line => line.trim().replace(/\/$/, ''))
    .filter(line => line && !line.startsWith('#'));
}

/**
 * Problems a `docker build` would hit with the build context: a COPY source
 * that does not exist or that `.dockerignore` leaves out (plain names only;
 * globs such as `poetry.lock*` may match nothing by design).
 */
function dockerCopyProblems(dir: string): string[] {
  const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  const ignored = dockerIgnored(dir);
  const sources = [
    ...dockerfile.matchAll(/^COPY\s+(?!--from)(.+)\s+\S+$/gm),
  ].flatMap(([, words]) =>
    words.split(/\s+/).filter(word => !word.startsWith('--')),
  );
  return sources
    .filter(source => !source.includes('*'))
    .flatMap(source => {
      const clean = source.replace(/^\.\//, '').replace(/\/$/, '');
      if (!fs.existsSync(path.join(dir, clean))) {
        return [`COPY ${source}: no such file in the project`];
      }
      const rule = ignored.find(
        pattern => clean === pattern || clean.startsWith(`${pattern}/`),
      );
      return rule
        ? [`COPY ${source}: excluded by .dockerignore (${rule})`]
        : [];
    });
}

/**
 * The ASGI application the image's CMD starts (`uvicorn module:attr`),
 * whether it is a factory (`--factory`).
 */
function dockerEntrypoint(dir: string): {
  module: string;
  attribute: string;
  factory: boolean;
} {
  const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
  if (!cmd) throw new Error('The Dockerfile has no exec-form CMD');
  const words: string[] = JSON.parse(cmd[1]);
  const target = words.find(word => /^[\w.]+:[\w.]+$/.test(word));
  if (words[0] !== 'uvicorn' || !target) {
    throw new Error(
      `The Dockerfile's CMD ${cmd[1]} does not start uvicorn with module:attribute`,
    );
  }
  const [module, attribute] = target.split(':');
  return { module, attribute, factory: words.includes('--factory') };
}

/**
 * What can be checked of the image without Docker: the build context has
 * every file the Dockerfile copies, and the application its CMD starts
 * imports and builds (the factory is called) in the project's venv. Empty
 * for a project without a Dockerfile, or when all is well.
 */
export async function dockerImageProblems(
  dir: string,
  python: string,
): Promise<string[]> {
  if (!fs.existsSync(path.join(dir, 'Dockerfile'))) return [];
  const problems = dockerCopyProblems(dir);
  try {
    const { module, attribute, factory } = dockerEntrypoint(dir);
    const script = [
      'import importlib',
      `target = getattr(importlib.import_module("${module}"), "${attribute}")`,
      `app = target() if ${factory ? 'True' : 'False'} else target`,
      'assert callable(app), f"{app!r} is not an ASGI application"',
    ].join('\n');
    await sh(python, ['-c', script], dir);
  } catch (error) {
    problems.push(`CMD: ${(error as Error).message}`);
  }
  return problems;
}
