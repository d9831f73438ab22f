/**
 * Catalog backend module for the Python Stewardship Portal.
 *
 * @packageDocumentation
 */
export { catalogModulePythonStewardship as default } from './module';
export { GitlabPythonDiscoveryProvider } from './discovery/GitlabPythonDiscoveryProvider';
export type { GitlabPythonDiscoveryProviderOptions } from './discovery/GitlabPythonDiscoveryProvider';
export { MaintainersProcessor } from './processors/MaintainersProcessor';
export { parseMaintainerRefs } from './processors/parseMaintainerRefs';
