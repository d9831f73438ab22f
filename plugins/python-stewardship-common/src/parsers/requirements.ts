import { normalizePackageName } from './pyprojectModel';

/** One requirement of a requirements file, by its normalised name. */
export interface RequirementEntry {
  name: string;
  /** 1-based line where the requirement starts. */
  line: number;
}

/** What a pip requirements file declares. */
export interface RequirementsFile {
  requirements: RequirementEntry[];
  /** Files named by `-r` / `--requirement` and `-c` / `--constraint`. */
  includes: string[];
}

/**
 * Reads a pip requirements file (`requirements.txt`, `requirements/dev.in`,
 * tox `deps`) for the names it installs. Written here rather than taken from
 * a package: the one registry candidate (pip-requirements-js, an ohm-js
 * grammar) rejected whole files over lines pip accepts (`--hash` options,
 * `-e` and path lines, global options), cost about 0.3 ms a file and 16 ms
 * to load, and the checks need only names. The rules are pip's: lines
 * continue after a trailing backslash; `#` at the start or after whitespace
 * starts a comment; option lines are skipped except `-r`/`-c` (recorded as
 * includes) and `-e ...#egg=name` (the name); URLs and paths count only
 * with `#egg=`; any other line is a PEP 508 requirement whose name is its
 * leading identifier.
 */
export function parseRequirements(text: string): RequirementsFile {
  const requirements: RequirementEntry[] = [];
  const includes: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    while (/\\$/.test(line) && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} ${lines[++i]}`;
    }
    const content = line.replace(/(^|\s)#.*$/, '').trim();
    if (!content) continue;
    const entry = readLine(content);
    if (entry?.include) includes.push(entry.include);
    if (entry?.name) requirements.push({ name: entry.name, line: start + 1 });
  }
  return { requirements, includes };
}

/** Names from a list of requirement strings (tox `deps`, one a line). */
export function requirementNames(lines: readonly string[]): string[] {
  return lines
    .map(line => readLine(line.replace(/(^|\s)#.*$/, '').trim())?.name)
    .filter((name): name is string => !!name);
}

function readLine(
  content: string,
): { name?: string; include?: string } | undefined {
  const include =
    /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))(\S+)/.exec(
      content,
    );
  if (include) return { include: include[1] };
  const editable = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S+)/.exec(content);
  if (editable) return { name: eggName(editable[1]) };
  if (content.startsWith('-')) return undefined;
  // URLs, archives and local paths: only an #egg= fragment names them.
  if (/^([a-z+]+:\/\/|[./~]|[A-Za-z]:\\)/i.test(content)) {
    return { name: eggName(content) };
  }
  const name = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(content);
  return name ? { name: normalizePackageName(name[1]) } : undefined;
}

function eggName(reference: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(reference);
  return egg ? normalizePackageName(egg[1]) : undefined;
}
