import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  GitlabDiscoveryEntityProvider,
  GitlabOrgDiscoveryEntityProvider,
} from '@backstage/plugin-catalog-backend-module-gitlab';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { authedRemote, gitCli } from './__testUtils__/gitCli';
import {
  AI_GATEWAY,
  CLOUD_CONNECTOR,
  startTestGitlab,
  TestGitlab,
} from './__testUtils__/startTestGitlab';

/**
 * Backstage's own GitLab readers against the local GitLab: the catalog's
 * discovery provider (group project lists + HEAD on catalog files) and the
 * URL reader (raw files, project lookup, commits and archives).
 */
describe("Backstage's GitLab readers against the local GitLab", () => {
  let t: TestGitlab;
  let config: ConfigReader;

  beforeAll(async () => {
    t = await startTestGitlab();
    const host = new URL(t.gitlab.url).host;
    config = new ConfigReader({
      integrations: {
        gitlab: [t.gitlab.integration],
      },
      catalog: {
        providers: {
          gitlab: {
            local: { host, group: 'gitlab-org', skipForkedRepos: true },
            org: { host, group: 'gitlab-org', orgEnabled: true },
          },
        },
      },
    });
  });
  afterAll(() => t.stop());

  it('discovers projects that hold a catalog-info.yaml', async () => {
    // A fresh project with a catalog file, pushed like a scaffolded service.
    const workDir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'gitlab-local-disco-'),
    );
    try {
      await gitCli(['init', '--quiet', '--initial-branch=main'], workDir);
      await fs.writeFile(
        path.join(workDir, 'catalog-info.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: discovered\nspec:\n  type: service\n  owner: team-a\n  lifecycle: experimental\n',
      );
      await gitCli(['add', '--all'], workDir);
      await gitCli(['commit', '--quiet', '-m', 'add catalog file'], workDir);
      await gitCli(
        [
          'push',
          '--quiet',
          authedRemote(
            t.gitlab.url,
            'gitlab-org/quality/discovered',
            t.gitlab.token,
          ),
          'main',
        ],
        workDir,
      );
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }

    const [provider] = GitlabDiscoveryEntityProvider.fromConfig(config, {
      logger: mockServices.logger.mock(),
      schedule: { run: jest.fn() } as never,
    });
    const applyMutation = jest.fn();
    await provider.connect({ applyMutation, refresh: jest.fn() });
    t.gitlab.resetStats();
    await provider.refresh(mockServices.logger.mock());

    const targets: string[] = applyMutation.mock.calls[0][0].entities.map(
      (e: { entity: { spec: { target: string } } }) => e.entity.spec.target,
    );
    expect(targets).toContain(
      `${t.gitlab.url}/gitlab-org/quality/discovered/-/blob/main/catalog-info.yaml`,
    );
    // Projects without a catalog file are checked and left out.
    expect(targets.some(target => target.includes('/ai-assist/'))).toBe(false);
    const { routes } = t.gitlab.stats();
    expect(
      routes['GET /api/v4/groups/:id/projects'].count,
    ).toBeGreaterThanOrEqual(1);
    expect(
      routes['HEAD /api/v4/projects/:id/repository/files/:file_path'].count,
    ).toBeGreaterThan(1);
  });

  it('reads files and trees through the GitLab URL reader', async () => {
    const reader = UrlReaders.default({
      config,
      logger: mockServices.logger.mock(),
    });
    const file = await reader.readUrl(
      `${t.gitlab.url}/${AI_GATEWAY}/-/blob/main/pyproject.toml`,
    );
    expect((await file.buffer()).toString()).toContain('name = "ai-gateway"');

    const tree = await reader.readTree(
      `${t.gitlab.url}/${CLOUD_CONNECTOR}/-/tree/main/src/python`,
    );
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual(
      expect.arrayContaining([
        'pyproject.toml',
        'gitlab_cloud_connector/auth.py',
      ]),
    );
    expect(tree.etag).toMatch(/^[0-9a-f]{40}$/);
  });

  it('ingests users and groups with the org provider (REST + GraphQL)', async () => {
    const providers = GitlabOrgDiscoveryEntityProvider.fromConfig(config, {
      logger: mockServices.logger.mock(),
      schedule: { run: jest.fn() } as never,
    });
    expect(providers).toHaveLength(1);
    const applyMutation = jest.fn();
    await providers[0].connect({ applyMutation, refresh: jest.fn() });
    t.gitlab.resetStats();
    // refresh() is private in the org provider's types, but it is what the
    // scheduled task runs; calling it avoids waiting for a schedule.
    await (
      providers[0] as unknown as { refresh(logger: unknown): Promise<void> }
    ).refresh(mockServices.logger.mock());

    const entities = applyMutation.mock.calls[0][0].entities.map(
      (e: {
        entity: {
          kind: string;
          metadata: { name: string };
          spec: Record<string, unknown>;
        };
      }) => e.entity,
    );
    const users = entities.filter((e: { kind: string }) => e.kind === 'User');
    expect(
      users.map((u: { metadata: { name: string } }) => u.metadata.name),
    ).toEqual(
      expect.arrayContaining([
        'alex.maintainer',
        'bea.reviewer',
        'eli.newcomer',
      ]),
    );
    const alex = users.find(
      (u: { metadata: { name: string } }) =>
        u.metadata.name === 'alex.maintainer',
    );
    // Group membership comes from the GraphQL groupMembers query.
    expect(alex.spec.memberOf.length).toBeGreaterThan(1);
    const groups = entities.filter((e: { kind: string }) => e.kind === 'Group');
    expect(groups.length).toBeGreaterThan(1);
    expect(t.gitlab.stats().routes['POST /api/graphql'].count).toBeGreaterThan(
      1,
    );
  });

  it('answers unsupported GraphQL documents with a GraphQL error', async () => {
    const response = await fetch(`${t.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        Authorization: `Bearer ${t.gitlab.token}`,
      },
      body: JSON.stringify({ query: '{ currentUser { username } }' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).errors[0].message).toMatch(/only answers/);
    const anonymous = await fetch(`${t.gitlab.url}/api/graphql`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);
  });
});
