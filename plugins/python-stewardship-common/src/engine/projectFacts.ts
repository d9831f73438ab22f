import type { IniDocument } from '../parsers/parseIni';
import type { Parsed } from '../parsers/Parsed';
import type { PyprojectModel } from '../parsers/pyprojectModel';

const DOCKERFILE = /(^|\/)(Dockerfile|Containerfile)(\.[\w-]+)?$/;
const NOT_THE_PROJECTS =
  /(^|\/)(\.venv|venv|node_modules|site-packages|\.tox|\.nox|fixtures?|testdata|test_data)\//;

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
 * `[options.entry_points] console_scripts` in setup.cfg.
 */
export function findConsoleScripts(
  pyproject: Parsed<PyprojectModel>,
  setupCfg: Parsed<IniDocument>,
): ConsoleScript[] {
  const scripts: ConsoleScript[] = [];
  if (pyproject.state === 'ok') {
    for (const name of pyproject.value.scripts) {
      scripts.push({ name, path: pyproject.path });
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
