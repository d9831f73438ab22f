import {
  coreExtensionData,
  createExtensionInput,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import CategoryIcon from '@material-ui/icons/Category';
import {
  CatalogTable,
  type CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { createConformanceColumn } from '@internal/plugin-python-stewardship';

/**
 * The catalog's columns plus "Guidelines" (level and score of each Python
 * codebase) when components are listed. The name and owner columns keep a
 * minimum width, so a laptop-width window no longer wraps them letter by letter.
 */
export const portalCatalogColumns: CatalogTableColumnsFunc = context => {
  // Titles are translated elements; the fields name the columns.
  const minWidths: Record<string, number> = {
    'resolved.entityRef': 200,
    'resolved.ownedByRelationsTitle': 150,
  };
  const columns = CatalogTable.defaultColumnsFunc(context).map(column => {
    const minWidth = minWidths[String(column.field)];
    return minWidth
      ? {
          ...column,
          cellStyle: {
            ...(typeof column.cellStyle === 'object' ? column.cellStyle : {}),
            minWidth,
            wordBreak: 'normal' as const,
            overflowWrap: 'anywhere' as const,
          },
        }
      : column;
  });
  const kind = context.filters.kind?.value?.toLocaleLowerCase('en-US');
  if (kind !== 'component') {
    return columns;
  }
  // Right after the name (the first column is the catalog's hidden title),
  // so it is on screen without scrolling sideways.
  const afterName =
    columns.findIndex(column => column.field === 'resolved.entityRef') + 1;
  return [
    ...columns.slice(0, afterName),
    createConformanceColumn(),
    ...columns.slice(afterName),
  ];
};

// Same id as the catalog plugin's page (page:catalog), so it replaces it;
// the catalog's filter extensions keep attaching to its `filters` input.
// The catalog's own route ref keeps the sidebar's "Catalog" item and every
// link to the catalog index (without it the page had no nav item).
const catalogPage = PageBlueprint.makeWithOverrides({
  inputs: {
    filters: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/catalog',
      routeRef: catalogPlugin.routes.catalogIndex,
      title: 'Catalog',
      icon: <CategoryIcon fontSize="inherit" />,
      loader: async () => {
        const { CatalogIndexPage } = await import(
          '@backstage/plugin-catalog/alpha'
        );
        const filters = inputs.filters.map(filter =>
          filter.get(coreExtensionData.reactElement),
        );
        return (
          <CatalogIndexPage
            filters={<>{filters}</>}
            pagination
            columns={portalCatalogColumns}
          />
        );
      },
    });
  },
});

export const catalogPageModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogPage],
});
