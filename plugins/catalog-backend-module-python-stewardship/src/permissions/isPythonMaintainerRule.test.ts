import { Entity } from '@backstage/catalog-model';
import { isPythonMaintainerRule } from './isPythonMaintainerRule';

const entity = (extra: Partial<Entity['metadata']>, relations = []) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'api', ...extra },
    relations,
  } as Entity);

describe('isPythonMaintainerRule', () => {
  it('matches maintainers from relations, case-insensitively', () => {
    const withRelation = entity({}, [
      { type: 'maintainedBy', targetRef: 'user:default/alex.maintainer' },
    ] as never);
    expect(
      isPythonMaintainerRule.apply(withRelation, {
        claims: ['User:default/Alex.Maintainer'],
      }),
    ).toBe(true);
    expect(
      isPythonMaintainerRule.apply(withRelation, {
        claims: ['user:default/chen.developer', 'group:default/backend'],
      }),
    ).toBe(false);
  });

  it('matches full refs in the maintainers annotation before relations exist', () => {
    const annotated = entity({
      annotations: {
        'python-stewardship.io/maintainers':
          'user:default/bea.reviewer, group:default/python-maintainers',
      },
    });
    expect(
      isPythonMaintainerRule.apply(annotated, {
        claims: ['group:default/python-maintainers'],
      }),
    ).toBe(true);
    expect(
      isPythonMaintainerRule.apply(annotated, { claims: ['user:default/x'] }),
    ).toBe(false);
  });

  it('queries the catalog by the maintainedBy relation', () => {
    expect(
      isPythonMaintainerRule.toQuery({ claims: ['user:default/a'] }),
    ).toEqual({ key: 'relations.maintainedBy', values: ['user:default/a'] });
  });
});
