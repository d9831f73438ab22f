export { ConformanceContent } from './ConformanceContent';
