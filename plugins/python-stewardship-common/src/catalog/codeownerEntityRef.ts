/**
 * The catalog entity ref for a GitLab CODEOWNERS owner: `@group/sub/team`
 * becomes `group:team` (the last path segment, which is how the GitLab org
 * provider names groups) and `@username` becomes `user:username`. Email
 * owners have no catalog identity and give `undefined`.
 */
export function codeownerEntityRef(owner: string): string | undefined {
  if (!owner.startsWith('@') || owner.length < 2) return undefined;
  const segments = owner.slice(1).split('/').filter(Boolean);
  if (!segments.length) return undefined;
  const name = segments[segments.length - 1].toLocaleLowerCase('en-US');
  return segments.length > 1 ? `group:${name}` : `user:${name}`;
}
