import { ApiContext } from './ApiContext';

export type ApiResult =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | {
      status?: number;
      raw: Buffer;
      contentType: string;
      headers?: Record<string, string>;
    }
  | { status: 204 };

export type RouteHandler = (ctx: ApiContext) => Promise<ApiResult>;

export interface Route {
  method: string;
  /** Pattern under /api/v4, e.g. `/projects/:id/repository/tree`. */
  pattern: string;
  handler: RouteHandler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Matches raw (still percent-encoded) path segments, because GitLab ids may
 * be URL-encoded paths such as `gitlab-org%2Fai-assist` that must stay one
 * segment. Parameters are decoded after matching.
 */
export class Router {
  private readonly routes: Array<Route & { segments: string[] }> = [];

  add(routes: Route[]): this {
    for (const route of routes) {
      this.routes.push({
        ...route,
        segments: route.pattern.split('/').filter(Boolean),
      });
    }
    return this;
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    const segments = rawPath.split('/').filter(Boolean);
    // HEAD is answered by GET handlers, as Rails does, unless a HEAD route exists.
    const methods = method === 'HEAD' ? ['HEAD', 'GET'] : [method];
    for (const wanted of methods) {
      for (const route of this.routes) {
        if (
          route.method !== wanted ||
          route.segments.length !== segments.length
        )
          continue;
        const params = matchSegments(route.segments, segments);
        if (params) return { route, params };
      }
    }
    return undefined;
  }

  /** True when the path exists for some other method (for 405 answers). */
  hasPath(rawPath: string): boolean {
    const segments = rawPath.split('/').filter(Boolean);
    return this.routes.some(
      r =>
        r.segments.length === segments.length &&
        matchSegments(r.segments, segments),
    );
  }
}

function matchSegments(
  pattern: string[],
  actual: string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual[i]);
      } catch {
        return undefined;
      }
    } else if (expected !== actual[i]) {
      return undefined;
    }
  }
  return params;
}
