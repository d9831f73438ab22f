import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiscoveryStore } from '../database/DiscoveryStore';
import { GitlabPythonDiscoveryProvider } from './GitlabPythonDiscoveryProvider';

jest.setTimeout(120_000);

/**
 * 250 synthetic projects: three list pages. A failure after the first page
 * must leave the catalog as it was, never shrink it to what was seen.
 */
describe('GitlabPythonDiscoveryProvider: a list that fails part-way', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let gitlab: GitlabLocal;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'py-discovery-pages-'));
    gitlab = await startGitlabLocal({ dataDir, syntheticProjects: 250 });
  });
  afterAll(async () => {
    await gitlab.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('applies nothing and keeps the stored state when page 2 keeps failing', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DiscoveryStore.create({ getClient: async () => knex });
    const config = new ConfigReader({
      integrations: { gitlab: [gitlab.integration] },
      catalog: {
        providers: {
          pythonStewardship: {
            synthetic: {
              host: gitlab.integration.host,
              group: 'synthetic',
              concurrency: 8,
              schedule: { frequency: { minutes: 30 }, timeout: 'PT5M' },
            },
          },
        },
      },
    });
    const [provider] = GitlabPythonDiscoveryProvider.fromConfig(config, {
      logger: mockServices.logger.mock(),
      scheduler: mockServices.scheduler.mock(),
      store,
      fetchOptions: { baseDelayMs: 5, maxAttempts: 3 },
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await provider.connect(connection);

    gitlab.resetStats();
    const first = await provider.refresh(mockServices.logger.mock());
    const stats = gitlab.stats();
    const entities = (
      connection.applyMutation.mock.calls[0][0].entities as DeferredEntity[]
    ).map(e => e.entity);
    // 9 of every 10 synthetic projects are Python.
    expect(entities).toHaveLength(225);
    expect(first).toMatchObject({ projectsSeen: 250, projectsFailed: 0 });
    expect(stats.routes['GET /api/v4/groups/:id/projects'].count).toBe(3);
    // At most 3 requests per Python project on a first scan, the Ruby
    // ones cost one (the tree), plus the three list pages.
    expect(first.requests).toBeLessThanOrEqual(3 + 225 * 3 + 25);
    expect(first.requests / 225).toBeLessThan(3);

    gitlab.setFaults({
      rules: [
        {
          kind: 'error',
          status: 500,
          route: 'GET /api/v4/groups/:id/projects',
          skip: 1,
        },
      ],
    });
    await expect(
      provider.refresh(mockServices.logger.mock()),
    ).rejects.toThrow();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect((await store.listProjects('synthetic')).size).toBe(250);
    expect((await store.latestRuns('synthetic', 1))[0]).toMatchObject({
      outcome: 'failed',
    });

    // Recovered: the same catalog again, for the list pages only.
    gitlab.setFaults({});
    gitlab.resetStats();
    const recovered = await provider.refresh(mockServices.logger.mock());
    expect(recovered).toMatchObject({ requests: 3, projectsChanged: 0 });
    expect(
      (
        connection.applyMutation.mock.calls[1][0].entities as DeferredEntity[]
      ).map(e => e.entity),
    ).toEqual(entities);
  });
});
