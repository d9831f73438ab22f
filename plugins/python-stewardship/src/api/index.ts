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
