/**
 * Rewrites a link found in the handbook markdown into a portal link.
 *
 * The markdown links pages the way a repository browser expects
 * (`deployment.md#publishing-to-pypi`, `./index.md`); in the portal those
 * pages live at `<handbook root>/<page>`. In-page anchors, absolute paths and
 * links to other sites are left alone.
 *
 * @param href - the link as written in the markdown
 * @param pageHref - portal path of a handbook page id
 */
export function resolveHandbookHref(
  href: string,
  pageHref: (pageId: string) => string,
): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) {
    return href;
  }
  const match = /^(?:\.\/)?([\w-]+)\.md(#.*)?$/.exec(href);
  if (!match) {
    return href;
  }
  const [, pageId, hash = ''] = match;
  return `${pageHref(pageId)}${hash}`;
}
