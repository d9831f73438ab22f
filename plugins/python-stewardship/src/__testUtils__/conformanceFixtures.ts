import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import type {
  CodebasePage,
  CodebaseRow,
  EntityConformance,
  OrganisationSummary,
} from '@internal/plugin-python-stewardship-common/browser';
import { PythonStewardshipClient } from '../api';

export const BASE_URL = 'http://localhost:7007/api/python-stewardship';
export const CATALOG_URL = 'http://localhost:7007/api/catalog';

/**
 * An msw server for the conformance API, started and reset around each
 * test. The discovery status answers 403 (not an admin) unless a test says
 * otherwise.
 */
export function setupConformanceServer() {
  const server = setupServer(
    http.get(
      `${CATALOG_URL}/python-discovery/status`,
      () => new HttpResponse(null, { status: 403 }),
    ),
  );
  registerMswTestHooks(server);
  return server;
}

/** The real client, against {@link BASE_URL} (which msw answers). */
export function conformanceClient() {
  return new PythonStewardshipClient({
    discoveryApi: {
      getBaseUrl: async pluginId =>
        pluginId === 'catalog' ? CATALOG_URL : BASE_URL,
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

export const gatewayRow: CodebaseRow = {
  entityRef: 'component:default/example-gateway',
  name: 'example-gateway',
  title: 'Example Gateway',
  type: 'service',
  owner: 'group:default/ai-gateway',
  maintainers: ['user:default/alex.maintainer'],
  projectPath: 'gitlab-org/example-gateway',
  score: 72,
  level: 'silver',
  failing: 2,
  failingChecks: ['PYG-011', 'PYG-041'],
  lastScanAt: '2026-11-29T00:50:00.000Z',
  source: 'schedule',
  trend: [50, 60, 72],
};

export const promptsRow: CodebaseRow = {
  ...gatewayRow,
  entityRef: 'component:default/prompt-library',
  name: 'prompt-library',
  title: 'Prompt Library',
  type: 'library',
  owner: 'group:default/ai-framework',
  score: 40,
  level: 'none',
  failing: 5,
  failingChecks: ['PYG-001', 'PYG-003', 'PYG-007', 'PYG-011', 'PYG-014'],
  trend: [40],
};

export function page(
  items: CodebaseRow[],
  totalCount = items.length,
): CodebasePage {
  return { items, totalCount, offset: 0, limit: 25 };
}

export const summary: OrganisationSummary = {
  codebases: 12,
  scanned: 10,
  byLevel: { gold: 1, silver: 3, bronze: 4, none: 2 },
  byType: { service: 5, utility: 3, library: 4 },
  averageScore: 63.4,
  mostFailedChecks: [
    {
      checkId: 'PYG-011',
      title: 'mypy is configured',
      docs: 'development-guidelines#type-checking',
      failing: 7,
    },
  ],
  owners: [
    {
      owner: 'group:default/ai-gateway',
      codebases: 3,
      averageScore: 70,
      byLevel: { gold: 0, silver: 2, bronze: 1, none: 0 },
    },
  ],
  lastScanAt: '2026-11-29T00:50:00.000Z',
};

export function report(
  overrides: Partial<EntityConformance> = {},
): EntityConformance {
  return {
    entityRef: 'component:default/example-gateway',
    projectPath: 'gitlab-org/example-gateway',
    projectWebUrl: 'http://localhost:7080/gitlab-org/example-gateway',
    defaultBranch: 'main',
    scan: {
      id: 'r1',
      source: 'push',
      createdAt: '2026-11-29T00:50:00.000Z',
      commitId: '0123456789abcdef',
      rulePackVersion: '1.4.0',
      report: {
        schemaVersion: 1,
        projectRoot: '',
        repositoryType: 'service',
        classification: { type: 'service', source: 'annotation' } as any,
        results: [
          {
            id: 'PYG-001',
            title: 'pyproject.toml declares the project',
            family: 'packaging',
            status: 'pass',
            message: 'pyproject.toml declares example-gateway',
            location: { path: 'pyproject.toml', line: 1 },
            docs: 'creating-a-codebase#pyprojecttoml',
            weight: 3,
            advisory: false,
            blockedBy: [],
          },
          {
            id: 'PYG-011',
            title: 'mypy is configured',
            family: 'type-checking',
            status: 'fail',
            message: 'No [tool.mypy] section',
            location: { path: 'pyproject.toml', line: 42 },
            docs: 'development-guidelines#type-checking',
            weight: 2,
            advisory: false,
            blockedBy: [],
          },
        ],
        score: 72,
        level: 'silver',
        levels: [
          { id: 'bronze', title: 'Bronze', reached: true, missing: [] },
          { id: 'silver', title: 'Silver', reached: true, missing: [] },
          { id: 'gold', title: 'Gold', reached: false, missing: ['PYG-011'] },
        ],
        counts: { pass: 1, fail: 1, skip: 0, exempt: 0, error: 0, total: 2 },
        warnings: [],
      },
    },
    upload: null,
    exemptions: [],
    lastError: null,
    viewer: { canRefresh: true, canDecideExemptions: true },
    localCommand: 'npx python-conformance check . --type service',
    ...overrides,
  };
}
