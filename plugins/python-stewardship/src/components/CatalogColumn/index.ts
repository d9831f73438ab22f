export { ConformanceCell, createConformanceColumn } from './ConformanceCell';
