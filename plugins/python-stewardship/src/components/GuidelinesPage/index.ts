export { GuidelinesPage } from './GuidelinesPage';
export type { GuidelinesPageProps } from './GuidelinesPage';
