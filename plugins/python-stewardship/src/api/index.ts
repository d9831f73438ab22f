export { pythonStewardshipApiRef } from './PythonStewardshipApi';
export type { PythonStewardshipApi } from './PythonStewardshipApi';
export {
  PythonStewardshipClient,
  PythonStewardshipApiError,
  codebaseQueryString,
} from './PythonStewardshipClient';
