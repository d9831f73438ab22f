import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An OAuth application registered on the instance (Admin > Applications). */
export interface OAuthApplication {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** The scopes the application may ask for. */
  scopes: string[];
}

/** A validated authorization request, waiting for the person's decision. */
export interface AuthorizationRequest {
  application: OAuthApplication;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'plain' | 'S256';
}

interface AuthorizationCode extends AuthorizationRequest {
  userId: number;
  expiresAt: number;
}

export interface OAuthToken {
  accessToken: string;
  refreshToken: string;
  clientId: string;
  userId: number;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
}

/** GitLab's lifetimes: codes live 10 minutes, access tokens 2 hours. */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const ACCESS_TOKEN_TTL_SECONDS = 2 * 60 * 60;

const secret = (bytes = 32) => randomBytes(bytes).toString('hex');

/** Constant-time comparison, so a secret cannot be guessed byte by byte. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * Browser sessions, pending consents, authorization codes and tokens of the
 * local GitLab's OAuth provider. Everything is in memory, like the rest of
 * the server's state.
 */
export class OAuthState {
  private readonly applications = new Map<string, OAuthApplication>();
  private readonly sessions = new Map<string, number>();
  private readonly consents = new Map<
    string,
    AuthorizationRequest & { sessionId: string; expiresAt: number }
  >();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, OAuthToken>();
  private readonly refreshTokens = new Map<string, OAuthToken>();

  constructor(
    applications: OAuthApplication[],
    private readonly now: () => number = Date.now,
  ) {
    for (const application of applications) {
      this.applications.set(application.clientId, application);
    }
  }

  listApplications(): OAuthApplication[] {
    return [...this.applications.values()];
  }

  application(clientId: string): OAuthApplication | undefined {
    return this.applications.get(clientId);
  }

  /** Signs a browser in as a user ("who is using this browser"). */
  startSession(userId: number): string {
    const id = secret();
    this.sessions.set(id, userId);
    return id;
  }

  sessionUser(sessionId: string | undefined): number | undefined {
    return sessionId ? this.sessions.get(sessionId) : undefined;
  }

  endSession(sessionId: string | undefined) {
    if (sessionId) this.sessions.delete(sessionId);
  }

  /**
   * Remembers a request shown on the consent page; the form posts back only
   * this one-time id, so a third-party page cannot forge a consent.
   */
  createConsent(sessionId: string, request: AuthorizationRequest): string {
    const id = secret();
    this.consents.set(id, {
      ...request,
      sessionId,
      expiresAt: this.now() + CODE_TTL_MS,
    });
    return id;
  }

  takeConsent(
    id: string,
    sessionId: string | undefined,
  ): AuthorizationRequest | undefined {
    const consent = this.consents.get(id);
    this.consents.delete(id);
    if (!consent || consent.sessionId !== sessionId) return undefined;
    if (consent.expiresAt < this.now()) return undefined;
    return consent;
  }

  issueCode(request: AuthorizationRequest, userId: number): string {
    const code = secret();
    this.codes.set(code, {
      ...request,
      userId,
      expiresAt: this.now() + CODE_TTL_MS,
    });
    return code;
  }

  /** Codes are single-use: taking one removes it. */
  takeCode(code: string): AuthorizationCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && found.expiresAt >= this.now() ? found : undefined;
  }

  issueToken(clientId: string, userId: number, scopes: string[]): OAuthToken {
    const createdAt = this.now();
    const token: OAuthToken = {
      accessToken: secret(),
      refreshToken: secret(),
      clientId,
      userId,
      scopes,
      createdAt,
      expiresAt: createdAt + ACCESS_TOKEN_TTL_SECONDS * 1000,
    };
    this.accessTokens.set(token.accessToken, token);
    this.refreshTokens.set(token.refreshToken, token);
    return token;
  }

  /** Refresh tokens rotate: using one revokes it and its access token. */
  takeRefreshToken(refreshToken: string): OAuthToken | undefined {
    const found = this.refreshTokens.get(refreshToken);
    if (!found) return undefined;
    this.refreshTokens.delete(refreshToken);
    this.accessTokens.delete(found.accessToken);
    return found;
  }

  /** The token behind a Bearer value, expired ones included (callers say why they fail). */
  accessToken(accessToken: string): OAuthToken | undefined {
    return this.accessTokens.get(accessToken);
  }

  isExpired(token: OAuthToken): boolean {
    return token.expiresAt < this.now();
  }

  revoke(token: string) {
    const found = this.accessTokens.get(token) ?? this.refreshTokens.get(token);
    if (!found) return;
    this.accessTokens.delete(found.accessToken);
    this.refreshTokens.delete(found.refreshToken);
  }
}
