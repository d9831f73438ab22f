import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** Link to a codebase's Guidelines tab, e.g. `/catalog/default/component/x/guidelines`. */
export function useGuidelinesTabLink(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return (entityRef: string) => {
    const ref = parseEntityRef(entityRef);
    return `${entityRoute({
      kind: ref.kind.toLocaleLowerCase('en-US'),
      namespace: ref.namespace,
      name: ref.name,
    })}/guidelines`;
  };
}
