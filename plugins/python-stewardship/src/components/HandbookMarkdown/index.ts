export { HandbookMarkdown } from './HandbookMarkdown';
export type { HandbookMarkdownProps } from './HandbookMarkdown';
