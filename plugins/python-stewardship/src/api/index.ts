export { pythonStewardshipApiRef } from './PythonStewardshipApi';
export type { PythonStewardshipApi } from './PythonStewardshipApi';
export type {
  DiscoveryRun,
  DiscoveryStatus,
} from '@internal/plugin-python-stewardship-common/browser';
export {
  PythonStewardshipClient,
  PythonStewardshipApiError,
  codebaseQueryString,
} from './PythonStewardshipClient';
export { codebaseRowLoader, MAX_REFS_PER_REQUEST } from './codebaseRowLoader';
export type { CodebaseRowLoader } from './codebaseRowLoader';
