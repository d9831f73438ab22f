export { CodebasesPage } from './CodebasesPage';
