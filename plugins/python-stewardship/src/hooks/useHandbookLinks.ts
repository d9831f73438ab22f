import { useMemo } from 'react';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { handbookPageRouteRef, rootRouteRef } from '../routes';

/** Index page id; it is served at the handbook root rather than `/index`. */
export const HANDBOOK_INDEX_PAGE = 'index';

/** Builds the portal path of a handbook page, optionally with an anchor. */
export type HandbookLink = (pageId: string, anchor?: string) => string;

/**
 * Portal links into the handbook, resolved through the route refs so they
 * follow the page if the app mounts it somewhere else.
 *
 * @returns `undefined` when the guidelines page is not installed in the app.
 */
export function useHandbookLinks(): HandbookLink | undefined {
  const rootLink = useRouteRef(rootRouteRef);
  const pageLink = useRouteRef(handbookPageRouteRef);

  return useMemo(() => {
    if (!rootLink || !pageLink) {
      return undefined;
    }
    return (pageId: string, anchor?: string) => {
      const path =
        pageId === HANDBOOK_INDEX_PAGE
          ? rootLink()
          : pageLink({ page: pageId });
      return anchor ? `${path}#${anchor}` : path;
    };
  }, [rootLink, pageLink]);
}
