/** Where GitLab looks for CODEOWNERS, in its order of precedence. */
export const CODEOWNERS_PATHS = [
  'CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
] as const;

/**
 * Entity refs of the default owners in a CODEOWNERS file: the owners of the
 * `*` pattern, in any section. `@group/sub/path` becomes `group:path` (the
 * last segment, as the org provider names groups) and `@user` becomes
 * `user:user`. Email owners are ignored.
 */
export function parseCodeownersDefaultOwners(text: string): string[] {
  const refs: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('[') || line.startsWith('^[')) {
      continue;
    }
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern !== '*' && pattern !== '/**' && pattern !== '/**/*') {
      continue;
    }
    for (const owner of owners) {
      if (!owner.startsWith('@') || owner.length < 2) {
        continue;
      }
      const segments = owner.slice(1).split('/').filter(Boolean);
      const ref =
        segments.length > 1
          ? `group:${segments[segments.length - 1].toLowerCase()}`
          : `user:${segments[0].toLowerCase()}`;
      if (!refs.includes(ref)) {
        refs.push(ref);
      }
    }
  }
  return refs;
}
