import type { HandbookPage } from '../checks/types';

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

/**
 * The handbook's pages in reading order: the order of the TechDocs navigation
 * (`mkdocs.yml`) and of the portal's handbook page.
 *
 * @public
 */
export const handbookPageList: readonly HandbookPageInfo[] = [
  { id: 'index', title: 'Python Guidelines Handbook', file: 'index.md' },
  {
    id: 'python-for-non-python-developers',
    title: 'Python for non-Python developers',
    file: 'python-for-non-python-developers.md',
  },
  {
    id: 'creating-a-codebase',
    title: 'Creating a codebase',
    file: 'creating-a-codebase.md',
  },
  {
    id: 'development-guidelines',
    title: 'Development guidelines',
    file: 'development-guidelines.md',
  },
  {
    id: 'code-review-and-maintainership',
    title: 'Code review and maintainership',
    file: 'code-review-and-maintainership.md',
  },
  { id: 'deployment', title: 'Deployment', file: 'deployment.md' },
];
