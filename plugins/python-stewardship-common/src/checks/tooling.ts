import type { CheckContext } from '../engine/CheckContext';
import {
  allDependencies,
  hasToolTable,
  PyprojectModel,
} from '../parsers/pyprojectModel';
import { getStrings, getTable, getValue, Table } from '../parsers/tomlAccess';
import type { PackageManager } from '../options/stewardshipOptions';

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
      allDependencies(model).has('ruff'))
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

/** black's configured line length, or its default. */
export function blackLineLength(model: PyprojectModel): number {
  const value = getValue(model.tool, 'black', 'line-length');
  return typeof value === 'number' ? value : 88;
}

/** Tools the project uses, from `[tool.*]` tables and declared dependencies. */
export function configuredLintTools(
  context: CheckContext,
  model: PyprojectModel,
) {
  const deps = allDependencies(model);
  const flake8 =
    deps.has('flake8') ||
    ['setup.cfg', '.flake8', 'tox.ini'].some(file => {
      const ini = context.ini(context.inProject(file));
      return ini.state === 'ok' && ini.value.flake8 !== undefined;
    });
  return {
    black: hasToolTable(model, 'black') || deps.has('black'),
    isort: hasToolTable(model, 'isort') || deps.has('isort'),
    flake8,
    pylint: hasToolTable(model, 'pylint') || deps.has('pylint'),
    mypy: hasToolTable(model, 'mypy') || deps.has('mypy'),
    ruff: usesRuff(context, model),
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
 * Where pytest reads its settings, in pytest's own order: `pytest.ini`
 * (even when empty), `[tool.pytest.ini_options]` in pyproject.toml,
 * `[pytest]` in tox.ini, `[tool:pytest]` in setup.cfg. Undefined when none.
 */
export function pytestConfig(
  context: CheckContext,
  model: PyprojectModel | undefined,
): { path: string; section: string; inPyproject: boolean } | undefined {
  const pytestIni = context.inProject('pytest.ini');
  if (context.exists(pytestIni)) {
    return { path: pytestIni, section: '[pytest]', inPyproject: false };
  }
  if (model && getTable(model.tool, 'pytest', 'ini_options')) {
    return {
      path: context.inProject('pyproject.toml'),
      section: '[tool.pytest.ini_options]',
      inPyproject: true,
    };
  }
  for (const [file, section] of [
    ['tox.ini', 'pytest'],
    ['setup.cfg', 'tool:pytest'],
  ]) {
    const ini = context.ini(context.inProject(file));
    if (ini.state === 'ok' && ini.value[section] !== undefined) {
      return { path: ini.path, section: `[${section}]`, inPyproject: false };
    }
  }
  return undefined;
}
