import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { MaintainersProcessor } from './MaintainersProcessor';

const location = { type: 'file', target: '/catalog/python-codebases.yaml' };

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ai-gateway', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:ai-framework' },
  };
}

async function process(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new MaintainersProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  return { result, emitted };
}

describe('MaintainersProcessor', () => {
  it('emits maintainedBy and maintainerOf for each maintainer', async () => {
    const { emitted, result } = await process(
      component({
        'python-stewardship.io/maintainers':
          'user:alex.maintainer, group:python-maintainers',
      }),
    );
    expect(result.metadata.name).toBe('ai-gateway');
    const self = {
      kind: 'Component',
      namespace: 'default',
      name: 'ai-gateway',
    };
    expect(emitted).toEqual([
      {
        type: 'relation',
        relation: {
          source: self,
          type: 'maintainedBy',
          target: {
            kind: 'user',
            namespace: 'default',
            name: 'alex.maintainer',
          },
        },
      },
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'user',
            namespace: 'default',
            name: 'alex.maintainer',
          },
          type: 'maintainerOf',
          target: self,
        },
      },
      {
        type: 'relation',
        relation: {
          source: self,
          type: 'maintainedBy',
          target: {
            kind: 'group',
            namespace: 'default',
            name: 'python-maintainers',
          },
        },
      },
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'group',
            namespace: 'default',
            name: 'python-maintainers',
          },
          type: 'maintainerOf',
          target: self,
        },
      },
    ]);
  });

  it('emits nothing when the annotation is absent', async () => {
    const { emitted } = await process(component({}));
    expect(emitted).toEqual([]);
  });

  it('reports bad entries by name and keeps the good ones', async () => {
    const { emitted } = await process(
      component({
        'python-stewardship.io/maintainers':
          'api:not-a-person, alex.maintainer, bad:ref:too:many:colons',
      }),
    );
    const errors = emitted.filter(r => r.type === 'error');
    const relations = emitted.filter(r => r.type === 'relation');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({
      type: 'error',
      location,
      error: {
        name: 'InputError',
        message: expect.stringContaining(
          '"api:not-a-person" has kind api; maintainers must be a User or a Group',
        ),
      },
    });
    expect(errors[1]).toMatchObject({
      error: { message: expect.stringContaining('"bad:ref:too:many:colons"') },
    });
    // The valid bare name became a User in the entity's namespace.
    expect(relations).toHaveLength(2);
    expect(relations[0]).toMatchObject({
      relation: { target: { kind: 'user', name: 'alex.maintainer' } },
    });
  });
});
