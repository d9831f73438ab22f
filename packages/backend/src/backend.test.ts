import { Entity } from '@backstage/catalog-model';
import { Gitlab } from '@gitbeaker/rest';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoCatalogProviders } from './testing/demoCatalogProviders';
import {
  BackendProcess,
  startBackendProcess,
  waitForCatalog,
} from './testing/startBackendProcess';

jest.setTimeout(180_000);

/** Every seeded Python project of gitlab-org (not the Ruby gem, not the fork). */
const PYTHON_CODEBASES = [
  'ai-evaluation-prompt-library-',
  'cloud-connector-gitlab-cloud-connector',
  'duo-workflow-duo-workflow-service',
  'example-gateway',
  'modelops-applied-ml-code-suggestions-ai-assist',
  'modelops-applied-ml-code-suggestions-model-evaluator',
  'modelops-applied-ml-legacy-embeddings-service',
  'quality-triage-report-scripts',
];

function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();
}

describe('backend on the embedded defaults', () => {
  let backend: BackendProcess;
  let gitlab: GitlabLocal;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backend-'));
    gitlab = await startGitlabLocal({ dataDir });
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      // In-memory SQLite so the test never touches the developer's data/
      // folder; the demo's GitLab providers point at this test's GitLab.
      overrides: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        integrations: { gitlab: [gitlab.integration] },
        catalog: demoCatalogProviders(gitlab),
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await gitlab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every seeded Python codebase from GitLab with type, owner and maintainers', async () => {
    const body = await waitForCatalog<{ items: Entity[] }>(
      backend,
      'entities/by-query?filter=kind=component,metadata.tags=python&limit=50',
      b =>
        b.items.length === PYTHON_CODEBASES.length &&
        b.items.every(e => relationTargets(e, 'maintainedBy').length > 0),
      120_000,
    );
    const names = body.items.map(e => e.metadata.name).sort();
    expect(names).toHaveLength(PYTHON_CODEBASES.length);
    PYTHON_CODEBASES.forEach((prefix, i) =>
      expect(names[i].startsWith(prefix)).toBe(true),
    );
    const byName = new Map(body.items.map(e => [e.metadata.name, e]));

    const gateway = byName.get(
      'modelops-applied-ml-code-suggestions-ai-assist',
    )!;
    expect(gateway.metadata.title).toBe('AI Gateway');
    expect(gateway.spec).toMatchObject({
      type: 'service',
      lifecycle: 'production',
      owner: 'group:modelops-applied-ml-code-suggestions',
    });
    // Owner and maintainer groups are the gitlab-org provider's groups.
    expect(relationTargets(gateway, 'ownedBy')).toEqual([
      'group:default/modelops-applied-ml-code-suggestions',
    ]);
    expect(relationTargets(gateway, 'maintainedBy')).toEqual([
      'group:default/maintainers-ai-gateway',
    ]);
    expect(
      byName.get('cloud-connector-gitlab-cloud-connector')!.spec?.type,
    ).toBe('library');
    expect(
      byName.get('modelops-applied-ml-code-suggestions-model-evaluator')!.spec
        ?.lifecycle,
    ).toBe('deprecated');

    // A project with its own catalog-info.yaml keeps its name and owner.
    const example = byName.get('example-gateway')!;
    expect(example.spec).toMatchObject({
      owner: 'group:python-working-group',
      lifecycle: 'experimental',
    });
    expect(relationTargets(example, 'maintainedBy')).toEqual([
      'user:default/alex.maintainer',
      'user:default/bea.reviewer',
    ]);
  });

  it('gets people and groups from GitLab, and keeps the one person GitLab cannot know', async () => {
    const user = await waitForCatalog<Entity>(
      backend,
      'entities/by-name/user/default/alex.maintainer',
      u =>
        relationTargets(u, 'maintainerOf').length >= 1 &&
        relationTargets(u, 'memberOf').length >= 2,
    );
    expect(relationTargets(user, 'maintainerOf')).toContain(
      'component:default/example-gateway',
    );
    expect(relationTargets(user, 'memberOf')).toEqual(
      expect.arrayContaining([
        'group:default/ai-framework',
        'group:default/python-working-group',
      ]),
    );
    const body = await waitForCatalog<{ items: Entity[] }>(
      backend,
      'entities/by-query?filter=kind=user&limit=100',
      b => b.items.length >= 7,
    );
    expect(body.items.map(u => u.metadata.name).sort()).toEqual([
      'alex.maintainer',
      'bea.reviewer',
      'chen.developer',
      'dana.owner',
      'eli.newcomer',
      'fran.contractor',
      'root',
    ]);
  });

  it('offers the owning teams the templates and tests pick from', async () => {
    const body = await waitForCatalog<{ items: Entity[] }>(
      backend,
      'entities/by-query?filter=kind=group&limit=100',
      b => b.items.some(g => g.metadata.name === 'ai-framework'),
    );
    const names = body.items.map(g => g.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ai-framework',
        'python-working-group',
        'python-examples',
        'duo-workflow',
        'cloud-connector',
        'maintainers-ai-gateway',
      ]),
    );
    const team = body.items.find(g => g.metadata.name === 'ai-framework')!;
    expect(team.spec?.profile).toMatchObject({ displayName: 'AI Framework' });
  });

  it('reports the last discovery scan to signed-in callers', async () => {
    const url = `${backend.baseUrl}/api/catalog/python-discovery/status`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${backend.token}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.providers[0]).toMatchObject({
      providerId: 'codebases',
      lastScan: {
        kind: 'scan',
        outcome: 'applied',
        projectsSeen: 9,
        projectsFailed: 0,
        components: PYTHON_CODEBASES.length,
      },
    });
    expect(body.providers[0].lastScan.requests).toBeLessThanOrEqual(
      1 + 3 * PYTHON_CODEBASES.length + 1,
    );
  });

  it('updates a codebase within seconds of a push, through the GitLab system hook', async () => {
    const root = new Gitlab({ host: gitlab.url, token: gitlab.token });
    await root.SystemHooks.create(`${backend.baseUrl}/api/events/http/gitlab`, {
      token: 'python-stewardship-demo-webhook',
      pushEvents: true,
    });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-push-'));
    const git = (...args: string[]) =>
      promisify(execFile)('git', args, {
        cwd: work,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Chen',
          GIT_AUTHOR_EMAIL: 'chen@example.com',
          GIT_COMMITTER_NAME: 'Chen',
          GIT_COMMITTER_EMAIL: 'chen@example.com',
        },
      });
    try {
      const remote = gitlab.url.replace('://', `://oauth2:${gitlab.token}@`);
      await git(
        'clone',
        '-q',
        `${remote}/gitlab-org/duo-workflow/duo-workflow-service.git`,
        '.',
      );
      fs.writeFileSync(
        path.join(work, '.gitlab/CODEOWNERS'),
        '[Development]\n* @chen.developer\n',
      );
      await git('commit', '-qam', 'Chen maintains the service now');
      await git('push', '-q', 'origin', 'HEAD:main');
      const pushed = Date.now();
      const entity = await waitForCatalog<Entity>(
        backend,
        'entities/by-name/component/default/duo-workflow-duo-workflow-service',
        e =>
          relationTargets(e, 'maintainedBy').includes(
            'user:default/chen.developer',
          ),
        20_000,
      );
      expect(relationTargets(entity, 'maintainedBy')).toEqual([
        'user:default/chen.developer',
      ]);
      expect(Date.now() - pushed).toBeLessThan(20_000);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('follows archive and membership changes within seconds, through system events', async () => {
    // The system hook was added by the push test above.
    const root = new Gitlab({ host: gitlab.url, token: gitlab.token });
    const prompts =
      'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library';
    await root.Projects.archive(prompts);
    const archived = await waitForCatalog<{ items: Entity[] }>(
      backend,
      `entities/by-query?filter=kind=component,metadata.annotations.gitlab.com/project-slug=${encodeURIComponent(
        prompts,
      )}`,
      b => b.items[0]?.spec?.lifecycle === 'deprecated',
      20_000,
    );
    expect(archived.items).toHaveLength(1);

    const legacy = await root.Projects.show(
      'gitlab-org/quality/triage-report-scripts',
    );
    const eli = (await root.Users.all({ username: 'eli.newcomer' }))[0];
    await root.ProjectMembers.add(legacy.id, 40, { userId: eli.id });
    const entity = await waitForCatalog<Entity>(
      backend,
      'entities/by-name/component/default/quality-triage-report-scripts',
      e =>
        relationTargets(e, 'maintainedBy').includes(
          'user:default/eli.newcomer',
        ),
      20_000,
    );
    expect(relationTargets(entity, 'maintainedBy')).toEqual([
      'user:default/dana.owner',
      'user:default/eli.newcomer',
    ]);
  });

  it('keeps one entity when a catalog file is both discovered and registered as a location (catalog:register)', async () => {
    const target = `${gitlab.url}/gitlab-org/python-examples/example-gateway/-/blob/main/catalog-info.yaml`;
    const res = await fetch(`${backend.baseUrl}/api/catalog/locations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${backend.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'url', target }),
    });
    expect(res.status).toBe(201);
    // The location's processing emits example-gateway under the same key.
    await waitForCatalog<{ items: Entity[] }>(
      backend,
      `entities/by-query?filter=kind=location,spec.target=${encodeURIComponent(
        target,
      )}`,
      b => b.items.length === 1,
    );
    await new Promise(resolve => setTimeout(resolve, 3000));
    const body = await waitForCatalog<{ items: Entity[] }>(
      backend,
      'entities/by-query?filter=kind=component,metadata.name=example-gateway',
      b => b.items.length > 0,
    );
    expect(body.items).toHaveLength(1);
    expect(backend.logs()).not.toMatch(/conflict[^\n]*example-gateway/i);
  });

  it('rejects catalog requests without credentials', async () => {
    const res = await fetch(`${backend.baseUrl}/api/catalog/entities`);
    expect(res.status).toBe(401);
  });
});
