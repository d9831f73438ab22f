import { Entity } from '@backstage/catalog-model';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('rejects catalog requests without credentials', async () => {
    const res = await fetch(`${backend.baseUrl}/api/catalog/entities`);
    expect(res.status).toBe(401);
  });
});
