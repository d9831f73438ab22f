import { IncomingMessage } from 'node:http';
import { User } from '../model/entities';
import { OAuthState } from '../oauth/OAuthState';
import { GitlabStore } from '../model/GitlabStore';
import { GitlabError } from './GitlabError';

/** Who a request acts as, and which scopes its token carries. */
export interface Authenticated {
  user: User;
  /** 'all' for personal access tokens; the authorized scopes for OAuth tokens. */
  scopes: readonly string[] | 'all';
  /** True when the token is an OAuth access token. */
  oauth: boolean;
}

/**
 * Finds the token the way GitLab does: `PRIVATE-TOKEN` header,
 * `Authorization: Bearer` (OAuth and personal tokens), or the
 * `private_token` / `access_token` query parameters.
 */
export function tokenFrom(
  req: IncomingMessage,
  query: URLSearchParams,
): { token: string; oauthCapable: boolean } | undefined {
  const privateToken = req.headers['private-token'];
  if (typeof privateToken === 'string' && privateToken)
    return { token: privateToken, oauthCapable: false };
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer '))
    return { token: authorization.slice(7).trim(), oauthCapable: true };
  const privateParam = query.get('private_token');
  if (privateParam) return { token: privateParam, oauthCapable: false };
  const accessParam = query.get('access_token');
  return accessParam ? { token: accessParam, oauthCapable: true } : undefined;
}

/** GitLab's answer to an expired OAuth token, so clients know to refresh. */
function expiredToken(): GitlabError {
  return new GitlabError(
    401,
    {
      error: 'invalid_token',
      error_description:
        'Token is expired. You can either do re-authorization or token refresh.',
    },
    {
      'www-authenticate':
        'Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="Token is expired. You can either do re-authorization or token refresh."',
    },
  );
}

/**
 * Resolves a token to its user: personal access tokens carry every scope;
 * OAuth access tokens (Bearer or `access_token` only, as on GitLab) carry
 * what the person authorized. Blocked users and unknown tokens give
 * undefined; an expired OAuth token throws GitLab's invalid_token answer.
 */
export function authenticateToken(
  store: GitlabStore,
  oauth: OAuthState,
  token: string,
  oauthCapable: boolean,
): Authenticated | undefined {
  const personal = store.userByToken(token);
  if (personal) {
    return personal.state === 'active'
      ? { user: personal, scopes: 'all', oauth: false }
      : undefined;
  }
  const issued = oauthCapable ? oauth.accessToken(token) : undefined;
  if (!issued) return undefined;
  if (oauth.isExpired(issued)) throw expiredToken();
  const user = store.users.get(issued.userId);
  return user?.state === 'active'
    ? { user, scopes: issued.scopes, oauth: true }
    : undefined;
}

export function authenticate(
  store: GitlabStore,
  oauth: OAuthState,
  req: IncomingMessage,
  query: URLSearchParams,
): Authenticated | undefined {
  const found = tokenFrom(req, query);
  return found
    ? authenticateToken(store, oauth, found.token, found.oauthCapable)
    : undefined;
}
