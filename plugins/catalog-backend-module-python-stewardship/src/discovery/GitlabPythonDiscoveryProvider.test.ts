import { mockServices } from '@backstage/backend-test-utils';
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
import { GitlabPythonDiscoveryProvider } from './GitlabPythonDiscoveryProvider';

const manifest = parseSeedManifest(
  readFileSync(path.join(DEFAULT_SEED_DIR, 'manifest.yaml'), 'utf8'),
);

/** Seeded Python codebases discovery should find: not archived, not forks. */
const expectedPaths = manifest.projects
  .filter(p => p.topics.includes('python') && !p.archived && !p.forkOf)
  .map(p => p.path)
  .sort();

const reference = [
  {
    path: 'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist',
    type: 'service',
    maintainers: 'group:ai-gateway',
    owner: 'group:code-suggestions',
  },
  {
    path: 'gitlab-org/duo-workflow/duo-workflow-service',
    type: 'service',
    maintainers: 'group:duo-workflow-service',
    owner: 'group:duo-workflow',
  },
  {
    path: 'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library',
    type: 'utility',
    maintainers: 'group:ai-evaluation',
    owner: 'group:ai-evaluation',
  },
  {
    path: 'gitlab-org/cloud-connector/gitlab-cloud-connector',
    type: 'library',
    maintainers: 'group:cloud-connector',
    owner: 'group:cloud-connector',
  },
];

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

  function createProvider(block: Record<string, unknown> = {}) {
    const host = new URL(gitlab.url).host;
    const config = new ConfigReader({
      integrations: {
        gitlab: [gitlab.integration],
      },
      catalog: {
        providers: {
          pythonStewardship: {
            local: {
              host,
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
      retryDelaysMs: [10],
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    return { provider, connection, fns };
  }

  function entitiesOf(connection: { applyMutation: jest.Mock }, call = 0) {
    const mutation = connection.applyMutation.mock.calls[call][0];
    expect(mutation.type).toBe('full');
    return (mutation.entities as DeferredEntity[]).map(e => e.entity);
  }

  it('discovers exactly the seeded Python codebases, then rescans for the list pages only', async () => {
    const { provider, connection, fns } = createProvider();
    expect(provider.getProviderName()).toBe(
      'GitlabPythonDiscoveryProvider:local',
    );
    await provider.connect(connection);
    expect(fns).toHaveLength(1);

    gitlab.resetStats();
    await fns[0]();
    const firstScan = gitlab.stats();
    const entities = entitiesOf(connection);
    const slugs = entities
      .map(e => e.metadata.annotations!['gitlab.com/project-slug'])
      .sort();
    expect(slugs).toEqual(expectedPaths);
    expect(slugs).not.toContain('gitlab-org/ruby/gitlab-dangerfiles');
    expect(slugs).not.toContain('alex.maintainer/ai-assist');
    expect(slugs).not.toContain(
      'gitlab-org/modelops/applied-ml/code-suggestions/model-evaluator',
    );

    for (const ref of reference) {
      const entity = entities.find(
        e => e.metadata.annotations!['gitlab.com/project-slug'] === ref.path,
      )!;
      const seeded = manifest.projects.find(p => p.path === ref.path)!;
      const webUrl = `${gitlab.url}/${ref.path}`;
      expect(entity).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: path.basename(ref.path),
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
          },
          links: [{ url: webUrl, title: 'GitLab project', icon: 'gitlab' }],
        },
        spec: { type: ref.type, lifecycle: 'production', owner: ref.owner },
      });
    }

    // Without CODEOWNERS, maintainers come from members with Maintainer+.
    const legacy = entities.find(
      e =>
        e.metadata.annotations!['gitlab.com/project-slug'] ===
        'gitlab-org/quality/triage-report-scripts',
    )!;
    expect(
      legacy.metadata.annotations!['python-stewardship.io/maintainers'],
    ).toBe('user:dana.owner');

    // Rescan with nothing changed: only the project list pages.
    gitlab.resetStats();
    await fns[0]();
    const rescan = gitlab.stats();
    expect(Object.keys(rescan.routes)).toEqual(['GET /api/v4/projects']);
    expect(entitiesOf(connection, 1)).toEqual(entities);

    // First scan: one list page plus, per candidate project, languages,
    // tree, the classifier's files and CODEOWNERS (members without it).
    expect(firstScan.routes['GET /api/v4/projects'].count).toBe(1);
    expect(firstScan.totalRequests).toBeGreaterThan(expectedPaths.length * 3);
    expect(rescan.totalRequests).toBe(1);
  });

  it('scans one group with its subgroups', async () => {
    const { provider, connection } = createProvider({
      group: 'gitlab-org/modelops',
    });
    await provider.connect(connection);
    await provider.refresh(mockServices.logger.mock());
    const slugs = entitiesOf(connection)
      .map(e => e.metadata.annotations!['gitlab.com/project-slug'])
      .sort();
    expect(slugs).toEqual(
      expectedPaths.filter(p => p.startsWith('gitlab-org/modelops/')),
    );
    expect(Object.keys(gitlab.stats().routes)).toContain(
      'GET /api/v4/groups/:id/projects',
    );
  });

  it('applies no mutation when a project cannot be read', async () => {
    const { provider, connection } = createProvider();
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
    await expect(provider.refresh(mockServices.logger.mock())).rejects.toThrow(
      /could not be read.*no mutation applied/,
    );
    expect(connection.applyMutation).not.toHaveBeenCalled();

    // Once GitLab recovers, the next run applies the full set.
    gitlab.setFaults({});
    await provider.refresh(mockServices.logger.mock());
    expect(
      entitiesOf(connection).map(
        e => e.metadata.annotations!['gitlab.com/project-slug'],
      ),
    ).toHaveLength(expectedPaths.length);
  });

  it('fails the run without a mutation when the list stays rate limited', async () => {
    const { provider, connection, fns } = createProvider();
    await provider.connect(connection);
    gitlab.setFaults({
      rules: [
        {
          kind: 'rateLimit',
          retryAfterSeconds: 1,
          route: 'GET /api/v4/projects',
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

  it('rides out a transient rate limit', async () => {
    const { provider, connection } = createProvider();
    await provider.connect(connection);
    gitlab.setFaults({
      rules: [{ kind: 'rateLimit', retryAfterSeconds: 1, times: 2 }],
    });
    await provider.refresh(mockServices.logger.mock());
    expect(entitiesOf(connection)).toHaveLength(expectedPaths.length);
  });
});
