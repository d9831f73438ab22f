import { IncomingMessage, ServerResponse } from 'node:http';
import { handleControlRequest } from '../control/handleControlRequest';
import { executeGraphqlQuery } from '../graphql/executeGraphqlQuery';
import {
  executeProjectQuery,
  isProjectQuery,
} from '../graphql/executeProjectQuery';
import { handleOAuthRequest } from '../oauth/handleOAuthRequest';
import { checkApiScopes } from '../oauth/scopes';
import { ApiContext, ApiServices } from './ApiContext';
import { Authenticated, authenticate } from './authenticate';
import { FaultDecision, FaultInjector } from './faults';
import { GitlabError } from './GitlabError';
import { handleGitRequest, parseGitPath } from './handleGitRequest';
import { queryToObject } from './params';
import { readBodyParams } from './readBody';
import { RequestStats } from './RequestStats';
import { ApiResult, Router } from './Router';

const API_PREFIX = '/api/v4';
const GRAPHQL_PATH = '/api/graphql';
const OAUTH_PREFIX = '/oauth/';

export interface RequestHandlerDeps {
  services: ApiServices;
  /**
   * Fixed external URL (GitLab's `external_url`). Without it, URLs in
   * responses follow the request's Host header, so they match whatever host
   * the client was configured with (`localhost:7080` or `127.0.0.1:7080`).
   */
  externalUrl?: string;
  router: Router;
  faults: FaultInjector;
  stats: RequestStats;
  /** Reports unexpected failures (answered with 500). */
  onError: (error: unknown) => void;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(payload.length),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

function sendResult(res: ServerResponse, result: ApiResult): number {
  const status = result.status ?? 200;
  if (status === 204 || !('json' in result || 'raw' in result)) {
    res.writeHead(204);
    res.end();
    return 204;
  }
  if ('raw' in result) {
    res.writeHead(status, {
      'content-type': result.contentType,
      'content-length': String(result.raw.length),
      ...result.headers,
    });
    res.end(res.req.method === 'HEAD' ? undefined : result.raw);
    return status;
  }
  sendJson(res, status, result.json, result.headers);
  return status;
}

/** GitLab's 403 for an OAuth token without the scope a route needs. */
function requireScopes(auth: Authenticated, method: string, rawPath: string) {
  const check = checkApiScopes(auth.scopes, method, rawPath);
  if (check.ok) return;
  throw new GitlabError(
    403,
    {
      error: 'insufficient_scope',
      error_description:
        'The request requires higher privileges than provided by the access token.',
      scope: check.needed.join(' '),
    },
    {
      'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", scope="${check.needed.join(
        ' ',
      )}"`,
    },
  );
}

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Applies an injected failure. Returns the status sent, or 'dropped' when
 * the connection was cut without an answer.
 */
function sendFault(
  res: ServerResponse,
  failure: NonNullable<FaultDecision['failure']>,
): number | 'dropped' {
  if (failure.kind === 'drop') {
    res.socket?.destroy();
    return 'dropped';
  }
  if (failure.kind === 'rateLimit') {
    // The body and headers of GitLab's Rack::Attack throttle response.
    const reset = Math.floor(Date.now() / 1000) + failure.retryAfterSeconds;
    res.writeHead(429, {
      'content-type': 'text/plain',
      'retry-after': String(failure.retryAfterSeconds),
      'ratelimit-name': 'throttle_authenticated_api',
      'ratelimit-limit': '2000',
      'ratelimit-observed': '2001',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(reset),
      'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
    });
    res.end('Retry later\n');
    return 429;
  }
  if (failure.status === 500) {
    sendJson(res, 500, { message: '500 Internal Server Error' });
  } else {
    // 502-504 come from the proxy in front of GitLab, as HTML.
    res.writeHead(failure.status, { 'content-type': 'text/html' });
    res.end(
      `<html><body><h1>${failure.status}</h1>The server is unavailable.</body></html>\n`,
    );
  }
  return failure.status;
}

export function createRequestHandler(deps: RequestHandlerDeps) {
  const { services, router, faults, stats } = deps;

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
  ): Promise<number> {
    const rawPath = url.pathname.slice(API_PREFIX.length) || '/';
    const match = router.match(method, rawPath);
    const auth = authenticate(
      services.store,
      services.oauth,
      req,
      url.searchParams,
    );
    if (!auth) throw GitlabError.unauthorized();
    requireScopes(auth, method, rawPath);
    const user = auth.user;
    if (!match) {
      throw router.hasPath(rawPath)
        ? new GitlabError(405, { error: '405 Method Not Allowed' })
        : new GitlabError(404, { error: '404 Not Found' });
    }
    const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)
      ? await readBodyParams(req)
      : {};
    const input = { ...queryToObject(url.searchParams), ...body };
    const ctx = new ApiContext(
      { ...services, baseUrl: url.origin },
      user,
      method,
      url,
      match.params,
      input,
    );
    return sendResult(res, await match.route.handler(ctx));
  }

  function baseUrlFor(req: IncomingMessage): string {
    if (deps.externalUrl) return deps.externalUrl;
    const host = req.headers.host;
    // Only plain host[:port] values; anything else could inject into links.
    return host &&
      /^[a-zA-Z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/.test(host)
      ? `http://${host}`
      : services.baseUrl;
  }

  async function handleGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
  ): Promise<number> {
    const auth = authenticate(
      services.store,
      services.oauth,
      req,
      url.searchParams,
    );
    if (!auth) throw GitlabError.unauthorized();
    // Every GraphQL query served here reads; GitLab wants api or read_api.
    requireScopes(auth, 'GET', '/graphql');
    const user = auth.user;
    if (method !== 'POST') {
      throw new GitlabError(405, { error: '405 Method Not Allowed' });
    }
    const body = await readBodyParams(req);
    const graphqlServices = { ...services, baseUrl: url.origin };
    const result = isProjectQuery(body.query)
      ? await executeProjectQuery(graphqlServices, user, body)
      : executeGraphqlQuery(graphqlServices, user, body);
    sendJson(res, 200, result);
    return 200;
  }

  /** The stats key: method plus the route pattern (never raw ids). */
  function routeKey(method: string, url: URL): string {
    if (url.pathname.startsWith(`${API_PREFIX}/`)) {
      const match = router.match(method, url.pathname.slice(API_PREFIX.length));
      return `${method} ${API_PREFIX}${match?.route.pattern ?? ' (unmatched)'}`;
    }
    if (url.pathname === GRAPHQL_PATH) return `${method} ${GRAPHQL_PATH}`;
    if (url.pathname.startsWith(OAUTH_PREFIX))
      return `${method} ${url.pathname}`;
    const git = parseGitPath(url.pathname);
    if (git) return `${method} /:namespace/:project.git/${git.service}`;
    return `${method} (unmatched)`;
  }

  return async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', baseUrlFor(req));
    if (url.pathname.startsWith('/-/local/')) {
      try {
        const result = await handleControlRequest(
          req,
          url.pathname,
          faults,
          stats,
        );
        sendJson(res, result.status, result.json);
      } catch (error) {
        const status = error instanceof GitlabError ? error.status : 500;
        sendJson(
          res,
          status,
          error instanceof GitlabError
            ? error.body
            : { message: String(error) },
        );
      }
      return;
    }

    const key = routeKey(method, url);
    let status: number | 'dropped' = 500;
    try {
      const decision = faults.decide(key, url.searchParams);
      if (decision.delayMs > 0) {
        stats.recordFault('latency');
        await delay(decision.delayMs);
      }
      if (decision.failure) {
        stats.recordFault(decision.failure.kind);
        status = sendFault(res, decision.failure);
        return;
      }
      const git = parseGitPath(url.pathname);
      if (url.pathname.startsWith(`${API_PREFIX}/`)) {
        status = await handleApi(req, res, url, method);
      } else if (url.pathname === GRAPHQL_PATH) {
        status = await handleGraphql(req, res, url, method);
      } else if (url.pathname.startsWith(OAUTH_PREFIX)) {
        status = await handleOAuthRequest(services, req, res, url, method);
      } else if (git) {
        status = await handleGitRequest(
          services,
          req,
          res,
          git,
          url.searchParams,
        );
      } else {
        throw new GitlabError(404, { error: '404 Not Found' });
      }
    } catch (error) {
      if (error instanceof GitlabError) {
        status = error.status;
        sendJson(res, error.status, error.body, error.headers);
      } else {
        deps.onError(error);
        status = 500;
        if (!res.headersSent)
          sendJson(res, 500, { message: '500 Internal Server Error' });
        else res.end();
      }
    } finally {
      stats.record(key, status);
    }
  };
}
