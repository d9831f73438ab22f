import { iniValueLines, IniDocument } from '../parsers/parseIni';
import type { Parsed } from '../parsers/Parsed';
import {
  normalizePackageName,
  PyprojectModel,
  requirementName,
} from '../parsers/pyprojectModel';
import { parseRequirements, requirementNames } from '../parsers/requirements';
import type { PythonLiteral, SetupPyReading } from '../parsers/setupPy';
import { getStrings, getTable, isTable, Table } from '../parsers/tomlAccess';

/** A packaging fact and where it was declared. */
export interface Declared<T = string> {
  value: T;
  path: string;
  /** For messages: `setup.cfg [options]`, `setup.py setup()`, `pyproject.toml [project]`. */
  where: string;
  line?: number;
}

/** One dependency name, its group (`undefined` = runtime) and where it is declared. */
export interface DeclaredDependency {
  name: string;
  group?: string;
  path: string;
  where: string;
  line?: number;
}

/** PyPI metadata fields PYG-033 asks for. */
export type MetadataField =
  | 'version'
  | 'description'
  | 'authors'
  | 'readme'
  | 'homepage'
  | 'repository';

/**
 * The project's packaging facts merged from every file packaging reads,
 * with packaging's own precedence: `pyproject.toml` `[project]`, then
 * `[tool.poetry]`, then `setup.py`'s `setup()` keywords (which setuptools
 * applies over setup.cfg), then `setup.cfg`. Dependencies also come from
 * `requirements*.txt`, `Pipfile` and tox `deps`: runtime ones when
 * pyproject.toml does not declare the project itself (then those files are
 * how it installs), development groups named after the file otherwise.
 */
export interface PackagingModel {
  /** pyproject.toml declares the project (`[project]` or `[tool.poetry]`). */
  pyprojectDeclaresProject: boolean;
  /**
   * The merged facts in the shape checks already read: `raw` and `tool`
   * are pyproject.toml's (empty without one), names, dependencies,
   * groups, Python constraint and scripts are merged.
   */
  model: PyprojectModel;
  name?: Declared;
  pythonConstraint?: Declared;
  dependencies: DeclaredDependency[];
  metadata: Partial<Record<MetadataField, Declared>>;
  /**
   * Every place that declared packaging facts, strongest first, e.g.
   * `setup.cfg [metadata]`: `metadata` for pyproject.toml, setup.py and
   * setup.cfg, `dependencies` for requirements files, Pipfile and tox
   * (lists of what to install, without a name or version).
   */
  sources: Array<{
    path: string;
    where: string;
    kind: 'metadata' | 'dependencies';
  }>;
  /** setup.py keywords that are present but are not literals (never guessed). */
  notStaticallyReadable: Array<{
    path: string;
    keyword: string;
    expression: string;
    line: number;
  }>;
}

/** Inputs, all project-relative reads already resolved by the facts. */
export interface PackagingInputs {
  pyproject: Parsed<PyprojectModel>;
  setupCfg: Parsed<IniDocument>;
  setupPy: Parsed<SetupPyReading>;
  pipfile: Parsed<Table>;
  toxIni: Parsed<IniDocument>;
  /** requirements files: repository path → text. */
  requirements: Array<{ path: string; relative: string; text: string }>;
}

const EMPTY_MODEL: PyprojectModel = {
  raw: {},
  mainDependencies: [],
  dependencyGroups: {},
  scripts: [],
  tool: {},
};

/** Requirements files as pip-tools, pip and most projects name them. */
const REQUIREMENTS_FILE =
  /^(?:([\w.-]+?)[-_.])?requirements(?:[-_.]([\w.-]+?))?\.(?:txt|in)$|^requirements\/([\w.-]+)\.(?:txt|in)$/;

/** Stems of requirements files that hold runtime dependencies. */
const RUNTIME_STEMS = new Set([
  '',
  'base',
  'common',
  'main',
  'prod',
  'production',
  'runtime',
  'install',
  'default',
  'lock',
  'requirements',
]);

/** Whether a project-relative path is a pip requirements file. */
export function isRequirementsFile(relative: string): boolean {
  // Most paths are not: a substring test first keeps the scan of a large
  // tree cheap.
  return relative.includes('requirements') && REQUIREMENTS_FILE.test(relative);
}

/** The group a requirements file stands for; undefined for runtime ones. */
export function requirementsGroup(relative: string): string | undefined {
  const match = REQUIREMENTS_FILE.exec(relative);
  if (!match) return undefined;
  const stem = (match[1] ?? match[2] ?? match[3] ?? '').toLowerCase();
  return RUNTIME_STEMS.has(stem) ? undefined : stem;
}

/** Builds the {@link PackagingModel}. */
export function buildPackagingModel(inputs: PackagingInputs): PackagingModel {
  const pyproject = inputs.pyproject.state === 'ok' ? inputs.pyproject : null;
  const raw = pyproject?.value.raw ?? {};
  const projectTable = getTable(raw, 'project');
  const poetryTable = getTable(raw, 'tool', 'poetry');
  const declares = !!(projectTable || poetryTable);
  const dynamic = getStrings(projectTable, 'dynamic');
  const dependencies: DeclaredDependency[] = [];
  const sources: PackagingModel['sources'] = [];
  const metadata: PackagingModel['metadata'] = {};
  const notStaticallyReadable: PackagingModel['notStaticallyReadable'] = [];
  let name: Declared | undefined;
  let pythonConstraint: Declared | undefined;
  const scripts = [...(pyproject?.value.scripts ?? [])];

  const addSource = (
    path: string,
    where: string,
    kind: 'metadata' | 'dependencies' = 'metadata',
  ) => {
    if (!sources.some(s => s.where === where)) {
      sources.push({ path, where, kind });
    }
  };
  const setName = (value: string | undefined, path: string, where: string) => {
    if (value && !name) name = { value, path, where };
  };
  const setPython = (
    value: string | undefined,
    path: string,
    where: string,
  ) => {
    if (value && !pythonConstraint) pythonConstraint = { value, path, where };
  };
  const setMeta = (field: MetadataField, path: string, where: string) => {
    if (!metadata[field]) metadata[field] = { value: where, path, where };
  };
  const addDeps = (
    names: Array<string | undefined>,
    group: string | undefined,
    path: string,
    where: string,
  ) => {
    for (const dep of names) {
      if (dep) dependencies.push({ name: dep, group, path, where });
    }
  };

  // 1. pyproject.toml: [project], then [tool.poetry].
  if (pyproject) {
    const path = pyproject.path;
    if (projectTable) addSource(path, `${path} [project]`);
    if (poetryTable) addSource(path, `${path} [tool.poetry]`);
    const where = projectTable ? `${path} [project]` : `${path} [tool.poetry]`;
    setName(pyproject.value.name, path, where);
    setPython(pyproject.value.pythonConstraint, path, where);
    addDeps(pyproject.value.mainDependencies, undefined, path, where);
    for (const [group, names] of Object.entries(
      pyproject.value.dependencyGroups,
    )) {
      addDeps(names, group, path, where);
    }
    const has = (key: string) =>
      projectTable?.[key] !== undefined ||
      poetryTable?.[key] !== undefined ||
      dynamic.includes(key);
    for (const field of ['version', 'description', 'authors', 'readme']) {
      if (has(field)) setMeta(field as MetadataField, path, where);
    }
    const urls = Object.keys({
      ...(getTable(poetryTable, 'urls') ?? {}),
      ...(getTable(projectTable, 'urls') ?? {}),
    }).map(key => key.toLowerCase());
    if (poetryTable?.homepage || urls.includes('homepage')) {
      setMeta('homepage', path, where);
    }
    if (
      poetryTable?.repository ||
      urls.some(k => ['repository', 'source', 'source code'].includes(k))
    ) {
      setMeta('repository', path, where);
    }
  }

  // 2. setup.py: setup() keywords override setup.cfg's.
  const call =
    inputs.setupPy.state === 'ok' ? inputs.setupPy.value.call : undefined;
  if (call && inputs.setupPy.state === 'ok') {
    const path = inputs.setupPy.path;
    const where = `${path} setup()`;
    if (Object.keys(call.keywords).length) addSource(path, where);
    for (const [keyword, argument] of Object.entries(call.keywords)) {
      if (!argument.readable) {
        notStaticallyReadable.push({
          path,
          keyword,
          expression: argument.expression,
          line: argument.line,
        });
      }
    }
    const literal = (keyword: string): PythonLiteral | undefined => {
      const argument = call.keywords[keyword];
      return argument?.readable ? argument.value : undefined;
    };
    const present = (keyword: string) => call.keywords[keyword] !== undefined;
    const nameValue = literal('name');
    setName(typeof nameValue === 'string' ? nameValue : undefined, path, where);
    const python = literal('python_requires');
    setPython(typeof python === 'string' ? python : undefined, path, where);
    const wantsDependencies = !declares || dynamic.includes('dependencies');
    if (wantsDependencies) {
      addDeps(
        literalLines(literal('install_requires')).map(requirementName),
        undefined,
        path,
        where,
      );
    }
    if (!declares || dynamic.includes('optional-dependencies')) {
      const extras = literal('extras_require');
      if (isTable(extras)) {
        for (const [group, reqs] of Object.entries(extras)) {
          addDeps(
            literalLines(reqs as PythonLiteral).map(requirementName),
            group,
            path,
            where,
          );
        }
      }
      addDeps(
        literalLines(literal('tests_require')).map(requirementName),
        'tests_require',
        path,
        where,
      );
    }
    for (const script of setupPyScripts(
      literal('entry_points'),
      literal('scripts'),
    )) {
      if (!scripts.includes(script)) scripts.push(script);
    }
    if (present('version')) setMeta('version', path, where);
    if (present('description')) setMeta('description', path, where);
    if (present('author') || present('maintainer')) {
      setMeta('authors', path, where);
    }
    if (present('long_description')) setMeta('readme', path, where);
    if (present('url')) setMeta('homepage', path, where);
    const projectUrls = literal('project_urls');
    if (
      isTable(projectUrls) &&
      Object.keys(projectUrls).some(k =>
        ['repository', 'source', 'source code', 'code'].includes(
          k.toLowerCase(),
        ),
      )
    ) {
      setMeta('repository', path, where);
    }
  }

  // 3. setup.cfg: [metadata], [options], [options.extras_require].
  if (inputs.setupCfg.state === 'ok') {
    const cfg = inputs.setupCfg.value;
    const path = inputs.setupCfg.path;
    const meta = cfg.metadata;
    const options = cfg.options;
    if (meta) {
      addSource(path, `${path} [metadata]`);
      const where = `${path} [metadata]`;
      setName(meta.name, path, where);
      if (meta.version) setMeta('version', path, where);
      if (meta.description || meta.summary) {
        setMeta('description', path, where);
      }
      if (meta.author || meta.maintainer) setMeta('authors', path, where);
      if (meta.long_description) setMeta('readme', path, where);
      if (meta.url || meta['home-page'] || meta.home_page) {
        setMeta('homepage', path, where);
      }
      if (
        iniValueLines(meta, 'project_urls').some(line =>
          /^(repository|source|source code|code)\s*=/i.test(line),
        )
      ) {
        setMeta('repository', path, where);
      }
    }
    if (options) {
      const where = `${path} [options]`;
      addSource(path, where);
      setPython(options.python_requires, path, where);
      if (!declares || dynamic.includes('dependencies')) {
        addDeps(
          iniValueLines(options, 'install_requires').map(requirementName),
          undefined,
          path,
          where,
        );
      }
      if (!declares) {
        addDeps(
          iniValueLines(options, 'tests_require').map(requirementName),
          'tests_require',
          path,
          where,
        );
      }
    }
    const extras = cfg['options.extras_require'];
    if (extras && (!declares || dynamic.includes('optional-dependencies'))) {
      const where = `${path} [options.extras_require]`;
      for (const group of Object.keys(extras)) {
        addDeps(
          iniValueLines(extras, group).map(requirementName),
          group,
          path,
          where,
        );
      }
    }
  }

  // 4. How the project installs for development and CI: requirements
  // files, Pipfile, tox deps. Without [project] metadata they are its
  // dependencies; beside it they only add development groups (a
  // requirements.txt next to [project] is a development or CI install), so
  // the runtime dependencies stay what packaging declares.
  for (const file of inputs.requirements) {
    addSource(file.path, file.path, 'dependencies');
    const group =
      requirementsGroup(file.relative) ??
      (declares ? file.relative : undefined);
    for (const entry of parseRequirements(file.text).requirements) {
      dependencies.push({
        name: entry.name,
        group,
        path: file.path,
        where: file.path,
        line: entry.line,
      });
    }
  }
  if (inputs.pipfile.state === 'ok') {
    const path = inputs.pipfile.path;
    const pipfile = inputs.pipfile.value;
    addSource(path, path, 'dependencies');
    addDeps(
      Object.keys(getTable(pipfile, 'packages') ?? {}).map(
        normalizePackageName,
      ),
      declares ? 'Pipfile' : undefined,
      path,
      `${path} [packages]`,
    );
    addDeps(
      Object.keys(getTable(pipfile, 'dev-packages') ?? {}).map(
        normalizePackageName,
      ),
      'dev-packages',
      path,
      `${path} [dev-packages]`,
    );
    const requires = getTable(pipfile, 'requires');
    const pinned =
      typeof requires?.python_version === 'string'
        ? requires.python_version
        : undefined;
    const full =
      typeof requires?.python_full_version === 'string'
        ? requires.python_full_version
        : undefined;
    setPython(
      pinned ? `==${pinned}.*` : full && `==${full}`,
      path,
      `${path} [requires]`,
    );
  }
  if (inputs.toxIni.state === 'ok') {
    const path = inputs.toxIni.path;
    for (const [section, values] of Object.entries(inputs.toxIni.value)) {
      if (!/^testenv(:|$)/.test(section)) continue;
      addDeps(
        requirementNames(iniValueLines(values, 'deps')),
        'tox',
        path,
        `${path} [${section}] deps`,
      );
    }
  }

  const groups: Record<string, string[]> = {};
  const main: string[] = [];
  for (const dep of dependencies) {
    if (dep.group === undefined) {
      if (!main.includes(dep.name)) main.push(dep.name);
    } else {
      const names = groups[dep.group] ?? [];
      if (!names.includes(dep.name)) names.push(dep.name);
      groups[dep.group] = names;
    }
  }
  const base = pyproject?.value ?? EMPTY_MODEL;
  return {
    pyprojectDeclaresProject: declares,
    model: {
      ...base,
      name: name?.value,
      mainDependencies: main,
      dependencyGroups: groups,
      pythonConstraint: pythonConstraint?.value,
      scripts,
    },
    name,
    pythonConstraint,
    dependencies,
    metadata,
    sources,
    notStaticallyReadable,
  };
}

/** Requirement strings from a literal: a list, or a string one a line. */
function literalLines(value: PythonLiteral | undefined): string[] {
  if (typeof value === 'string') {
    return value
      .split(/\r?\n/)
      .map(line => line.trim())
      .filter(line => line && !line.startsWith('#'));
  }
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/**
 * Console commands from setup.py: `entry_points` as a dict (group to a
 * list or a string), as INI text (`[console_scripts]` lines) or as a list of
 * such lines, plus `scripts` (installed under their file names).
 */
export function setupPyScripts(
  entryPoints: PythonLiteral | undefined,
  scripts: PythonLiteral | undefined,
): string[] {
  const names: string[] = [];
  const fromLines = (lines: string[]) => {
    for (const line of lines) {
      const match = /^\s*([A-Za-z0-9][\w.-]*)\s*=/.exec(line);
      if (match) names.push(match[1]);
    }
  };
  if (isTable(entryPoints)) {
    fromLines(literalLines(entryPoints.console_scripts as PythonLiteral));
    fromLines(literalLines(entryPoints.gui_scripts as PythonLiteral));
  } else if (typeof entryPoints === 'string' || Array.isArray(entryPoints)) {
    let group = '';
    for (const line of literalLines(entryPoints)) {
      const header = /^\[([^\]]+)\]$/.exec(line);
      if (header) group = header[1].trim();
      else if (group === 'console_scripts' || group === 'gui_scripts') {
        fromLines([line]);
      }
    }
  }
  for (const script of literalLines(scripts)) {
    const base = script.split('/').pop()!;
    if (base) names.push(base);
  }
  return names;
}
