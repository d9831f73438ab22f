import {
  createRequesterFn,
  GitbeakerRequestError,
  getMatchingRateLimiter,
} from '@gitbeaker/requester-utils';
import { Gitlab } from '@gitbeaker/rest';
import { PoliteFetch } from './politeFetch';

/** @public */
export type GitlabApi = InstanceType<typeof Gitlab>;

/** @public */
export interface GitlabConnection {
  /** e.g. `https://gitlab.example.com` (no `/api/v4`). */
  baseUrl: string;
  /** A personal, project or group access token (`PRIVATE-TOKEN`). */
  token?: string;
  /** An OAuth token of a signed-in person (`Authorization: Bearer`); wins over `token`. */
  oauthToken?: string;
}

type RequestOptions = {
  rateLimiters?: Record<string, unknown>;
  asStream?: boolean;
  prefixUrl?: string;
  searchParams?: string;
  method?: string;
} & RequestInit;

async function parseBody(response: Response, asStream: boolean) {
  if (asStream) return response.body;
  if (response.status === 204) return null;
  const type = (response.headers.get('content-type') ?? '')
    .split(';')[0]
    .trim();
  if (type === 'application/json') return (await response.json()) || {};
  if (type.startsWith('text/')) return (await response.text()) || '';
  return response.blob();
}

/** Throws what gitbeaker throws, so callers read `error.cause.response.status` as usual. */
async function throwRequestError(request: Request, response: Response) {
  const content = await response.text();
  let description = content;
  if (response.headers.get('content-type')?.includes('application/json')) {
    try {
      const parsed = JSON.parse(content);
      const message = parsed?.error || parsed?.message || '';
      description =
        typeof message === 'string' ? message : JSON.stringify(message);
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  throw new GitbeakerRequestError(description, {
    cause: { description, request, response },
  });
}

/**
 * A gitbeaker client whose every request goes through `politeFetch`
 * (Retry-After, backoff, request budget) instead of gitbeaker's fixed
 * retry schedule. Responses and errors have gitbeaker's usual shapes.
 *
 * @public
 */
export function createGitlabApi(
  connection: GitlabConnection,
  politeFetch: PoliteFetch,
): GitlabApi {
  const requesterFn = createRequesterFn(
    (_service, options) => Promise.resolve(options),
    async (endpoint: string, options?: Record<string, unknown>) => {
      const {
        rateLimiters,
        asStream,
        prefixUrl,
        searchParams,
        method,
        ...init
      } = (options ?? {}) as RequestOptions;
      await getMatchingRateLimiter(endpoint, rateLimiters as never, method)();
      const base = prefixUrl?.endsWith('/') ? prefixUrl : `${prefixUrl}/`;
      const url = new URL(endpoint, base);
      url.search = searchParams ?? '';
      const request = new Request(url, { ...init, method });
      const response = await politeFetch(request);
      if (!response.ok) await throwRequestError(request, response);
      return {
        body: await parseBody(response, asStream ?? false),
        headers: Object.fromEntries(response.headers.entries()),
        status: response.status,
      };
    },
  );
  const auth = connection.oauthToken
    ? { oauthToken: connection.oauthToken }
    : { token: connection.token ?? '' };
  return new Gitlab({
    host: connection.baseUrl.replace(/\/api\/v4\/?$/, ''),
    ...auth,
    requesterFn: requesterFn as never,
  });
}
