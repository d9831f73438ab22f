import { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/v3';
import { GitlabStore } from '../model/GitlabStore';
import { readBodyParams } from '../http/readBody';
import { queryToObject } from '../http/params';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AuthorizationRequest,
  OAuthApplication,
  OAuthState,
  OAuthToken,
  s256,
  safeEqual,
} from './OAuthState';
import { consentPage, errorPage, signInPage } from './pages';
import { parseScopes, unknownScopes } from './scopes';

const SESSION_COOKIE = '_gitlab_local_oauth_session';
/** What GitLab uses when an authorization request names no scope. */
const DEFAULT_SCOPE = 'api';

interface Reply {
  status: number;
  headers?: Record<string, string>;
  html?: string;
  json?: unknown;
}

const html = (status: number, body: string): Reply => ({ status, html: body });
const redirect = (location: string, status = 302): Reply => ({
  status,
  headers: { location },
});
/** RFC 6749 §5.2 error answers of the token endpoint. */
const tokenError = (
  status: number,
  error: string,
  description: string,
): Reply => ({ status, json: { error, error_description: description } });

const INVALID_CLIENT = tokenError(
  401,
  'invalid_client',
  'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
);
const INVALID_GRANT = tokenError(
  400,
  'invalid_grant',
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
);

const authorizeSchema = z.object({
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  response_type: z.string().min(1),
  scope: z.string().optional(),
  state: z.string().optional(),
  code_challenge: z.string().min(43).max(128).optional(),
  code_challenge_method: z.enum(['plain', 'S256']).optional(),
});

const tokenSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    code_verifier: z.string().optional(),
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string().min(1),
    scope: z.string().optional(),
  }),
]);

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function sessionCookie(value: string, maxAge?: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/oauth; HttpOnly; SameSite=Lax${
    maxAge === undefined ? '' : `; Max-Age=${maxAge}`
  }`;
}

/**
 * Registered redirect URIs match exactly, except that loopback redirect URIs
 * match on any port (RFC 8252 §7.3), so tests and the demo may run the
 * portal backend on any local port.
 */
export function redirectUriAllowed(
  application: OAuthApplication,
  candidate: string,
): boolean {
  let wanted: URL;
  try {
    wanted = new URL(candidate);
  } catch {
    return false;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  return application.redirectUris.some(registered => {
    if (registered === candidate) return true;
    const allowed = new URL(registered);
    return (
      loopback.includes(allowed.hostname) &&
      allowed.hostname === wanted.hostname &&
      allowed.protocol === wanted.protocol &&
      allowed.pathname === wanted.pathname &&
      allowed.search === wanted.search
    );
  });
}

function withParams(base: string, params: Record<string, string | undefined>) {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

/**
 * Validates an authorization request. Unknown clients and redirect URIs get
 * an error page (redirecting would be an open redirect, RFC 6749 §4.1.2.1);
 * other problems are sent back to the application.
 */
function validateAuthorization(
  oauth: OAuthState,
  input: Record<string, unknown>,
): { request: AuthorizationRequest } | { reply: Reply } {
  const parsed = authorizeSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map(i => i.path.join('.')).join(', ');
    return {
      reply: html(
        400,
        errorPage(
          'An error has occurred',
          `The authorization request is missing or has a malformed parameter: ${fields}.`,
        ),
      ),
    };
  }
  const params = parsed.data;
  const application = oauth.application(params.client_id);
  if (!application) {
    return {
      reply: html(
        401,
        errorPage(
          'An error has occurred',
          'Client authentication failed due to unknown client: no OAuth application has this client_id.',
        ),
      ),
    };
  }
  if (!redirectUriAllowed(application, params.redirect_uri)) {
    return {
      reply: html(
        400,
        errorPage(
          'An error has occurred',
          `The redirect URI included is not valid: ${params.redirect_uri} is not registered for ${application.name}.`,
        ),
      ),
    };
  }
  const back = (error: string, description: string) => ({
    reply: redirect(
      withParams(params.redirect_uri, {
        error,
        error_description: description,
        state: params.state,
      }),
    ),
  });
  if (params.response_type !== 'code') {
    return back(
      'unsupported_response_type',
      'The authorization server does not support this response type.',
    );
  }
  const scopes = parseScopes(params.scope ?? DEFAULT_SCOPE);
  const unknown = unknownScopes(scopes);
  const notAllowed = scopes.filter(s => !application.scopes.includes(s));
  if (scopes.length === 0 || unknown.length > 0 || notAllowed.length > 0) {
    return back(
      'invalid_scope',
      `The requested scope is invalid, unknown, or malformed: ${[
        ...new Set([...unknown, ...notAllowed]),
      ].join(' ')}`,
    );
  }
  return {
    request: {
      application,
      redirectUri: params.redirect_uri,
      scopes,
      state: params.state,
      codeChallenge: params.code_challenge,
      codeChallengeMethod: params.code_challenge
        ? params.code_challenge_method ?? 'plain'
        : undefined,
    },
  };
}

/** Client authentication: HTTP Basic or client_id/client_secret in the body. */
function authenticateClient(
  oauth: OAuthState,
  req: IncomingMessage,
  body: Record<string, unknown>,
): OAuthApplication | undefined {
  let clientId = body.client_id;
  let clientSecret = body.client_secret;
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon));
    clientSecret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') {
    return undefined;
  }
  const application = oauth.application(clientId);
  return application && safeEqual(application.clientSecret, clientSecret)
    ? application
    : undefined;
}

function tokenResponse(token: OAuthToken): Reply {
  return {
    status: 200,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    json: {
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      refresh_token: token.refreshToken,
      scope: token.scopes.join(' '),
      created_at: Math.floor(token.createdAt / 1000),
    },
  };
}

export interface OAuthServices {
  store: GitlabStore;
  oauth: OAuthState;
}

async function route(
  services: OAuthServices,
  req: IncomingMessage,
  url: URL,
  method: string,
): Promise<Reply> {
  const { store, oauth } = services;
  const sessionId = cookie(req, SESSION_COOKIE);
  const sessionUserId = oauth.sessionUser(sessionId);
  const sessionUser =
    sessionUserId !== undefined ? store.users.get(sessionUserId) : undefined;
  const path = url.pathname;

  if (path === '/oauth/authorize' && method === 'GET') {
    const result = validateAuthorization(
      oauth,
      queryToObject(url.searchParams),
    );
    if ('reply' in result) return result.reply;
    const returnTo = `${url.pathname}${url.search}`;
    if (!sessionId || !sessionUser || sessionUser.state !== 'active') {
      const users = [...store.users.values()].filter(u => u.state === 'active');
      return html(
        200,
        signInPage({
          applicationName: result.request.application.name,
          users,
          returnTo,
        }),
      );
    }
    return html(
      200,
      consentPage({
        applicationName: result.request.application.name,
        user: sessionUser,
        scopes: result.request.scopes,
        consentId: oauth.createConsent(sessionId, result.request),
        returnTo,
      }),
    );
  }

  if (path === '/oauth/authorize' && method === 'POST') {
    const body = await readBodyParams(req);
    const consent =
      typeof body.consent === 'string'
        ? oauth.takeConsent(body.consent, sessionId)
        : undefined;
    if (!consent || !sessionUser || sessionUser.state !== 'active') {
      return html(
        400,
        errorPage(
          'This authorization request is no longer valid',
          'It expired, was already answered, or belongs to another browser session. Go back to the application and sign in again.',
        ),
      );
    }
    if (body.decision !== 'allow') {
      return redirect(
        withParams(consent.redirectUri, {
          error: 'access_denied',
          error_description:
            'The resource owner or authorization server denied the request.',
          state: consent.state,
        }),
      );
    }
    const code = oauth.issueCode(consent, sessionUser.id);
    return redirect(
      withParams(consent.redirectUri, { code, state: consent.state }),
    );
  }

  if (path === '/oauth/sign_in' && method === 'POST') {
    const body = await readBodyParams(req);
    const returnTo = String(body.return_to ?? '');
    const user =
      typeof body.username === 'string'
        ? store.userByUsername(body.username)
        : undefined;
    if (!returnTo.startsWith('/oauth/authorize?')) {
      return html(
        400,
        errorPage(
          'Cannot sign in',
          'return_to must be an /oauth/authorize URL.',
        ),
      );
    }
    if (!user || user.state !== 'active') {
      return html(
        403,
        errorPage(
          'Cannot sign in',
          `There is no active user named ${String(body.username)}.`,
        ),
      );
    }
    oauth.endSession(sessionId);
    return {
      ...redirect(returnTo, 303),
      headers: {
        location: returnTo,
        'set-cookie': sessionCookie(oauth.startSession(user.id)),
      },
    };
  }

  if (path === '/oauth/sign_out' && method === 'POST') {
    const body = await readBodyParams(req);
    const returnTo = String(body.return_to ?? '');
    oauth.endSession(sessionId);
    return {
      status: 303,
      headers: {
        location: returnTo.startsWith('/oauth/authorize?') ? returnTo : '/',
        'set-cookie': sessionCookie('', 0),
      },
    };
  }

  if (path === '/oauth/token' && method === 'POST') {
    const body = await readBodyParams(req);
    const application = authenticateClient(oauth, req, body);
    if (!application) return INVALID_CLIENT;
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) {
      return typeof body.grant_type === 'string' &&
        !['authorization_code', 'refresh_token'].includes(body.grant_type)
        ? tokenError(
            400,
            'unsupported_grant_type',
            'The authorization grant type is not supported by the authorization server.',
          )
        : tokenError(
            400,
            'invalid_request',
            `The request is missing a required parameter: ${parsed.error.issues
              .map(i => i.path.join('.'))
              .join(', ')}.`,
          );
    }
    const grant = parsed.data;
    if (grant.grant_type === 'authorization_code') {
      const code = oauth.takeCode(grant.code);
      if (
        !code ||
        code.application.clientId !== application.clientId ||
        code.redirectUri !== grant.redirect_uri
      ) {
        return INVALID_GRANT;
      }
      if (code.codeChallenge) {
        const verifier = grant.code_verifier ?? '';
        const computed =
          code.codeChallengeMethod === 'S256' ? s256(verifier) : verifier;
        if (!safeEqual(computed, code.codeChallenge)) return INVALID_GRANT;
      }
      if (store.users.get(code.userId)?.state !== 'active') {
        return INVALID_GRANT;
      }
      return tokenResponse(
        oauth.issueToken(application.clientId, code.userId, code.scopes),
      );
    }
    const previous = oauth.takeRefreshToken(grant.refresh_token);
    if (!previous || previous.clientId !== application.clientId) {
      return INVALID_GRANT;
    }
    const scopes = grant.scope ? parseScopes(grant.scope) : previous.scopes;
    const widened = scopes.filter(s => !previous.scopes.includes(s));
    if (widened.length > 0) {
      return tokenError(
        400,
        'invalid_scope',
        `A refresh cannot add scopes the person did not authorize: ${widened.join(
          ' ',
        )}`,
      );
    }
    if (store.users.get(previous.userId)?.state !== 'active') {
      return INVALID_GRANT;
    }
    return tokenResponse(
      oauth.issueToken(application.clientId, previous.userId, scopes),
    );
  }

  if (path === '/oauth/revoke' && method === 'POST') {
    const body = await readBodyParams(req);
    if (!authenticateClient(oauth, req, body)) return INVALID_CLIENT;
    if (typeof body.token === 'string') oauth.revoke(body.token);
    return { status: 200, json: {} };
  }

  if (path === '/oauth/token/info' && method === 'GET') {
    const header = req.headers.authorization;
    const value = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : url.searchParams.get('access_token') ?? '';
    const token = oauth.accessToken(value);
    if (!token || oauth.isExpired(token)) {
      return tokenError(
        401,
        'invalid_token',
        'The access token is invalid, expired or revoked.',
      );
    }
    return {
      status: 200,
      json: {
        resource_owner_id: token.userId,
        scope: token.scopes,
        expires_in: Math.max(
          0,
          Math.floor((token.expiresAt - Date.now()) / 1000),
        ),
        application: { uid: token.clientId },
        created_at: Math.floor(token.createdAt / 1000),
      },
    };
  }

  return { status: 404, json: { error: '404 Not Found' } };
}

/**
 * Serves GitLab's OAuth 2 provider endpoints under /oauth/ (authorization
 * code grant with optional PKCE, refresh tokens, revoke and token info).
 * Resolves with the status sent.
 */
export async function handleOAuthRequest(
  services: OAuthServices,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
): Promise<number> {
  const reply = await route(services, req, url, method);
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | undefined;
  if (reply.html !== undefined) {
    headers['content-type'] = 'text/html; charset=utf-8';
    // The pages are forms a person clicks; never inside someone else's frame.
    headers['x-frame-options'] = 'DENY';
    payload = Buffer.from(reply.html);
  } else if (reply.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = Buffer.from(JSON.stringify(reply.json));
  }
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
  return reply.status;
}
