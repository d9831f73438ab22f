import { IncomingMessage } from 'node:http';
import { User } from '../model/entities';
import { GitlabStore } from '../model/GitlabStore';

/**
 * Finds the token the way GitLab does: `PRIVATE-TOKEN` header,
 * `Authorization: Bearer` (OAuth and personal tokens), or the
 * `private_token` / `access_token` query parameters.
 */
export function tokenFrom(
  req: IncomingMessage,
  query: URLSearchParams,
): string | undefined {
  const privateToken = req.headers['private-token'];
  if (typeof privateToken === 'string' && privateToken) return privateToken;
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer '))
    return authorization.slice(7).trim();
  return query.get('private_token') ?? query.get('access_token') ?? undefined;
}

export function authenticate(
  store: GitlabStore,
  req: IncomingMessage,
  query: URLSearchParams,
): User | undefined {
  const token = tokenFrom(req, query);
  const user = token ? store.userByToken(token) : undefined;
  return user?.state === 'active' ? user : undefined;
}
