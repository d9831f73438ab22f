import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_MAINTAINED_BY,
  RELATION_MAINTAINER_OF,
} from '@internal/plugin-python-stewardship-common/browser';

/** The graph's relation vocabulary: Backstage's own plus maintainership. */
export const portalRelations = [
  ...ALL_RELATIONS,
  RELATION_MAINTAINED_BY,
  RELATION_MAINTAINER_OF,
];

export const portalRelationPairs: [string, string][] = [
  ...ALL_RELATION_PAIRS,
  [RELATION_MAINTAINER_OF, RELATION_MAINTAINED_BY],
];

// Replaces the catalog graph's API (same extension id, `api:catalog-graph`) so
// the graph draws maintainers next to owners instead of dropping the
// relation types it does not know.
const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: portalRelations,
          knownRelationPairs: portalRelationPairs,
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});
