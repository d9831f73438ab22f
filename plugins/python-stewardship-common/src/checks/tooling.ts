import type { CheckContext } from '../engine/CheckContext';
import {
  allDependencies,
  hasToolTable,
  PyprojectModel,
} from '../parsers/pyprojectModel';
import { getStrings, getTable, getValue, Table } from '../parsers/tomlAccess';
import type { PackageManager } from '../options/stewardshipOptions';
import { iniValueLines } from '../parsers/parseIni';
import { findToolSettings, preCommitHook } from './toolSettings';

/**
 * ruff's own configuration: `[tool.ruff]` in pyproject.toml, or `ruff.toml`
 * / `.ruff.toml` (whose keys sit at the top level). Undefined when ruff is
 * not configured.
 */
export function ruffConfig(
  context: CheckContext,
  model: PyprojectModel,
): { table: Table; path: string } | undefined {
  const inPyproject = getTable(model.tool, 'ruff');
  if (inPyproject) {
    return { table: inPyproject, path: context.inProject('pyproject.toml') };
  }
  for (const name of ['ruff.toml', '.ruff.toml']) {
    const parsed = context.toml(context.inProject(name));
    if (parsed.state === 'ok') {
      return { table: parsed.value, path: parsed.path };
    }
  }
  return undefined;
}

/** Whether ruff is in use and the organisation accepts it. */
export function usesRuff(
  context: CheckContext,
  model: PyprojectModel,
): boolean {
  return (
    context.options.acceptRuff &&
    (ruffConfig(context, model) !== undefined ||
      allDependencies(model).has('ruff') ||
      preCommitHook(context, 'ruff') !== undefined)
  );
}

/** ruff's rule defaults when `select` is not set (pycodestyle errors and pyflakes). */
const RUFF_DEFAULT_SELECT = ['E4', 'E7', 'E9', 'F'];

/** Rule prefixes ruff enforces: `select` (or the defaults) plus `extend-select`. */
export function ruffSelectedRules(
  context: CheckContext,
  model: PyprojectModel,
): string[] {
  const config = ruffConfig(context, model)?.table ?? {};
  const lint = getTable(config, 'lint') ?? {};
  const select = [
    ...getStrings(lint, 'select'),
    ...getStrings(config, 'select'),
  ];
  const extend = [
    ...getStrings(lint, 'extend-select'),
    ...getStrings(config, 'extend-select'),
  ];
  return [...(select.length ? select : RUFF_DEFAULT_SELECT), ...extend];
}

/** Whether a selected rule set covers `prefix` (e.g. `I`, `E`, `PL`); `ALL` covers everything. */
export function ruffSelects(rules: string[], prefix: string): boolean {
  return rules.some(
    rule =>
      rule === 'ALL' ||
      rule === prefix ||
      rule.startsWith(prefix) ||
      prefix.startsWith(rule),
  );
}

/** ruff's configured line length (`line-length`, also under `[format]`), or its default 88. */
export function ruffLineLength(
  context: CheckContext,
  model: PyprojectModel,
): number {
  const table = ruffConfig(context, model)?.table;
  const value =
    getValue(table, 'format', 'line-length') ?? getValue(table, 'line-length');
  return typeof value === 'number' ? value : 88;
}

/** black's configured line length, or its default. */
export function blackLineLength(model: PyprojectModel): number {
  const value = getValue(model.tool, 'black', 'line-length');
  return typeof value === 'number' ? value : 88;
}

/** The lint tools the rule pack knows. */
export type LintTool =
  | 'black'
  | 'isort'
  | 'flake8'
  | 'pylint'
  | 'mypy'
  | 'ruff';

/** How a lint tool is in use, each with where it was found. */
export interface LintToolUse {
  /** Declared as a dependency (pinned in the lockfile or a requirements file). */
  declared?: string;
  /** Run as a pre-commit hook (pinned by its `rev`). */
  hook?: string;
  /** Configured where the tool reads its settings. */
  configured?: string;
}

/**
 * Which lint tools the project uses and how: the one finder PYG-007,
 * PYG-013 and PYG-021 ask. ruff counts only when the organisation accepts it.
 */
export function lintToolUse(
  context: CheckContext,
  model: PyprojectModel,
): Record<LintTool, LintToolUse> {
  // flake8 plugins (flake8-bugbear, wemake-python-styleguide) install flake8.
  const declared = (tool: string) =>
    context
      .packaging()
      .dependencies.find(
        dep =>
          dep.name === tool ||
          (tool === 'flake8' &&
            (dep.name.startsWith('flake8-') ||
              dep.name === 'wemake-python-styleguide')),
      )?.where;
  const use = (tool: LintTool): LintToolUse => {
    let configured: string | undefined;
    if (tool === 'black') {
      configured = hasToolTable(model, 'black')
        ? context.inProject('pyproject.toml')
        : undefined;
    } else if (tool === 'ruff') {
      configured = ruffConfig(context, model)?.path;
    } else {
      configured = findToolSettings(context, model, tool)?.path;
    }
    const found = {
      declared:
        declared(tool) ??
        (allDependencies(model).has(tool)
          ? context.inProject('pyproject.toml')
          : undefined),
      hook: preCommitHook(context, tool)?.path,
      configured,
    };
    return Object.fromEntries(
      Object.entries(found).filter(([, value]) => value !== undefined),
    );
  };
  const ruff = context.options.acceptRuff ? use('ruff') : {};
  return {
    black: use('black'),
    isort: use('isort'),
    flake8: use('flake8'),
    pylint: use('pylint'),
    mypy: use('mypy'),
    ruff,
  };
}

/**
 * Tools the project uses: configured wherever the tool reads its settings,
 * declared as dependencies, or run as pre-commit hooks.
 */
export function configuredLintTools(
  context: CheckContext,
  model: PyprojectModel,
): Record<LintTool, boolean> {
  const use = lintToolUse(context, model);
  const inUse = (tool: LintTool) => Object.keys(use[tool]).length > 0;
  return {
    black: inUse('black'),
    isort: inUse('isort'),
    flake8: inUse('flake8'),
    pylint: inUse('pylint'),
    mypy: inUse('mypy'),
    ruff: inUse('ruff'),
  };
}

/** Package managers the project shows evidence of, with the evidence. */
export function detectPackageManagers(
  context: CheckContext,
  model: PyprojectModel,
): Array<{ manager: PackageManager; evidence: string }> {
  const found: Array<{ manager: PackageManager; evidence: string }> = [];
  const backend = model.buildBackend ?? '';
  const has = (file: string) => context.exists(context.inProject(file));
  if (getTable(model.tool, 'poetry') || backend.startsWith('poetry')) {
    found.push({
      manager: 'poetry',
      evidence: backend.startsWith('poetry')
        ? `build-backend ${backend}`
        : '[tool.poetry]',
    });
  } else if (has('poetry.lock')) {
    found.push({ manager: 'poetry', evidence: 'poetry.lock' });
  }
  if (getTable(model.tool, 'uv') || has('uv.lock')) {
    found.push({
      manager: 'uv',
      evidence: has('uv.lock') ? 'uv.lock' : '[tool.uv]',
    });
  }
  if (
    getTable(model.tool, 'pdm') ||
    backend.startsWith('pdm') ||
    has('pdm.lock')
  ) {
    found.push({
      manager: 'pdm',
      evidence: has('pdm.lock') ? 'pdm.lock' : 'pdm configuration',
    });
  }
  if (getTable(model.tool, 'hatch') || backend.startsWith('hatchling')) {
    found.push({ manager: 'hatch', evidence: 'hatch configuration' });
  }
  if (backend.startsWith('setuptools') || has('setup.py')) {
    found.push({
      manager: 'setuptools',
      evidence: backend ? `build-backend ${backend}` : 'setup.py',
    });
  }
  return found;
}

/** The lockfile each package manager writes; hatch and setuptools have none. */
export const LOCKFILES: Partial<Record<PackageManager, string>> = {
  poetry: 'poetry.lock',
  uv: 'uv.lock',
  pdm: 'pdm.lock',
};

/** Development tools that belong in a dependency group, not runtime dependencies. */
export const DEVELOPMENT_TOOLS = [
  'pytest',
  'pytest-cov',
  'pytest-asyncio',
  'coverage',
  'black',
  'isort',
  'flake8',
  'pylint',
  'mypy',
  'ruff',
];

/**
 * Where pytest reads its settings, in pytest's own order: `pytest.toml` /
 * `.pytest.toml` (pytest 9), `pytest.ini` / `.pytest.ini` (even when
 * empty), `[tool.pytest]` (pytest 9) or `[tool.pytest.ini_options]` in pyproject.toml,
 * `[pytest]` in tox.ini, `[tool:pytest]` in setup.cfg. Undefined when none.
 */
export function pytestConfig(
  context: Pick<CheckContext, 'inProject' | 'exists' | 'ini' | 'toml'>,
  model: PyprojectModel | undefined,
):
  | {
      path: string;
      section: string;
      inPyproject: boolean;
      /** The ini options; INI values are strings (lists one a line, see `pytestOption`). */
      values: Table;
    }
  | undefined {
  // pytest 9 reads pytest.toml / .pytest.toml ([pytest]) before anything else.
  for (const name of ['pytest.toml', '.pytest.toml']) {
    const path = context.inProject(name);
    if (context.exists(path)) {
      const toml = context.toml(path);
      return {
        path,
        section: '[pytest]',
        inPyproject: false,
        values: (toml.state === 'ok' && getTable(toml.value, 'pytest')) || {},
      };
    }
  }
  for (const name of ['pytest.ini', '.pytest.ini']) {
    const pytestIni = context.inProject(name);
    if (context.exists(pytestIni)) {
      const ini = context.ini(pytestIni);
      return {
        path: pytestIni,
        section: '[pytest]',
        inPyproject: false,
        values: (ini.state === 'ok' && ini.value.pytest) || {},
      };
    }
  }
  // pytest 9's native [tool.pytest] table, then [tool.pytest.ini_options].
  const native = model && getTable(model.tool, 'pytest');
  if (native && Object.keys(native).some(key => key !== 'ini_options')) {
    return {
      path: context.inProject('pyproject.toml'),
      section: '[tool.pytest]',
      inPyproject: true,
      values: native,
    };
  }
  const table = model && getTable(model.tool, 'pytest', 'ini_options');
  if (table) {
    return {
      path: context.inProject('pyproject.toml'),
      section: '[tool.pytest.ini_options]',
      inPyproject: true,
      values: table,
    };
  }
  for (const [file, section] of [
    ['tox.ini', 'pytest'],
    ['setup.cfg', 'tool:pytest'],
  ]) {
    const ini = context.ini(context.inProject(file));
    if (ini.state === 'ok' && ini.value[section] !== undefined) {
      return {
        path: ini.path,
        section: `[${section}]`,
        inPyproject: false,
        values: ini.value[section],
      };
    }
  }
  return undefined;
}

/**
 * A list-valued pytest option (`testpaths`, `python_files`,
 * `norecursedirs`, `filterwarnings`): a TOML array, or INI lines. pytest
 * splits `filterwarnings` INI values by line and the others by whitespace.
 */
export function pytestOption(
  config: { values: Table } | undefined,
  name: string,
): string[] {
  const value = config?.values[name];
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  if (typeof value !== 'string') return [];
  const lines = iniValueLines(config!.values as Record<string, string>, name);
  return name === 'filterwarnings'
    ? lines
    : lines.flatMap(line => line.split(/\s+/)).filter(Boolean);
}
