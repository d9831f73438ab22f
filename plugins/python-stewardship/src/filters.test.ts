import { Entity } from '@backstage/catalog-model';
import { isCodebaseMaintainer, isPythonCodebase } from './filters';

const component = (metadata: Partial<Entity['metadata']>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'example-gateway', ...metadata },
  spec: { type: 'service' },
});

describe('isPythonCodebase', () => {
  it('accepts Components tagged python', () => {
    expect(isPythonCodebase(component({ tags: ['python', 'fastapi'] }))).toBe(
      true,
    );
  });

  it('accepts Components that name maintainers', () => {
    expect(
      isPythonCodebase(
        component({
          annotations: {
            'python-stewardship.io/maintainers': 'user:default/alex',
          },
        }),
      ),
    ).toBe(true);
  });

  it('rejects other Components and other kinds', () => {
    expect(isPythonCodebase(component({ tags: ['java'] }))).toBe(false);
    expect(
      isPythonCodebase({ ...component({ tags: ['python'] }), kind: 'API' }),
    ).toBe(false);
  });
});

describe('isCodebaseMaintainer', () => {
  const user: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alex' },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/python-maintainers' },
    ],
  };

  it('accepts users and groups with maintainerOf relations', () => {
    const maintainer = {
      ...user,
      relations: [
        ...user.relations!,
        {
          type: 'maintainerOf',
          targetRef: 'component:default/example-gateway',
        },
      ],
    };
    expect(isCodebaseMaintainer(maintainer)).toBe(true);
    expect(isCodebaseMaintainer({ ...maintainer, kind: 'Group' })).toBe(true);
  });

  it('rejects people who maintain nothing', () => {
    expect(isCodebaseMaintainer(user)).toBe(false);
  });
});
