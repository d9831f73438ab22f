import { CORE_SCHEMA, loadAll, mergeTag } from 'js-yaml';
import { Parsed } from './Parsed';
import { createParseCache, deepFreeze } from './parseCache';
import {
  ALIAS_BOMB_MESSAGE,
  expandsTooFar,
  sequenceTagAs,
  untypedLocalTags,
  yamlErrorMessage,
} from './parseYaml';
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
  /**
   * The file a command comes from, for findings to point at: the first
   * parsed file whose text holds the command's first line, else the root
   * file. Remembered per command, and kept with the configuration while
   * its files are unchanged, so later evaluations do not search again.
   */
  commandFile(command: string): string;
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

/**
 * YAML 1.2 core schema plus what GitLab reads: merge keys (`<<`), the
 * `!reference [job, key]` tag, and any other local tag taken as the plain
 * value under it (as the previous parser did, rather than failing the file).
 */
const ciSchema = CORE_SCHEMA.withTags(
  mergeTag,
  sequenceTagAs('!reference', 'gitlabReference'),
  ...untypedLocalTags,
);

type ParsedCiFile =
  | { ok: true; value: Table }
  | { ok: false; message: string; line?: number };

/** Parsed CI files by content, shared by every evaluation in this process. */
const parsedFiles = createParseCache<ParsedCiFile>({ maxEntries: 512 });

/**
 * A merged configuration with what it was built from: every file read (with
 * its text, or as missing) and every wildcard include with the paths it
 * matched. While all of them are unchanged the configuration is the same.
 */
interface LoadedConfig {
  rootPath: string;
  reads: Array<{ path: string; text?: string }>;
  wildcards: Array<{ pattern: string; matches: string[] }>;
  result: Parsed<CiConfig>;
  /** False when a read failed for another reason than a missing file. */
  cacheable: boolean;
}

/** Merged configurations by the text of their root file, across evaluations. */
const loadedConfigs = createParseCache<LoadedConfig[]>({ maxEntries: 256 });
const MAX_CONFIGS_PER_ROOT_TEXT = 4;

type ReadText = (path: string) => Parsed<string>;

/**
 * Loads `.gitlab-ci.yml` and its `include: local` files, then resolves
 * anchors, `extends`, `default:` and `!reference` the way GitLab does, closely
 * enough for static checks. Remote, template, project and component includes
 * are recorded, not fetched.
 *
 * The result is kept for later calls (a rescan, another repository with the
 * same pipeline) and returned again, frozen, while every file it read has
 * the same text and every wildcard include matches the same paths; each
 * file's parse is kept by its text as well. YAML is read with `js-yaml`
 * (YAML 1.2 core schema).
 */
export function loadGitlabCi(
  rootPath: string,
  readText: ReadText,
  allPaths: readonly string[],
): Parsed<CiConfig> {
  const root = readText(rootPath);
  if (root.state !== 'ok') {
    return root;
  }
  const candidates = loadedConfigs.get(root.value) ?? [];
  const hit = candidates.find(
    candidate =>
      candidate.rootPath === rootPath &&
      isCurrent(candidate, readText, allPaths),
  );
  if (hit) {
    return hit.result;
  }
  const loaded = resolveGitlabCi(rootPath, readText, allPaths);
  if (loaded.cacheable) {
    deepFreeze(loaded.result);
    const kept = [
      loaded,
      ...candidates.slice(0, MAX_CONFIGS_PER_ROOT_TEXT - 1),
    ];
    loadedConfigs.set(
      root.value,
      kept,
      kept.reduce(
        (sum, config) =>
          sum +
          config.reads.reduce(
            (size, read) => size + (read.text?.length ?? 0),
            0,
          ),
        0,
      ),
    );
  }
  return loaded.result;
}

/**
 * Whether `loaded` still describes the repository. Wildcards are compared
 * first and reads stop at the first difference, so this reads no file that
 * building the configuration afresh would not read (the fetch planner
 * learns from the reads which files to fetch).
 */
function isCurrent(
  loaded: LoadedConfig,
  readText: ReadText,
  allPaths: readonly string[],
): boolean {
  const sameMatches = loaded.wildcards.every(({ pattern, matches }) => {
    const now = expandLocal(pattern, allPaths);
    return (
      now.length === matches.length && now.every((p, i) => p === matches[i])
    );
  });
  if (!sameMatches) {
    return false;
  }
  for (const { path, text } of loaded.reads) {
    const read = readText(path);
    if (
      text === undefined
        ? read.state !== 'missing'
        : read.state !== 'ok' || read.value !== text
    ) {
      return false;
    }
  }
  return true;
}

function resolveGitlabCi(
  rootPath: string,
  readFile: ReadText,
  allPaths: readonly string[],
): LoadedConfig {
  const reads: LoadedConfig['reads'] = [];
  const wildcards: LoadedConfig['wildcards'] = [];
  let cacheable = true;
  const readText = (path: string): Parsed<string> => {
    const read = readFile(path);
    if (read.state === 'ok') {
      reads.push({ path, text: read.value });
    } else if (read.state === 'missing') {
      reads.push({ path });
    } else {
      cacheable = false;
    }
    return read;
  };
  const expand = (pattern: string) => {
    const matches = expandLocal(pattern, allPaths);
    if (pattern.includes('*')) {
      wildcards.push({ pattern, matches });
    }
    return matches;
  };
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
    const parsed = parseCiDocument(read.value);
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
      for (const target of expand(include.value)) {
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
  const result: Parsed<CiConfig> = failure ?? {
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
      commandFile: commandFileFinder(files, rootPath),
    },
  };
  return { rootPath, reads, wildcards, result, cacheable };
}

function parseCiDocument(text: string): ParsedCiFile {
  const cached = parsedFiles.get(text);
  if (cached) {
    return cached;
  }
  const parsed = parseCiText(text);
  parsedFiles.set(text, parsed.ok ? deepFreeze(parsed) : parsed);
  return parsed;
}

function parseCiText(text: string): ParsedCiFile {
  let documents: unknown[];
  try {
    documents = loadAll(text, {
      schema: ciSchema,
      // GitLab (Ruby's Psych) accepts duplicate keys and keeps the last one.
      json: true,
    });
  } catch (error) {
    return { ok: false, ...yamlErrorMessage(error, text) };
  }
  let value: Table = {};
  for (const content of documents) {
    if (content === null || content === undefined) {
      continue;
    }
    if (!isTable(content)) {
      return {
        ok: false,
        message: 'the top level must be a mapping of jobs and keywords',
      };
    }
    if (expandsTooFar(content)) {
      // e.g. a "billion laughs" document: aliases of aliases of lists
      return { ok: false, message: ALIAS_BOMB_MESSAGE };
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

function commandFileFinder(
  files: CiConfig['files'],
  rootPath: string,
): CiConfig['commandFile'] {
  const found = new Map<string, string>();
  return command => {
    let path = found.get(command);
    if (path === undefined) {
      const firstLine = command.split('\n')[0];
      path =
        files.find(file => file.text.includes(firstLine))?.path ?? rootPath;
      found.set(command, path);
    }
    return path;
  };
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
