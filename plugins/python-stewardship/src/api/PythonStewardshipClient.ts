import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  CodebasePage,
  CodebaseQuery,
  DiscoveryStatus,
  EntityConformance,
  Exemption,
  ExemptionDecision,
  ExemptionRequest,
  OrganisationSummary,
  ScoreHistory,
} from '@internal/plugin-python-stewardship-common/browser';
import type { PythonStewardshipApi } from './PythonStewardshipApi';

/** An API error, with the server's message in words. */
export class PythonStewardshipApiError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'PythonStewardshipApiError';
    this.status = status;
  }
}

/** `GET /codebases` query string; empty values are left out, lists comma-separated. */
export function codebaseQueryString(query: CodebaseQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function entityPath(entityRef: string): string {
  const match = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(entityRef);
  if (!match) {
    throw new Error(`Not an entity ref: ${entityRef}`);
  }
  const [, kind, namespace = 'default', name] = match;
  return `entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

async function errorMessage(response: Response): Promise<string> {
  const fallback =
    `The conformance service answered ${response.status} ${response.statusText}`.trim();
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      const message = body?.error?.message;
      if (typeof message === 'string' && message) {
        return message;
      }
    } catch {
      // not JSON
    }
    return text && text.length < 300 ? `${fallback}: ${text}` : fallback;
  } catch {
    return fallback;
  }
}

/** Talks to the conformance backend through the discovery and fetch APIs. */
export class PythonStewardshipClient implements PythonStewardshipApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('python-stewardship');
    let response: Response;
    try {
      response = await this.fetchApi.fetch(`${baseUrl}/${path}`, init);
    } catch (error) {
      throw new PythonStewardshipApiError(
        `Could not reach the conformance service (${
          (error as Error).message
        }). Check that the backend is running, then reload.`,
        0,
      );
    }
    if (!response.ok) {
      throw new PythonStewardshipApiError(
        await errorMessage(response),
        response.status,
      );
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json();
  }

  private post<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  }

  async getDiscoveryStatus(): Promise<DiscoveryStatus | null> {
    const baseUrl = await this.discoveryApi.getBaseUrl('catalog');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/python-discovery/status`,
    );
    // Only admins see it; for everyone else the card is simply not there.
    if (response.status === 403 || response.status === 404) return null;
    if (!response.ok) throw new Error(await errorMessage(response));
    return response.json();
  }

  getSummary(): Promise<OrganisationSummary> {
    return this.json('summary');
  }

  listCodebases(query: CodebaseQuery): Promise<CodebasePage> {
    return this.json(`codebases${codebaseQueryString(query)}`);
  }

  async exportCodebasesCsv(query: CodebaseQuery): Promise<Blob> {
    const { offset: _offset, limit: _limit, ...rest } = query;
    return (
      await this.request(`codebases.csv${codebaseQueryString(rest)}`)
    ).blob();
  }

  getReport(entityRef: string): Promise<EntityConformance> {
    return this.json(`${entityPath(entityRef)}/report`);
  }

  getHistory(entityRef: string, days?: number): Promise<ScoreHistory> {
    return this.json(
      `${entityPath(entityRef)}/history${days ? `?days=${days}` : ''}`,
    );
  }

  refresh(entityRef: string): Promise<EntityConformance> {
    return this.post(`${entityPath(entityRef)}/refresh`);
  }

  requestExemption(
    entityRef: string,
    request: ExemptionRequest,
  ): Promise<Exemption> {
    return this.post(`${entityPath(entityRef)}/exemptions`, request);
  }

  decideExemption(id: string, decision: ExemptionDecision): Promise<Exemption> {
    return this.post(`exemptions/${encodeURIComponent(id)}/decision`, decision);
  }
}
