export { HandbookToc } from './HandbookToc';
export type { HandbookTocProps } from './HandbookToc';
