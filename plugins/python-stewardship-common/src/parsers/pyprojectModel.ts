import {
  getString,
  getStrings,
  getTable,
  getValue,
  isTable,
  Table,
} from './tomlAccess';

/** The facts checks need from `pyproject.toml`, independent of the build tool. */
export interface PyprojectModel {
  raw: Table;
  /** Distribution name from `[project]` or `[tool.poetry]`. */
  name?: string;
  /** Runtime dependencies (normalised names). */
  mainDependencies: string[];
  /** Optional / development groups and their normalised dependency names. */
  dependencyGroups: Record<string, string[]>;
  /** `requires-python` or Poetry's `python` dependency. */
  pythonConstraint?: string;
  /** Console entry points from `[project.scripts]` and `[tool.poetry.scripts]`. */
  scripts: string[];
  buildBackend?: string;
  /** The `[tool]` table, or an empty table. */
  tool: Table;
}

/** PEP 503 name normalisation, so `Pytest_Cov` and `pytest-cov` compare equal. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Name part of a PEP 508 requirement such as `pytest-cov[toml]>=5; python_version>"3"`. */
export function requirementName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return match ? normalizePackageName(match[1]) : undefined;
}

function namesOf(requirements: string[]): string[] {
  return requirements.map(requirementName).filter((n): n is string => !!n);
}

function poetryNames(table: Table | undefined): string[] {
  if (!table) {
    return [];
  }
  return Object.keys(table)
    .filter(name => name.toLowerCase() !== 'python')
    .map(normalizePackageName);
}

function addGroup(
  groups: Record<string, string[]>,
  group: string,
  names: string[],
) {
  groups[group] = [...(groups[group] ?? []), ...names];
}

/** Builds the {@link PyprojectModel} from a parsed TOML document. */
export function toPyprojectModel(raw: Table): PyprojectModel {
  const project = getTable(raw, 'project');
  const poetry = getTable(raw, 'tool', 'poetry');
  const groups: Record<string, string[]> = {};

  const optional = getTable(project, 'optional-dependencies') ?? {};
  for (const [group, reqs] of Object.entries(optional)) {
    addGroup(
      groups,
      group,
      namesOf(Array.isArray(reqs) ? reqs.filter(isString) : []),
    );
  }
  const pep735 = getTable(raw, 'dependency-groups') ?? {};
  for (const [group, reqs] of Object.entries(pep735)) {
    addGroup(
      groups,
      group,
      namesOf(Array.isArray(reqs) ? reqs.filter(isString) : []),
    );
  }
  const poetryGroups = getTable(poetry, 'group') ?? {};
  for (const [group, table] of Object.entries(poetryGroups)) {
    addGroup(groups, group, poetryNames(getTable(table, 'dependencies')));
  }
  const legacyDev = getTable(poetry, 'dev-dependencies');
  if (legacyDev) {
    addGroup(groups, 'dev', poetryNames(legacyDev));
  }
  const pdmDev = getTable(raw, 'tool', 'pdm', 'dev-dependencies') ?? {};
  for (const [group, reqs] of Object.entries(pdmDev)) {
    addGroup(
      groups,
      group,
      namesOf(Array.isArray(reqs) ? reqs.filter(isString) : []),
    );
  }
  const uvDev = getStrings(raw, 'tool', 'uv', 'dev-dependencies');
  if (uvDev.length) {
    addGroup(groups, 'dev', namesOf(uvDev));
  }

  const poetryPython = getValue(poetry, 'dependencies', 'python');
  const pythonConstraint =
    getString(project, 'requires-python') ??
    (typeof poetryPython === 'string'
      ? poetryPython
      : getString(poetryPython, 'version'));

  return {
    raw,
    name: getString(project, 'name') ?? getString(poetry, 'name'),
    mainDependencies: [
      ...namesOf(getStrings(project, 'dependencies')),
      ...poetryNames(getTable(poetry, 'dependencies')),
    ],
    dependencyGroups: groups,
    pythonConstraint,
    scripts: [
      ...Object.keys(getTable(project, 'scripts') ?? {}),
      ...Object.keys(getTable(poetry, 'scripts') ?? {}),
    ],
    buildBackend: getString(raw, 'build-system', 'build-backend'),
    tool: getTable(raw, 'tool') ?? {},
  };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Every dependency name the project declares, runtime and development. */
export function allDependencies(model: PyprojectModel): Set<string> {
  return new Set([
    ...model.mainDependencies,
    ...Object.values(model.dependencyGroups).flat(),
  ]);
}

/** Whether `[tool.<name>]` exists (a table, possibly empty). */
export function hasToolTable(
  model: PyprojectModel,
  ...keys: string[]
): boolean {
  return isTable(getValue(model.tool, ...keys));
}
