import {
  extractHeadings,
  handbookPageList,
} from '@internal/plugin-python-stewardship-common/browser';

/** A handbook page as the navigation lists it. */
export interface HandbookPageSummary {
  /** File name without `.md`; also the route segment. */
  id: string;
  /** The page's `#` heading. */
  title: string;
}

/**
 * Reading order of the handbook (`handbookPageList`, the TechDocs order).
 * Pages not in it follow, alphabetically, so a new markdown file shows up
 * without a code change.
 */
const readingOrder: readonly string[] = handbookPageList.map(page => page.id);

function rank(id: string): number {
  const index = readingOrder.indexOf(id);
  return index === -1 ? readingOrder.length : index;
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
        extractHeadings(content[id]).find(heading => heading.level === 1)
          ?.text ?? id,
    }));
}
