export interface RouteStats {
  count: number;
  /** Responses by status code; dropped connections count under `dropped`. */
  statuses: Record<string, number>;
}

export interface Stats {
  since: string;
  totalRequests: number;
  /** Keyed by method and normalised route, e.g. `GET /api/v4/projects/:id`. */
  routes: Record<string, RouteStats>;
  faultsInjected: Record<'latency' | 'rateLimit' | 'error' | 'drop', number>;
}

/** Counts requests per normalised route so tests can assert call patterns. */
export class RequestStats {
  private data: Stats = RequestStats.empty();

  private static empty(): Stats {
    return {
      since: new Date().toISOString(),
      totalRequests: 0,
      routes: {},
      faultsInjected: { latency: 0, rateLimit: 0, error: 0, drop: 0 },
    };
  }

  record(route: string, status: number | 'dropped'): void {
    this.data.totalRequests += 1;
    const entry = (this.data.routes[route] ??= { count: 0, statuses: {} });
    entry.count += 1;
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
  }

  recordFault(kind: keyof Stats['faultsInjected']): void {
    this.data.faultsInjected[kind] += 1;
  }

  snapshot(): Stats {
    return JSON.parse(JSON.stringify(this.data));
  }

  reset(): void {
    this.data = RequestStats.empty();
  }
}
