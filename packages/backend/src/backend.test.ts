import { Entity } from '@backstage/catalog-model';
import {
  BackendProcess,
  startBackendProcess,
  waitForCatalog,
} from './testing/startBackendProcess';

jest.setTimeout(180_000);

const PYTHON_CODEBASES = [
  'ai-gateway',
  'duo-workflow-service',
  'gitlab-cloud-connector',
  'prompt-library',
];

function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();
}

describe('backend on the embedded defaults', () => {
  let backend: BackendProcess;

  beforeAll(async () => {
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      // In-memory SQLite so the test never touches the developer's data/ folder.
      overrides: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('serves the seeded Python codebases with owner and maintainers', async () => {
    const body = await waitForCatalog<{ items: Entity[] }>(
      backend,
      'entities/by-query?filter=kind=component,metadata.tags=python&limit=50',
      b =>
        b.items.length === PYTHON_CODEBASES.length &&
        b.items.every(e => relationTargets(e, 'maintainedBy').length > 0),
    );
    const byName = new Map(body.items.map(e => [e.metadata.name, e]));
    expect([...byName.keys()].sort()).toEqual(PYTHON_CODEBASES);

    const gateway = byName.get('ai-gateway')!;
    expect(gateway.spec).toMatchObject({
      type: 'service',
      owner: 'group:ai-framework',
    });
    expect(relationTargets(gateway, 'ownedBy')).toEqual([
      'group:default/ai-framework',
    ]);
    expect(relationTargets(gateway, 'maintainedBy')).toEqual([
      'user:default/alex.maintainer',
      'user:default/bea.reviewer',
    ]);
    expect(byName.get('prompt-library')!.spec?.type).toBe('utility');
    expect(byName.get('gitlab-cloud-connector')!.spec?.type).toBe('library');
    expect(
      relationTargets(byName.get('gitlab-cloud-connector')!, 'maintainedBy'),
    ).toEqual([
      'group:default/python-maintainers',
      'user:default/bea.reviewer',
    ]);
  });

  it('shows the inverse maintainerOf relation on the user', async () => {
    const user = await waitForCatalog<Entity>(
      backend,
      'entities/by-name/user/default/alex.maintainer',
      u => relationTargets(u, 'maintainerOf').length >= 2,
    );
    expect(relationTargets(user, 'maintainerOf')).toEqual(
      expect.arrayContaining([
        'component:default/ai-gateway',
        'component:default/duo-workflow-service',
      ]),
    );
  });

  it('seeds the organisation: the working group and the owning teams', async () => {
    const body = await waitForCatalog<{ items: Entity[] }>(
      backend,
      'entities/by-query?filter=kind=group&limit=100',
      b => b.items.length >= 12,
    );
    const names = body.items.map(g => g.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'python-working-group',
        'ai-framework',
        'custom-models',
        'mlops',
        'model-validation',
        'duo-chat',
        'editor-extensions',
        'code-creation',
        'duo-workflow',
        'distribution-build',
      ]),
    );
  });

  it('rejects catalog requests without credentials', async () => {
    const res = await fetch(`${backend.baseUrl}/api/catalog/entities`);
    expect(res.status).toBe(401);
  });
});
