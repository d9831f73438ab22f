import { DefaultCatalogGraphApi } from '@backstage/plugin-catalog-graph';
import { portalRelationPairs, portalRelations } from './catalogGraphModule';

describe('catalogGraphModule relations', () => {
  it('knows maintainership and pairs maintainerOf with maintainedBy', () => {
    const api = new DefaultCatalogGraphApi({
      knownRelations: portalRelations,
      knownRelationPairs: portalRelationPairs,
      defaultRelationTypes: { exclude: [] },
    });
    expect(api.defaultRelations).toEqual(
      expect.arrayContaining(['ownedBy', 'maintainedBy', 'maintainerOf']),
    );
    expect(api.knownRelationPairs).toContainEqual([
      'maintainerOf',
      'maintainedBy',
    ]);
  });
});
