export { pythonStewardshipApiRef } from './PythonStewardshipApi';
export type {
  DiscoveryRun,
  DiscoveryStatus,
  PythonStewardshipApi,
} from './PythonStewardshipApi';
export {
  PythonStewardshipClient,
  PythonStewardshipApiError,
  codebaseQueryString,
} from './PythonStewardshipClient';
export { codebaseRowLoader, MAX_REFS_PER_REQUEST } from './codebaseRowLoader';
export type { CodebaseRowLoader } from './codebaseRowLoader';
