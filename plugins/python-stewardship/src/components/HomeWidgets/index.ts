export { MyCodebasesWidget, nextToFix } from './MyCodebasesWidget';
export { OrganisationLevelsWidget } from './OrganisationLevelsWidget';
