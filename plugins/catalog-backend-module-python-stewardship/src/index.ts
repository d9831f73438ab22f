/**
 * Catalog backend module for the Python Stewardship Portal.
 *
 * @packageDocumentation
 */
export { default } from './features';
export { catalogModulePythonStewardship } from './module';
export { GitlabPythonDiscoveryProvider } from './discovery/GitlabPythonDiscoveryProvider';
export type { GitlabPythonDiscoveryProviderOptions } from './discovery/GitlabPythonDiscoveryProvider';
export { MaintainersProcessor } from './processors/MaintainersProcessor';
export { parseMaintainerRefs } from './processors/parseMaintainerRefs';
export { catalogModuleGitlabOrgOnPort } from './gitlabOrg/module';
