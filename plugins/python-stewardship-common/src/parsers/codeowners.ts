import ignore, { Ignore } from 'ignore';

const ESCAPED_SPACE = '\uE000';

/** GitLab looks for CODEOWNERS in this order and uses the first it finds. */
export const CODEOWNERS_PATHS = [
  'CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
] as const;

/** Patterns that mean "every file": their owners are a codebase's default owners. */
const EVERY_FILE_PATTERNS = new Set(['*', '**', '/**', '/**/*']);

/** One ownership rule: a gitignore-style pattern and its owners. */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  matcher: Ignore;
}

/** A `[Section]` of GitLab CODEOWNERS; rules before the first header form the default section. */
export interface CodeownersSection {
  name: string;
  optional: boolean;
  rules: CodeownersRule[];
}

export interface Codeowners {
  sections: CodeownersSection[];
}

/**
 * Parses GitLab's CODEOWNERS format, including sections with default owners
 * (`[Backend] @group`), optional sections (`^[Docs]`) and approval counts.
 */
export function parseCodeowners(text: string): Codeowners {
  const sections: CodeownersSection[] = [
    { name: '', optional: false, rules: [] },
  ];
  let defaultOwners: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) {
      continue;
    }
    const header = /^(\^)?\[([^\]]+)\](?:\[\d+\])?\s*(.*)$/.exec(line);
    if (header) {
      defaultOwners = splitOwners(header[3]);
      sections.push({
        name: header[2].trim(),
        optional: !!header[1],
        rules: [],
      });
      continue;
    }
    // An escaped space (`\ `) belongs to the pattern, not the separator.
    const [pattern, ...rest] = line.replace(/\\ /g, ESCAPED_SPACE).split(/\s+/);
    const owners = splitOwners(rest.join(' '));
    const cleanPattern = pattern
      .split(ESCAPED_SPACE)
      .join(' ')
      .replace(/^\\#/, '#');
    sections[sections.length - 1].rules.push({
      pattern: cleanPattern,
      owners: owners.length ? owners : defaultOwners,
      line: i + 1,
      matcher: createMatcher(cleanPattern),
    });
  }
  return { sections: sections.filter(s => s.rules.length || s.name) };
}

function splitOwners(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(word => word.startsWith('@') || word.includes('@'))
    .filter(word => !word.startsWith('#'));
}

function createMatcher(pattern: string): Ignore {
  try {
    return ignore().add(pattern);
  } catch {
    // An invalid pattern owns nothing; GitLab ignores it too.
    return ignore();
  }
}

/**
 * The rules that decide ownership of `path`: the last match in each section,
 * which is how GitLab combines sections.
 */
export function rulesFor(
  codeowners: Codeowners,
  path: string,
): CodeownersRule[] {
  const result: CodeownersRule[] = [];
  for (const section of codeowners.sections) {
    let last: CodeownersRule | undefined;
    for (const rule of section.rules) {
      if (matches(rule, path)) {
        last = rule;
      }
    }
    if (last) {
      result.push(last);
    }
  }
  return result;
}

function matches(rule: CodeownersRule, path: string): boolean {
  if (EVERY_FILE_PATTERNS.has(rule.pattern)) {
    return true;
  }
  try {
    return rule.matcher.ignores(path);
  } catch {
    return false;
  }
}

/**
 * The default owners of a codebase: the owners of the last every-file rule
 * (`*`) in each section, in order and without repeats. Discovery reads
 * maintainers from these.
 */
export function defaultCodeowners(codeowners: Codeowners): string[] {
  const owners: string[] = [];
  for (const section of codeowners.sections) {
    const rule = section.rules
      .filter(r => EVERY_FILE_PATTERNS.has(r.pattern))
      .pop();
    for (const owner of rule?.owners ?? []) {
      if (!owners.includes(owner)) owners.push(owner);
    }
  }
  return owners;
}
