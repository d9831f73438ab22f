export { HandbookPage } from './HandbookPage';
export type { HandbookPageProps } from './HandbookPage';
