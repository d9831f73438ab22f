/**
 * GitLab's OAuth scopes and what each lets a token do, as GitLab documents
 * them. Personal access tokens here carry every scope (they are the seeded
 * users' "api" tokens); OAuth tokens carry only what the person authorized.
 */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  api: 'Full read and write access to the API, including all groups and projects, and git over HTTP.',
  read_api: 'Read access to the API, including all groups and projects.',
  read_user:
    'Read your profile through the /user API endpoint (username, public email, full name) and the /users endpoints.',
  read_repository: 'Read repositories with git over HTTP (clone, fetch).',
  write_repository:
    'Read and write repositories with git over HTTP (clone, fetch, push).',
  openid: 'Authenticate with OpenID Connect.',
  profile: 'Read your profile data with OpenID Connect.',
  email: 'Read your primary email address with OpenID Connect.',
};

export const KNOWN_SCOPES = Object.keys(SCOPE_DESCRIPTIONS);

/** GitLab (Doorkeeper) separates scopes with spaces. */
export function parseScopes(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(' ').filter(Boolean))];
}

export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter(scope => !KNOWN_SCOPES.includes(scope));
}

/** What an authenticated request may do, and why not when it may not. */
export type ScopeCheck = { ok: true } | { ok: false; needed: string[] };

/**
 * REST and GraphQL: `api` allows everything, `read_api` every read, and
 * `read_user` only the user endpoints' reads. `rawPath` is under /api/v4,
 * or `graphql` for /api/graphql.
 */
export function checkApiScopes(
  scopes: readonly string[] | 'all',
  method: string,
  rawPath: string,
): ScopeCheck {
  if (scopes === 'all' || scopes.includes('api')) return { ok: true };
  const read = method === 'GET' || method === 'HEAD';
  if (read && scopes.includes('read_api')) return { ok: true };
  const userEndpoint = rawPath === '/user' || /^\/users(\/|$)/.test(rawPath);
  if (read && userEndpoint && scopes.includes('read_user')) return { ok: true };
  if (!read) return { ok: false, needed: ['api'] };
  return {
    ok: false,
    needed: userEndpoint
      ? ['api', 'read_api', 'read_user']
      : ['api', 'read_api'],
  };
}

/** Git over HTTP: reads need read_repository, pushes write_repository (api allows both). */
export function checkGitScopes(
  scopes: readonly string[] | 'all',
  isPush: boolean,
): ScopeCheck {
  if (scopes === 'all' || scopes.includes('api')) return { ok: true };
  if (scopes.includes('write_repository')) return { ok: true };
  if (!isPush && scopes.includes('read_repository')) return { ok: true };
  return {
    ok: false,
    needed: isPush
      ? ['api', 'write_repository']
      : ['api', 'read_repository', 'write_repository'],
  };
}
