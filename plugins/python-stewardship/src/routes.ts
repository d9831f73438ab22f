import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The guidelines page, `/python-guidelines` unless the app moves it. */
export const rootRouteRef = createRouteRef();

/** One handbook page, `/python-guidelines/<page id>`. */
export const handbookPageRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/:page',
});

/** The rule catalog, `/python-guidelines/rules`. */
export const ruleCatalogRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/rules',
});

/** The Python codebases dashboard, `/python-codebases` unless the app moves it. */
export const codebasesRouteRef = createRouteRef();
