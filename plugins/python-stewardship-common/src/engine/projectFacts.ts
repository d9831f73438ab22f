import type { IniDocument } from '../parsers/parseIni';
import type { Parsed } from '../parsers/Parsed';
import type { PyprojectModel } from '../parsers/pyprojectModel';
import type { SetupPyReading } from '../parsers/setupPy';
import { setupPyScripts } from './packaging';

const DOCKERFILE = /(^|\/)(Dockerfile|Containerfile)(\.[\w-]+)?$/;
const NOT_THE_PROJECTS =
  /(^|\/)(\.venv|venv|node_modules|site-packages|\.tox|\.nox|fixtures?|testdata|test_data|\.devcontainer)\//;

/**
 * The project's Dockerfile, project-relative: `Dockerfile` or
 * `Containerfile` at the top, otherwise the shallowest one (e.g.
 * `docker/Dockerfile`). The one finder the classifier, the checks and the
 * fetch plan all ask, so they cannot disagree.
 */
export function findDockerfile(
  projectPaths: readonly string[],
): string | undefined {
  let best: string | undefined;
  for (const path of projectPaths) {
    if (path === 'Dockerfile') return path;
    if (!DOCKERFILE.test(path) || NOT_THE_PROJECTS.test(path)) continue;
    if (
      best === undefined ||
      rank(path) < rank(best) ||
      (rank(path) === rank(best) && path < best)
    ) {
      best = path;
    }
  }
  return best;
}

function rank(path: string): number {
  // Depth first; at equal depth a plain Dockerfile before Dockerfile.dev.
  return (
    path.split('/').length * 2 +
    (/(Dockerfile|Containerfile)$/.test(path) ? 0 : 1)
  );
}

/** A console command the project installs, and the file that declares it. */
export interface ConsoleScript {
  name: string;
  path: string;
}

/**
 * Console commands from every place packaging reads them:
 * `[project.scripts]` / `[tool.poetry.scripts]` in pyproject.toml, then
 * setup.py's `entry_points` (`console_scripts`, `gui_scripts`) and
 * `scripts` as far as they are literals, then `[options.entry_points]
 * console_scripts` in setup.cfg.
 */
export function findConsoleScripts(
  pyproject: Parsed<PyprojectModel>,
  setupCfg: Parsed<IniDocument>,
  setupPy?: Parsed<SetupPyReading>,
): ConsoleScript[] {
  const scripts: ConsoleScript[] = [];
  if (pyproject.state === 'ok') {
    for (const name of pyproject.value.scripts) {
      scripts.push({ name, path: pyproject.path });
    }
  }
  const call = setupPy?.state === 'ok' ? setupPy.value.call : undefined;
  if (call && setupPy?.state === 'ok') {
    const literal = (keyword: string) => {
      const argument = call.keywords[keyword];
      return argument?.readable ? argument.value : undefined;
    };
    for (const name of setupPyScripts(
      literal('entry_points'),
      literal('scripts'),
    )) {
      if (!scripts.some(s => s.name === name)) {
        scripts.push({ name, path: setupPy.path });
      }
    }
  }
  if (setupCfg.state === 'ok') {
    const declared = setupCfg.value['options.entry_points']?.console_scripts;
    for (const name of parseEntryPointNames(declared ?? '')) {
      if (!scripts.some(s => s.name === name)) {
        scripts.push({ name, path: setupCfg.path });
      }
    }
  }
  return scripts;
}

/** Names from an entry-point list: `tool = pkg.cli:main` entries, joined or one a line. */
export function parseEntryPointNames(value: string): string[] {
  const names: string[] = [];
  const entry =
    /([A-Za-z0-9][\w.-]*)\s*=\s*[A-Za-z_][\w.]*(?::[\w.]+)?(?:\s*\[[^\]]*\])?/g;
  for (const match of value.matchAll(entry)) {
    names.push(match[1]);
  }
  return names;
}

/** pytest's settings that decide which files it collects. */
export interface PytestCollectionSettings {
  /** `testpaths`; empty: the project folder. */
  testpaths: readonly string[];
  /** `python_files`; empty: pytest's default `test_*.py *_test.py`. */
  pythonFiles: readonly string[];
  /** `norecursedirs`; empty: pytest's default. */
  norecursedirs: readonly string[];
}

const DEFAULT_PYTHON_FILES = ['test_*.py', '*_test.py'];
/** pytest never collects inside a virtualenv, whatever norecursedirs says. */
const VIRTUALENVS = /^(\.venv|venv|site-packages|\.tox|\.nox)$/;
const DEFAULT_NORECURSEDIRS = [
  '*.egg',
  '.*',
  '_darcs',
  'build',
  'CVS',
  'dist',
  'node_modules',
  'venv',
  '{arch}',
];

/**
 * The test files pytest would collect when run in the project folder with
 * no arguments, under the project's own settings: files whose name matches
 * `python_files` (default `test_*.py` and `*_test.py`), below `testpaths`
 * when any of them exists (else the whole project, as pytest falls back),
 * never inside a folder matching `norecursedirs`. So a `test_utils.py`
 * module inside the package is not a test file when `testpaths` points
 * elsewhere. The one finder PYG-016 and PYG-017 use.
 */
export function findTestFiles(
  projectPaths: readonly string[],
  settings: PytestCollectionSettings,
): string[] {
  const filePatterns = (
    settings.pythonFiles.length ? settings.pythonFiles : DEFAULT_PYTHON_FILES
  ).map(glob => globToRegExp(glob));
  const skipDirs = (
    settings.norecursedirs.length
      ? settings.norecursedirs
      : DEFAULT_NORECURSEDIRS
  ).map(glob => globToRegExp(glob));
  const rootPatterns = settings.testpaths
    .map(path => path.replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter(Boolean)
    .map(root => globToRegExp(root, true));
  // Per folder, once: is it inside a skipped folder, at or below a testpath?
  // (A repository has far fewer folders than files.)
  const folders = new Map<string, { skipped: boolean; inRoot: boolean }>([
    ['', { skipped: false, inRoot: false }],
  ]);
  const folder = (dir: string): { skipped: boolean; inRoot: boolean } => {
    let info = folders.get(dir);
    if (!info) {
      const slash = dir.lastIndexOf('/');
      const parent = folder(slash < 0 ? '' : dir.slice(0, slash));
      const base = dir.slice(slash + 1);
      info = {
        skipped:
          parent.skipped ||
          VIRTUALENVS.test(base) ||
          skipDirs.some(pattern => pattern.test(base)),
        inRoot:
          parent.inRoot || rootPatterns.some(pattern => pattern.test(dir)),
      };
      folders.set(dir, info);
    }
    return info;
  };
  const inRoot = (path: string, dir: string) =>
    folder(dir).inRoot || rootPatterns.some(pattern => pattern.test(path));
  const collected: Array<{ path: string; inRoot: boolean }> = [];
  for (const path of projectPaths) {
    if (!path.endsWith('.py')) continue;
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (!filePatterns.some(pattern => pattern.test(name))) continue;
    const dir = slash < 0 ? '' : path.slice(0, slash);
    if (folder(dir).skipped) continue;
    collected.push({
      path,
      inRoot: rootPatterns.length > 0 && inRoot(path, dir),
    });
  }
  // Whether any testpath exists: usually shown by a collected file already;
  // otherwise look through every path (rare: testpaths that miss).
  const anyRootExists =
    rootPatterns.length > 0 &&
    (collected.some(entry => entry.inRoot) ||
      projectPaths.some(path => {
        const slash = path.lastIndexOf('/');
        return inRoot(path, slash < 0 ? '' : path.slice(0, slash));
      }));
  // pytest falls back to the project folder when no testpath exists.
  return collected
    .filter(entry => !anyRootExists || entry.inRoot)
    .map(entry => entry.path);
}

/** fnmatch-style `*`, `?` and `[...]`; `*` stays within one path segment for paths. */
function globToRegExp(glob: string, path = false): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') source += path ? '[^/]*' : '.*';
    else if (char === '?') source += path ? '[^/]' : '.';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end > i) {
        const body = glob.slice(i + 1, end);
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      } else {
        source += '\\[';
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The project's own `py.typed` marker (project-relative): not in tests/,
 * nor in vendored packages (`_vendor/`, `vendor/`), nor in virtualenvs;
 * the shallowest one. The one finder the classifier and PYG-043 use.
 */
export function findPyTyped(
  projectPaths: readonly string[],
): string | undefined {
  return projectPaths
    .filter(
      path =>
        /\/py\.typed$/.test(path) &&
        !path.startsWith('tests/') &&
        !/(^|\/)(_vendor|vendor|vendored)\//.test(path) &&
        !NOT_THE_PROJECTS.test(path),
    )
    .sort(
      (a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1),
    )[0];
}
