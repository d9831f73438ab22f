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
import { createConformanceColumn } from '@internal/plugin-python-stewardship';

/**
 * The catalog's columns plus "Guidelines" (level and score of each Python
 * codebase) when components are listed. The name column keeps a minimum
 * width, so a laptop-width window no longer wraps names letter by letter.
 */
export const portalCatalogColumns: CatalogTableColumnsFunc = context => {
  const columns = CatalogTable.defaultColumnsFunc(context).map(column =>
    column.title === 'Name' || column.field === 'resolved.entityRef'
      ? {
          ...column,
          cellStyle: {
            ...(typeof column.cellStyle === 'object' ? column.cellStyle : {}),
            minWidth: 180,
            wordBreak: 'normal' as const,
            overflowWrap: 'anywhere' as const,
          },
        }
      : column,
  );
  const kind = context.filters.kind?.value?.toLocaleLowerCase('en-US');
  if (kind !== 'component') {
    return columns;
  }
  return [...columns, createConformanceColumn()];
};

// Same id as the catalog plugin's page (page:catalog), so it replaces it;
// the catalog's filter extensions keep attaching to its `filters` input.
const catalogPage = PageBlueprint.makeWithOverrides({
  inputs: {
    filters: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/catalog',
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
