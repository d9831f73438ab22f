import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_SEED_DIR,
  GitlabLocal,
  parseSeedManifest,
  startGitlabLocal,
} from '@internal/gitlab-local';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiscoveryStore } from '../database/DiscoveryStore';
import { GitlabPythonDiscoveryProvider } from './GitlabPythonDiscoveryProvider';

jest.setTimeout(120_000);

const manifest = parseSeedManifest(
  readFileSync(path.join(DEFAULT_SEED_DIR, 'manifest.yaml'), 'utf8'),
);

/** Seeded Python codebases discovery should find: archived ones too, no forks. */
const expectedPaths = manifest.projects
  .filter(p => p.topics.includes('python') && !p.forkOf)
  .map(p => p.path)
  .sort();

const reference = [
  {
    path: 'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist',
    name: 'modelops-applied-ml-code-suggestions-ai-assist',
    type: 'service',
    maintainers: 'group:maintainers-ai-gateway',
    owner: 'group:modelops-applied-ml-code-suggestions',
  },
  {
    path: 'gitlab-org/duo-workflow/duo-workflow-service',
    name: 'duo-workflow-duo-workflow-service',
    type: 'service',
    maintainers: 'group:maintainers-duo-workflow-service',
    owner: 'group:duo-workflow',
  },
  {
    path: 'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library',
    name: expect.stringMatching(/^ai-evaluation-prompt-library-[0-9a-f]{6}$/),
    type: 'utility',
    maintainers:
      'group:modelops-ai-model-validation-and-research-ai-evaluation',
    owner: 'group:modelops-ai-model-validation-and-research-ai-evaluation',
  },
  {
    path: 'gitlab-org/cloud-connector/gitlab-cloud-connector',
    name: 'cloud-connector-gitlab-cloud-connector',
    type: 'library',
    maintainers: 'group:cloud-connector',
    owner: 'group:cloud-connector',
  },
];

const slugOf = (e: { metadata: { annotations?: Record<string, string> } }) =>
  e.metadata.annotations!['gitlab.com/project-slug'];

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_16'],
  disableDocker: true,
});

describe('GitlabPythonDiscoveryProvider against the local GitLab', () => {
  let gitlab: GitlabLocal;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'py-discovery-'));
    gitlab = await startGitlabLocal({ dataDir });
  });
  afterAll(async () => {
    await gitlab.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  afterEach(() => gitlab.setFaults({}));

  async function sqliteStore() {
    const knex = await databases.init('SQLITE_3');
    return DiscoveryStore.create({ getClient: async () => knex });
  }

  function createProvider(
    store: DiscoveryStore,
    block: Record<string, unknown> = {},
  ) {
    const host = new URL(gitlab.url).host;
    const config = new ConfigReader({
      integrations: { gitlab: [gitlab.integration] },
      catalog: {
        providers: {
          pythonStewardship: {
            local: {
              host,
              group: 'gitlab-org',
              schedule: { frequency: { minutes: 30 }, timeout: 'PT5M' },
              ...block,
            },
          },
        },
      },
    });
    const fns: Array<() => Promise<void>> = [];
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: () => ({
        run: async ({ fn }) => {
          fns.push(fn as () => Promise<void>);
        },
      }),
    });
    const [provider] = GitlabPythonDiscoveryProvider.fromConfig(config, {
      logger: mockServices.logger.mock(),
      scheduler,
      store,
      fetchOptions: { baseDelayMs: 5, maxDelayMs: 1500, maxAttempts: 4 },
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    return { provider, connection, fns };
  }

  function entitiesOf(connection: { applyMutation: jest.Mock }, call = 0) {
    const mutation = connection.applyMutation.mock.calls[call][0];
    expect(mutation.type).toBe('full');
    return (mutation.entities as DeferredEntity[]).map(e => e.entity);
  }

  it('discovers exactly the seeded Python codebases with at most 3 requests each, then rescans for the list pages only', async () => {
    const { provider, connection, fns } = createProvider(await sqliteStore());
    expect(provider.getProviderName()).toBe(
      'GitlabPythonDiscoveryProvider:local',
    );
    await provider.connect(connection);
    expect(fns).toHaveLength(1);

    gitlab.resetStats();
    await fns[0]();
    const firstScan = gitlab.stats();
    const entities = entitiesOf(connection);
    const slugs = entities.map(slugOf).sort();
    expect(slugs).toEqual(expectedPaths);
    expect(slugs).not.toContain('gitlab-org/ruby/gitlab-dangerfiles');
    expect(slugs).not.toContain('alex.maintainer/ai-assist');

    for (const ref of reference) {
      const entity = entities.find(e => slugOf(e) === ref.path)!;
      const seeded = manifest.projects.find(p => p.path === ref.path)!;
      const webUrl = `${gitlab.url}/${ref.path}`;
      expect(entity).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: ref.name,
          title: seeded.name,
          description: seeded.description,
          tags: ['python'],
          annotations: {
            'backstage.io/managed-by-location': `url:${webUrl}`,
            'backstage.io/managed-by-origin-location': `url:${webUrl}`,
            'backstage.io/source-location': `url:${webUrl}/-/tree/main/`,
            'gitlab.com/project-slug': ref.path,
            'python-stewardship.io/repository-type': ref.type,
            'python-stewardship.io/maintainers': ref.maintainers,
            ...(ref.type === 'library'
              ? { 'python-stewardship.io/project-root': 'src/python' }
              : {}),
          },
          links: [{ url: webUrl, title: 'GitLab project', icon: 'gitlab' }],
        },
        spec: { type: ref.type, lifecycle: 'production', owner: ref.owner },
      });
    }

    // Without CODEOWNERS, maintainers come from members with Maintainer+.
    const legacy = entities.find(
      e => slugOf(e) === 'gitlab-org/quality/triage-report-scripts',
    )!;
    expect(
      legacy.metadata.annotations!['python-stewardship.io/maintainers'],
    ).toBe('user:dana.owner');
    // Archived projects stay in the catalog as deprecated.
    expect(
      entities.find(
        e =>
          slugOf(e) ===
          'gitlab-org/modelops/applied-ml/code-suggestions/model-evaluator',
      )!.spec!.lifecycle,
    ).toBe('deprecated');
    // A project with its own catalog-info.yaml keeps its name, owner and lifecycle.
    const example = entities.find(
      e => slugOf(e) === 'gitlab-org/python-examples/example-gateway',
    )!;
    expect(example.metadata.name).toBe('example-gateway');
    expect(example.spec).toMatchObject({
      owner: 'group:python-working-group',
      lifecycle: 'experimental',
      type: 'service',
    });
    expect(
      example.metadata.annotations!['backstage.io/managed-by-location'],
    ).toBe(
      `url:${gitlab.url}/gitlab-org/python-examples/example-gateway/-/blob/main/catalog-info.yaml`,
    );
    // Keyed by its file's URL, as a registered Location of that file
    // (catalog:register) keys it: one entity, never a conflict.
    const deferred = connection.applyMutation.mock.calls[0][0]
      .entities as DeferredEntity[];
    expect(
      deferred.find(d => d.entity.metadata.name === 'example-gateway')!
        .locationKey,
    ).toBe(
      `url:${gitlab.url}/gitlab-org/python-examples/example-gateway/-/blob/main/catalog-info.yaml`,
    );
    expect(
      deferred.find(d => d.entity.metadata.name === reference[0].name)!
        .locationKey,
    ).toBe('GitlabPythonDiscoveryProvider:local');
    expect(new Set(entities.map(e => e.metadata.name)).size).toBe(
      entities.length,
    );

    // First scan: one list page plus at most 3 requests per Python project
    // (tree, one GraphQL read, members only without CODEOWNERS).
    expect(firstScan.routes['GET /api/v4/groups/:id/projects'].count).toBe(1);
    const perProject = firstScan.totalRequests - 1;
    expect(perProject).toBeLessThanOrEqual(3 * expectedPaths.length + 1);
    expect(
      firstScan.routes['GET /api/v4/projects/:id/languages'],
    ).toBeUndefined();

    // Rescan with nothing changed: only the project list page.
    gitlab.resetStats();
    await fns[0]();
    const rescan = gitlab.stats();
    expect(Object.keys(rescan.routes)).toEqual([
      'GET /api/v4/groups/:id/projects',
    ]);
    expect(rescan.totalRequests).toBe(1);
    expect(entitiesOf(connection, 1)).toEqual(entities);
    expect(provider.lastRunSummary).toMatchObject({
      outcome: 'applied',
      projectsSeen: expectedPaths.length + 1,
      projectsChanged: 0,
      requests: 1,
    });
  });

  it('scans one group with its subgroups', async () => {
    const { provider, connection } = createProvider(await sqliteStore(), {
      group: 'gitlab-org/modelops',
    });
    await provider.connect(connection);
    await provider.refresh(mockServices.logger.mock());
    const slugs = entitiesOf(connection).map(slugOf).sort();
    expect(slugs).toEqual(
      expectedPaths.filter(p => p.startsWith('gitlab-org/modelops/')),
    );
  });

  it('keeps the previous entity of a project that cannot be read', async () => {
    const store = await sqliteStore();
    const { provider, connection } = createProvider(store);
    await provider.connect(connection);
    gitlab.setFaults({
      rules: [
        {
          kind: 'error',
          status: 500,
          route: 'GET /api/v4/projects/:id/repository/tree',
        },
      ],
    });
    // Nothing known yet: the unreadable projects are simply not emitted,
    // and the run says so.
    const failed = await provider.refresh(mockServices.logger.mock());
    expect(failed.outcome).toBe('partial');
    expect(failed.projectsFailed).toBeGreaterThan(0);

    gitlab.setFaults({});
    await provider.refresh(mockServices.logger.mock());
    expect(entitiesOf(connection, 1).map(slugOf)).toHaveLength(
      expectedPaths.length,
    );
  });

  it('applies no mutation when the project list stays rate limited', async () => {
    const { provider, connection, fns } = createProvider(await sqliteStore());
    await provider.connect(connection);
    gitlab.setFaults({
      rules: [
        {
          kind: 'rateLimit',
          retryAfterSeconds: 1,
          route: 'GET /api/v4/groups/:id/projects',
        },
      ],
    });
    await expect(
      provider.refresh(mockServices.logger.mock()),
    ).rejects.toThrow();
    // The scheduled task logs the failure instead of throwing.
    await expect(fns[0]()).resolves.toBeUndefined();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(gitlab.stats().faultsInjected.rateLimit).toBeGreaterThan(0);
  });

  it('rides out transient rate limits and server errors', async () => {
    const { provider, connection } = createProvider(await sqliteStore());
    await provider.connect(connection);
    gitlab.setFaults({
      rules: [
        { kind: 'rateLimit', retryAfterSeconds: 1, times: 2 },
        { kind: 'error', status: 502, skip: 3, times: 2 },
      ],
    });
    const run = await provider.refresh(mockServices.logger.mock());
    expect(run.outcome).toBe('applied');
    expect(entitiesOf(connection)).toHaveLength(expectedPaths.length);
  });

  it('emits the same catalog when 10% of requests fail with 429 or 500', async () => {
    const clean = createProvider(await sqliteStore());
    await clean.provider.connect(clean.connection);
    await clean.provider.refresh(mockServices.logger.mock());

    const faulty = createProvider(await sqliteStore());
    await faulty.provider.connect(faulty.connection);
    gitlab.setFaults({
      rules: [
        { kind: 'rateLimit', retryAfterSeconds: 0, every: 10 },
        { kind: 'error', status: 500, every: 10, skip: 5 },
      ],
    });
    const run = await faulty.provider.refresh(mockServices.logger.mock());
    const faults = gitlab.stats().faultsInjected;
    expect(faults.rateLimit + faults.error).toBeGreaterThan(2);
    expect(run).toMatchObject({ outcome: 'applied', projectsFailed: 0 });
    expect(entitiesOf(faulty.connection)).toEqual(entitiesOf(clean.connection));
  });

  it.each(databases.eachSupportedId())(
    'survives a restart on %p: the new provider makes only the list request',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const first = createProvider(
        await DiscoveryStore.create({ getClient: async () => knex }),
      );
      await first.provider.connect(first.connection);
      await first.provider.refresh(mockServices.logger.mock());
      const entities = entitiesOf(first.connection);

      // A new process: new provider, new store object, same database.
      const second = createProvider(
        await DiscoveryStore.create({ getClient: async () => knex }),
      );
      await second.provider.connect(second.connection);
      gitlab.resetStats();
      const run = await second.provider.refresh(mockServices.logger.mock());
      expect(gitlab.stats().totalRequests).toBe(1);
      expect(run).toMatchObject({ requests: 1, projectsChanged: 0 });
      expect(entitiesOf(second.connection)).toEqual(entities);
    },
  );
});
