import type { CheckContext } from '../engine/CheckContext';
import { iniValueLines } from '../parsers/parseIni';
import type { PyprojectModel } from '../parsers/pyprojectModel';
import { getTable, isTable, Table } from '../parsers/tomlAccess';

/** Tools whose settings {@link findToolSettings} looks up. */
export type ConfiguredTool =
  | 'coverage'
  | 'mypy'
  | 'flake8'
  | 'isort'
  | 'pylint';

/** Where a tool reads its settings from, and the settings. */
export interface ToolSettings {
  tool: ConfiguredTool;
  /** Repository-relative path of the file. */
  path: string;
  /** The section(s) as written, e.g. `[tool.mypy]`, `[coverage:report]`, `[mypy]`. */
  section: string;
  inPyproject: boolean;
  /**
   * The settings as `section → key → value` for tools with sections
   * (coverage: `run`, `report`; pylint: `main`, `messages control`), else
   * `key → value`. INI values are strings, TOML values keep their type.
   */
  values: Table;
  /** `configured in setup.cfg [isort]`, for messages. */
  where: string;
}

type Candidate =
  | { kind: 'pyproject'; keys: string[] }
  | { kind: 'ini'; file: string; section: string | RegExp; rename?: string }
  | { kind: 'whole-ini'; file: string };

/**
 * Each tool's own search order, first match wins, as its documentation
 * states:
 * - coverage: `.coveragerc`, then setup.cfg, tox.ini (`[coverage:*]`),
 *   pyproject.toml (`[tool.coverage.*]`);
 * - mypy: `mypy.ini`, `.mypy.ini`, pyproject.toml `[tool.mypy]`, setup.cfg
 *   `[mypy]`;
 * - flake8: setup.cfg, tox.ini, `.flake8` (`[flake8]`; never pyproject.toml);
 * - isort: `.isort.cfg`, pyproject.toml `[tool.isort]`, setup.cfg
 *   (`[isort]` or `[tool:isort]`), tox.ini `[isort]`;
 * - pylint: `pylintrc`, `.pylintrc`, pyproject.toml `[tool.pylint.*]`,
 *   setup.cfg and tox.ini `[pylint.*]`.
 */
const SEARCH: Record<ConfiguredTool, Candidate[]> = {
  coverage: [
    { kind: 'whole-ini', file: '.coveragerc' },
    { kind: 'ini', file: 'setup.cfg', section: /^coverage:(.+)$/ },
    { kind: 'ini', file: 'tox.ini', section: /^coverage:(.+)$/ },
    { kind: 'pyproject', keys: ['coverage'] },
  ],
  mypy: [
    { kind: 'ini', file: 'mypy.ini', section: 'mypy' },
    { kind: 'ini', file: '.mypy.ini', section: 'mypy' },
    { kind: 'pyproject', keys: ['mypy'] },
    { kind: 'ini', file: 'setup.cfg', section: 'mypy' },
  ],
  flake8: [
    { kind: 'ini', file: 'setup.cfg', section: 'flake8' },
    { kind: 'ini', file: 'tox.ini', section: 'flake8' },
    { kind: 'ini', file: '.flake8', section: 'flake8' },
  ],
  isort: [
    { kind: 'ini', file: '.isort.cfg', section: 'settings' },
    { kind: 'ini', file: '.isort.cfg', section: 'isort' },
    { kind: 'pyproject', keys: ['isort'] },
    { kind: 'ini', file: 'setup.cfg', section: 'isort' },
    { kind: 'ini', file: 'setup.cfg', section: 'tool:isort' },
    { kind: 'ini', file: 'tox.ini', section: 'isort' },
  ],
  pylint: [
    { kind: 'whole-ini', file: 'pylintrc' },
    { kind: 'whole-ini', file: '.pylintrc' },
    { kind: 'pyproject', keys: ['pylint'] },
    { kind: 'ini', file: 'setup.cfg', section: /^pylint\.(.+)$/ },
    { kind: 'ini', file: 'tox.ini', section: /^pylint\.(.+)$/ },
  ],
};

/**
 * The settings a tool would use, from the first place in its own search
 * order that configures it; undefined when none does. `model` is
 * pyproject.toml's (the merged packaging model carries its `tool` table).
 */
export function findToolSettings(
  context: CheckContext,
  model: PyprojectModel,
  tool: ConfiguredTool,
): ToolSettings | undefined {
  for (const candidate of SEARCH[tool]) {
    if (candidate.kind === 'pyproject') {
      const table = getTable(model.tool, ...candidate.keys);
      if (table) {
        const path = context.inProject('pyproject.toml');
        return {
          tool,
          path,
          section: `[tool.${candidate.keys.join('.')}]`,
          inPyproject: true,
          values: table,
          where: `configured in ${path} [tool.${candidate.keys.join('.')}]`,
        };
      }
      continue;
    }
    const ini = context.ini(context.inProject(candidate.file));
    if (ini.state !== 'ok') continue;
    if (candidate.kind === 'whole-ini') {
      // .coveragerc and pylintrc: the file itself, with its own sections.
      if (!context.exists(ini.path)) continue;
      const values: Table = {};
      for (const [section, entries] of Object.entries(ini.value)) {
        values[section.replace(/^(coverage:|pylint\.)/, '')] = entries;
      }
      return {
        tool,
        path: ini.path,
        section: '',
        inPyproject: false,
        values,
        where: `configured in ${ini.path}`,
      };
    }
    const { section } = candidate;
    if (typeof section === 'string') {
      const entries = ini.value[section];
      if (entries) {
        return {
          tool,
          path: ini.path,
          section: `[${section}]`,
          inPyproject: false,
          values: entries,
          where: `configured in ${ini.path} [${section}]`,
        };
      }
      continue;
    }
    const values: Table = {};
    const names: string[] = [];
    for (const [name, entries] of Object.entries(ini.value)) {
      const match = section.exec(name);
      if (match) {
        values[match[1]] = entries;
        names.push(`[${name}]`);
      }
    }
    if (names.length) {
      return {
        tool,
        path: ini.path,
        section: names.join(', '),
        inPyproject: false,
        values,
        where: `configured in ${ini.path} ${names.join(', ')}`,
      };
    }
  }
  return undefined;
}

/** One setting, with INI strings turned into numbers where they are numeric. */
export function toolSetting(
  settings: ToolSettings | undefined,
  ...keys: string[]
): unknown {
  let current: unknown = settings?.values;
  for (const key of keys) {
    current = isTable(current) ? current[key] : undefined;
  }
  if (typeof current === 'string' && /^-?\d+(\.\d+)?$/.test(current.trim())) {
    return Number(current);
  }
  return current;
}

/** A setting that may be a list: TOML arrays, or INI lines / comma lists. */
export function toolSettingList(
  settings: ToolSettings | undefined,
  ...keys: string[]
): string[] {
  const parent = keys.length > 1 ? keys.slice(0, -1) : [];
  let section: unknown = settings?.values;
  for (const key of parent) {
    section = isTable(section) ? section[key] : undefined;
  }
  const key = keys[keys.length - 1];
  const value = isTable(section) ? section[key] : undefined;
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  if (typeof value === 'string' && isTable(section)) {
    return iniValueLines(section as Record<string, string>, key)
      .flatMap(line => line.split(','))
      .map(item => item.trim())
      .filter(Boolean);
  }
  return [];
}

/** A hook of `.pre-commit-config.yaml`, by its id. */
export interface PreCommitHook {
  id: string;
  path: string;
}

/**
 * Hook ids of `.pre-commit-config.yaml` (project folder, else the
 * repository root). A tool run as a hook is a tool in use: pre-commit pins
 * its version (`rev`) and runs it on every commit, and in CI with
 * `pre-commit run --all-files`.
 */
export function preCommitHooks(context: CheckContext): PreCommitHook[] {
  for (const path of new Set([
    context.inProject('.pre-commit-config.yaml'),
    '.pre-commit-config.yaml',
  ])) {
    const parsed = context.preCommitConfig(path);
    if (parsed.state === 'missing') continue;
    // An unreadable config runs no hook as far as the checks can tell.
    return parsed.state === 'ok' ? parsed.value.map(id => ({ id, path })) : [];
  }
  return [];
}

/** The pre-commit hook that runs `tool` (`ruff` also as `ruff-format`, `ruff-check`). */
export function preCommitHook(
  context: CheckContext,
  tool: string,
): PreCommitHook | undefined {
  return preCommitHooks(context).find(
    hook => hook.id === tool || hook.id.startsWith(`${tool}-`),
  );
}

/** `; the guidelines want it in pyproject.toml` unless it is there (flake8 is the exception). */
export function guidelinesWantPyproject(settings: ToolSettings): string {
  return settings.inPyproject || settings.tool === 'flake8'
    ? ''
    : `; the guidelines want it in pyproject.toml (see PYG-012)`;
}
