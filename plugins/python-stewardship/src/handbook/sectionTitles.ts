import { extractHeadings } from '@internal/plugin-python-stewardship-common/browser';
import { HandbookPageSummary } from './listHandbookPages';

/**
 * Builds a lookup from a handbook section (`page` + GitHub anchor) to a
 * readable link text, `Deployment › Publishing to PyPI`. Anchors the handbook
 * does not (yet) have fall back to `page#anchor`, so a stale reference is
 * visible instead of silently pointing at the page top.
 */
export function createSectionTitles(
  content: Record<string, string>,
  pages: HandbookPageSummary[],
): (page: string, anchor: string) => string {
  const titles = new Map<string, string>();
  for (const page of pages) {
    for (const heading of extractHeadings(content[page.id] ?? '')) {
      titles.set(
        `${page.id}#${heading.slug}`,
        `${page.title} › ${heading.text}`,
      );
    }
  }
  return (page, anchor) =>
    titles.get(`${page}#${anchor}`) ?? `${page}#${anchor}`;
}
