/**
 * Node-side building blocks of the python-stewardship plugin family, shared
 * by the conformance backend, the catalog module and the scaffolder module:
 * the one GitLab reader (gitbeaker with Retry-After, backoff and a request
 * budget; GraphQL for reading many files at once).
 *
 * @packageDocumentation
 */

export { createPoliteFetch, retryAfterMs } from './gitlab/politeFetch';
export type { PoliteFetch, PoliteFetchOptions } from './gitlab/politeFetch';
export { createGitlabApi } from './gitlab/createGitlabApi';
export type { GitlabApi, GitlabConnection } from './gitlab/createGitlabApi';
export { GitlabReader } from './gitlab/GitlabReader';
export type {
  GitlabBranchRule,
  GitlabFile,
  GitlabProjectHead,
  GitlabProjectOverview,
} from './gitlab/GitlabReader';
export {
  readStewardshipOptions,
  STEWARDSHIP_OPTIONS_KEY,
} from './options/readStewardshipOptions';
export { pythonStewardshipChecksExtensionPoint } from './extensions/checksExtensionPoint';
export type { PythonStewardshipChecksExtensionPoint } from './extensions/checksExtensionPoint';
