import { createHash } from 'node:crypto';

/**
 * Entity names of what discovery emits and refers to. Group names follow the
 * default of `@backstage/plugin-catalog-backend-module-gitlab-org` (the
 * group's full path without the org group's prefix, `/` turned into `-`), so
 * owners and CODEOWNERS groups resolve to the Group entities that provider
 * emits when both are configured with the same group.
 */

const MAX_NAME = 63;

function stripPrefix(fullPath: string, orgGroup?: string): string {
  if (orgGroup && fullPath.startsWith(`${orgGroup}/`)) {
    return fullPath.slice(orgGroup.length + 1);
  }
  return fullPath;
}

function sanitize(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/** The Group entity name of a GitLab group, as the gitlab-org provider names it. */
export function groupEntityName(fullPath: string, orgGroup?: string): string {
  return sanitize(stripPrefix(fullPath, orgGroup).replaceAll('/', '-'));
}

/**
 * The Component name of a project: its full path (without the org group's
 * prefix), so `a/api` and `b/api` never collide. Names longer than the
 * catalog's 63 characters keep their last segments and gain a short hash of
 * the full path, e.g. `ai-evaluation-prompt-library-1a2b3c`.
 */
export function projectEntityName(fullPath: string, orgGroup?: string): string {
  const segments = stripPrefix(fullPath, orgGroup)
    .split('/')
    .map(sanitize)
    .filter(Boolean);
  const joined = segments.join('-') || 'project';
  if (joined.length <= MAX_NAME) return joined;
  const hash = createHash('sha1').update(fullPath).digest('hex').slice(0, 6);
  const room = MAX_NAME - hash.length - 1;
  let name = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const next = name ? `${segments[i]}-${name}` : segments[i];
    if (next.length > room) break;
    name = next;
  }
  if (!name) name = segments[segments.length - 1].slice(0, room);
  return `${sanitize(name)}-${hash}`;
}

/**
 * The entity ref of a CODEOWNERS owner: `@group/sub` is a group (named as
 * above), `@username` a user; e-mail owners have no ref.
 */
export function codeownerRef(
  owner: string,
  orgGroup?: string,
): string | undefined {
  if (!owner.startsWith('@') || owner.length < 2) return undefined;
  const path = owner.slice(1).replace(/\/+$/, '');
  if (!path) return undefined;
  return path.includes('/')
    ? `group:${groupEntityName(path, orgGroup)}`
    : `user:${path.toLowerCase()}`;
}
