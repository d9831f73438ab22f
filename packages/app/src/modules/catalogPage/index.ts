export { catalogPageModule, portalCatalogColumns } from './catalogPageModule';
