/**
 * Scaffolder actions for the Python stewardship portal: a conformance gate
 * that the Python service, utility and library templates run before they
 * publish a repository.
 *
 * @packageDocumentation
 */

export { scaffolderModulePythonStewardship as default } from './module';
export { createConformanceCheckAction } from './actions/conformanceCheck';
export { createDeriveValuesAction } from './actions/deriveValues';
export { createGitlabPreflightAction } from './actions/gitlabPreflight';
export { createGitlabReviewSettingsAction } from './actions/gitlabReviewSettings';
