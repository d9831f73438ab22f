/**
 * Python stewardship: the Python guidelines handbook, the rule catalog and
 * maintainer cards for the catalog.
 *
 * @packageDocumentation
 */
export { pythonStewardshipPlugin as default } from './plugin';
export {
  rootRouteRef,
  handbookPageRouteRef,
  ruleCatalogRouteRef,
  codebasesRouteRef,
} from './routes';
export {
  pythonStewardshipApiRef,
  PythonStewardshipClient,
  PythonStewardshipApiError,
} from './api';
export type { PythonStewardshipApi } from './api';
export { createConformanceColumn } from './components/CatalogColumn';
export {
  MyCodebasesWidget,
  OrganisationLevelsWidget,
} from './components/HomeWidgets';
