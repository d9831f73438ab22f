import { parseAllDocuments } from 'yaml';
import { Parsed } from './Parsed';
import { isTable, Table } from './tomlAccess';

/** One `include:` entry of a GitLab CI file. */
export interface CiInclude {
  kind: 'local' | 'template' | 'remote' | 'project' | 'component';
  /** Path, template name, URL or component address. */
  value: string;
  /** File that declared the include. */
  from: string;
}

/** A job after `extends`, `default:` and `!reference` are applied. */
export interface CiJob {
  name: string;
  /** Hidden jobs (`.name`) are templates and never run. */
  hidden: boolean;
  stage?: string;
  image?: string;
  /** `before_script`, `script` and `after_script`, flattened to lines. */
  commands: string[];
  variables: Record<string, string>;
  /** The job as configured, for keys such as `rules`, `artifacts`, `coverage`. */
  definition: Table;
}

/** The merged CI configuration of a repository. */
export interface CiConfig {
  /** The parsed files with their text, root file first. */
  files: Array<{ path: string; text: string }>;
  includes: CiInclude[];
  /** `include: local` entries that do not exist in the repository. */
  missingIncludes: string[];
  stages: string[];
  variables: Record<string, string>;
  jobs: CiJob[];
}

const GLOBAL_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'types',
  'spec',
]);

const MAX_INCLUDED_FILES = 100;
const MAX_EXTENDS_DEPTH = 11;

const yamlOptions = {
  merge: true,
  // GitLab (Ruby's Psych) accepts duplicate keys and keeps the last one.
  uniqueKeys: false,
  customTags: [
    {
      tag: '!reference',
      collection: 'seq' as const,
      resolve: (seq: { toJSON(): unknown }) => ({
        gitlabReference: seq.toJSON(),
      }),
    },
  ],
};

type ReadText = (path: string) => Parsed<string>;

/**
 * Loads `.gitlab-ci.yml` and its `include: local` files, then resolves
 * anchors, `extends`, `default:` and `!reference` the way GitLab does, closely
 * enough for static checks. Remote, template, project and component includes
 * are recorded, not fetched.
 */
export function loadGitlabCi(
  rootPath: string,
  readText: ReadText,
  allPaths: readonly string[],
): Parsed<CiConfig> {
  const files: CiConfig['files'] = [];
  const includes: CiInclude[] = [];
  const missingIncludes: string[] = [];
  const visited = new Set<string>();
  let merged: Table = {};

  const load = (path: string): Parsed<CiConfig> | undefined => {
    if (visited.has(path) || visited.size >= MAX_INCLUDED_FILES) {
      return undefined;
    }
    visited.add(path);
    const read = readText(path);
    if (read.state === 'missing' && path !== rootPath) {
      missingIncludes.push(path);
      return undefined;
    }
    if (read.state !== 'ok') {
      return read;
    }
    const parsed = parseCiDocument(path, read.value);
    if (!parsed.ok) {
      return {
        state: 'error',
        path,
        message: parsed.message,
        line: parsed.line,
      };
    }
    files.push({ path, text: read.value });
    const fileIncludes = readIncludes(parsed.value.include, path);
    includes.push(...fileIncludes);
    // Included files are merged first so the including file wins, as in GitLab.
    for (const include of fileIncludes.filter(i => i.kind === 'local')) {
      for (const target of expandLocal(include.value, allPaths)) {
        const failure = load(target);
        if (failure) {
          return failure;
        }
      }
    }
    const { include: _ignored, ...rest } = parsed.value;
    merged = deepMerge(merged, rest);
    return undefined;
  };

  const failure = load(rootPath);
  if (failure) {
    return failure;
  }
  return {
    state: 'ok',
    path: rootPath,
    text: files[0]?.text ?? '',
    value: {
      files,
      includes,
      missingIncludes,
      stages: stringList(merged.stages),
      variables: stringRecord(merged.variables),
      jobs: resolveJobs(merged),
    },
  };
}

function parseCiDocument(
  path: string,
  text: string,
): { ok: true; value: Table } | { ok: false; message: string; line?: number } {
  let documents;
  try {
    documents = parseAllDocuments(text, yamlOptions);
  } catch (error) {
    return { ok: false, message: String(error) };
  }
  if (!Array.isArray(documents)) {
    return { ok: true, value: {} };
  }
  let value: Table = {};
  for (const document of documents) {
    const [error] = document.errors;
    if (error) {
      return {
        ok: false,
        message: error.message.split('\n')[0].replace(/:$/, ''),
        line: error.linePos?.[0]?.line,
      };
    }
    let content: unknown;
    try {
      content = document.toJS({ maxAliasCount: 1000 });
    } catch (conversionError) {
      // e.g. too many alias expansions (a "billion laughs" document)
      return {
        ok: false,
        message: `${path}: ${(conversionError as Error).message}`,
      };
    }
    if (content === null || content === undefined) {
      continue;
    }
    if (!isTable(content)) {
      return {
        ok: false,
        message: 'the top level must be a mapping of jobs and keywords',
      };
    }
    // A component's `spec:` header document is not pipeline configuration.
    if (!(Object.keys(content).length === 1 && 'spec' in content)) {
      value = deepMerge(value, content);
    }
  }
  return { ok: true, value };
}

function readIncludes(include: unknown, from: string): CiInclude[] {
  let entries: unknown[] = [];
  if (Array.isArray(include)) {
    entries = include;
  } else if (include !== undefined) {
    entries = [include];
  }
  const result: CiInclude[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      const remote = /^https?:\/\//.test(entry);
      result.push({ kind: remote ? 'remote' : 'local', value: entry, from });
    } else if (isTable(entry)) {
      for (const kind of [
        'local',
        'template',
        'remote',
        'component',
      ] as const) {
        if (typeof entry[kind] === 'string') {
          result.push({ kind, value: entry[kind] as string, from });
        }
      }
      if (typeof entry.project === 'string') {
        const fileList = stringList(entry.file);
        for (const file of fileList.length ? fileList : ['']) {
          result.push({
            kind: 'project',
            value: `${entry.project}:${file}`,
            from,
          });
        }
      }
    }
  }
  return result;
}

/** Resolves a local include, which may use `*` and `**` wildcards. */
function expandLocal(pattern: string, allPaths: readonly string[]): string[] {
  const path = pattern.replace(/^\/+/, '');
  if (!path.includes('*')) {
    return [path];
  }
  const source = path
    .split(/(\*\*\/?|\*)/)
    .map(part => {
      if (part.startsWith('**')) return '(?:.*/)?';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return allPaths.filter(p => regex.test(p));
}

/** GitLab's merge: mappings merge key by key, everything else is replaced. */
export function deepMerge(base: Table, override: Table): Table {
  const result: Table = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const existing = result[key];
    result[key] =
      isTable(existing) && isTable(value) ? deepMerge(existing, value) : value;
  }
  return result;
}

function resolveJobs(config: Table): CiJob[] {
  const defaults = isTable(config.default) ? config.default : {};
  const globalDefaults: Table = {};
  for (const key of ['image', 'before_script', 'after_script', 'cache']) {
    if (config[key] !== undefined) {
      globalDefaults[key] = config[key];
    }
  }
  const inherited = deepMerge(globalDefaults, defaults);
  const jobs: CiJob[] = [];
  for (const [name, value] of Object.entries(config)) {
    if (GLOBAL_KEYWORDS.has(name) || !isTable(value)) {
      continue;
    }
    const definition = resolveExtends(config, value, 0);
    const effective = { ...inherited, ...definition };
    jobs.push({
      name,
      hidden: name.startsWith('.'),
      stage: typeof effective.stage === 'string' ? effective.stage : undefined,
      image: imageName(effective.image),
      commands: ['before_script', 'script', 'after_script'].flatMap(key =>
        flattenScript(effective[key], config, 0),
      ),
      variables: stringRecord(effective.variables),
      definition: effective,
    });
  }
  return jobs;
}

function resolveExtends(config: Table, job: Table, depth: number): Table {
  const parents = stringList(job.extends);
  if (!parents.length || depth >= MAX_EXTENDS_DEPTH) {
    return job;
  }
  let merged: Table = {};
  for (const parentName of parents) {
    const parent = config[parentName];
    if (isTable(parent)) {
      merged = deepMerge(merged, resolveExtends(config, parent, depth + 1));
    }
  }
  const { extends: _extends, ...own } = job;
  return deepMerge(merged, own);
}

function flattenScript(value: unknown, config: Table, depth: number): string[] {
  if (depth > 10 || value === undefined || value === null) {
    return [];
  }
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(item => flattenScript(item, config, depth + 1));
  }
  if (isTable(value) && Array.isArray(value.gitlabReference)) {
    let target: unknown = config;
    for (const key of value.gitlabReference) {
      target = isTable(target) ? target[String(key)] : undefined;
    }
    return flattenScript(target, config, depth + 1);
  }
  return [];
}

function imageName(image: unknown): string | undefined {
  if (typeof image === 'string') {
    return image;
  }
  return isTable(image) && typeof image.name === 'string'
    ? image.name
    : undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

function stringRecord(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isTable(value)) {
    return result;
  }
  for (const [key, raw] of Object.entries(value)) {
    if (
      typeof raw === 'string' ||
      typeof raw === 'number' ||
      typeof raw === 'boolean'
    ) {
      result[key] = String(raw);
    } else if (isTable(raw) && raw.value !== undefined) {
      result[key] = String(raw.value);
    }
  }
  return result;
}
