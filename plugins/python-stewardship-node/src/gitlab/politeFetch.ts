/**
 * `fetch` with the manners a shared GitLab expects from a portal that reads
 * thousands of projects: it waits as long as a 429's `Retry-After` says,
 * backs off exponentially on 5xx and dropped connections, and keeps to a
 * request budget per minute. gitbeaker's own handler retries 429 and 502 on a
 * fixed schedule without reading `Retry-After`, so every GitLab call of this
 * plugin family goes through this function instead (see `createGitlabApi`).
 * Writes that create something are retried only on 429 (see `isSafeToResend`).
 */

/** @public */
export interface PoliteFetchOptions {
  /** Attempts per request, the first included. Default 6. */
  maxAttempts?: number;
  /** First backoff wait for 5xx and network errors; doubles each time. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest single wait, also the cap on `Retry-After`. Default 60 s. */
  maxDelayMs?: number;
  /** Requests per rolling minute, shared by every caller of this fetch; unlimited when absent. */
  requestsPerMinute?: number;
  /** Called once per request sent (retries included), e.g. for request counts. */
  onRequest?: (request: Request) => void;
  /** Replaceable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Replaceable for tests. */
  fetch?: typeof fetch;
}

/** @public */
export type PoliteFetch = (request: Request) => Promise<Response>;

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(
  header: string | null,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a request may be sent again after a 5xx or a dropped connection,
 * when GitLab may already have acted on it. Reads and idempotent writes may;
 * a GraphQL request is a POST but our readers only send queries. Creating
 * things (POST, PATCH) must not be repeated blindly: a second approval rule
 * or merge request would be the result. A 429 is always retried, because
 * GitLab refused it before doing anything.
 */
export function isSafeToResend(request: Request): boolean {
  if (IDEMPOTENT_METHODS.has(request.method.toUpperCase())) return true;
  return new URL(request.url).pathname.endsWith('/api/graphql');
}

/**
 * A sliding one-minute window: a request waits until fewer than the budget
 * were sent in the last 60 s.
 */
function createBudget(
  perMinute: number | undefined,
  sleep: (ms: number) => Promise<void>,
) {
  if (!perMinute) return async () => {};
  const sent: number[] = [];
  return async function take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (sent.length && now - sent[0] >= 60_000) sent.shift();
      if (sent.length < perMinute) {
        sent.push(now);
        return;
      }
      await sleep(60_000 - (now - sent[0]));
    }
  };
}

/** @public */
export function createPoliteFetch(
  options: PoliteFetchOptions = {},
): PoliteFetch {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const send = options.fetch ?? fetch;
  const takeBudget = createBudget(options.requestsPerMinute, sleep);

  return async function politeFetch(request: Request): Promise<Response> {
    // Keep the body so a retry can send it again (GraphQL is a POST).
    const body =
      request.body === null ? undefined : await request.arrayBuffer();
    const resendable = isSafeToResend(request);
    for (let attempt = 1; ; attempt++) {
      await takeBudget();
      const attemptRequest = new Request(request, { body });
      options.onRequest?.(attemptRequest);
      const backoff = Math.min(
        maxDelayMs,
        baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2),
      );
      let response: Response;
      try {
        response = await send(attemptRequest);
      } catch (error) {
        const name = (error as Error)?.name;
        if (
          name === 'AbortError' ||
          name === 'TimeoutError' ||
          !resendable ||
          attempt >= maxAttempts
        ) {
          throw error;
        }
        await sleep(backoff);
        continue;
      }
      if (
        !isRetryableStatus(response.status) ||
        (response.status !== 429 && !resendable) ||
        attempt >= maxAttempts
      ) {
        return response;
      }
      const wait =
        response.status === 429
          ? Math.min(
              maxDelayMs,
              retryAfterMs(response.headers.get('retry-after')) ?? backoff,
            )
          : backoff;
      // Free the connection before waiting.
      await response.arrayBuffer().catch(() => undefined);
      await sleep(wait);
    }
  };
}
