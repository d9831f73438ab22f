import { handbookPages, type HandbookPage } from '../checks/types';

/**
 * Id of a handbook page: its file name without `.md`. `index` is the
 * overview; the others are the pages checks can link to.
 *
 * @public
 */
export type HandbookPageId = 'index' | HandbookPage;

/**
 * One page of the Python guidelines handbook (`docs/guidelines/<file>`).
 *
 * @public
 */
export interface HandbookPageInfo {
  id: HandbookPageId;
  /** The page's `#` heading. */
  title: string;
  /** File name inside `docs/guidelines/`. */
  file: `${HandbookPageId}.md`;
}

// The page ids and their order come from `handbookPages` (the pages checks
// may link to); only the overview and the titles are added here.
const titles: Record<HandbookPageId, string> = {
  index: 'Python Guidelines Handbook',
  'python-for-non-python-developers': 'Python for non-Python developers',
  'creating-a-codebase': 'Creating a codebase',
  'development-guidelines': 'Development guidelines',
  'code-review-and-maintainership': 'Code review and maintainership',
  deployment: 'Deployment',
};

/**
 * The handbook's pages in reading order: the overview, then `handbookPages`.
 * This is the order of the TechDocs navigation (`mkdocs.yml`) and of the
 * portal's handbook page.
 *
 * @public
 */
export const handbookPageList: readonly HandbookPageInfo[] = (
  ['index', ...handbookPages] as const
).map((id): HandbookPageInfo => ({ id, title: titles[id], file: `${id}.md` }));
