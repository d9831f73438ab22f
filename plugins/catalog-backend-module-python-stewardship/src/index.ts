/**
 * Catalog backend module for the Python Stewardship Portal.
 *
 * @packageDocumentation
 */
export { catalogModulePythonStewardship as default } from './module';
export { MaintainersProcessor } from './processors/MaintainersProcessor';
export { parseMaintainerRefs } from './processors/parseMaintainerRefs';
