import { extractHeadings } from './extractHeadings';

/** A handbook page as the navigation lists it. */
export interface HandbookPageSummary {
  /** File name without `.md`; also the route segment. */
  id: string;
  /** The page's `#` heading. */
  title: string;
}

/**
 * Reading order of the handbook: the overview first, then the pages in the
 * order a newcomer needs them. Pages not named here follow, alphabetically,
 * so a new markdown file shows up without a code change.
 */
export const HANDBOOK_READING_ORDER = [
  'index',
  'python-for-non-python-developers',
  'creating-a-codebase',
  'development-guidelines',
  'code-review-and-maintainership',
  'deployment',
];

function rank(id: string): number {
  const index = HANDBOOK_READING_ORDER.indexOf(id);
  return index === -1 ? HANDBOOK_READING_ORDER.length : index;
}

/** Orders the embedded pages and titles each by its first `#` heading. */
export function listHandbookPages(
  content: Record<string, string>,
): HandbookPageSummary[] {
  return Object.keys(content)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map(id => ({
      id,
      title:
        extractHeadings(content[id]).find(heading => heading.depth === 1)
          ?.text ?? id,
    }));
}
