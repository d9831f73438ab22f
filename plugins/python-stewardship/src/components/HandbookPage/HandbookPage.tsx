import { useEffect, useMemo } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import Grid from '@material-ui/core/Grid';
import { EmptyState, Link } from '@backstage/core-components';
import { extractHeadings } from '@internal/plugin-python-stewardship-common/browser';
import { HandbookPageSummary } from '../../handbook/listHandbookPages';
import {
  HANDBOOK_INDEX_PAGE,
  HandbookLink,
} from '../../hooks/useHandbookLinks';
import { HandbookMarkdown } from '../HandbookMarkdown';
import { HandbookToc } from '../HandbookToc';

/** Props of {@link HandbookPage}. */
export interface HandbookPageProps {
  pages: HandbookPageSummary[];
  /** Markdown keyed by page id. */
  content: Record<string, string>;
  handbookLink: HandbookLink;
  ruleCatalogHref?: string;
}

/**
 * One handbook page (route `:page`, the index when absent) with the table of
 * contents beside it.
 */
export function HandbookPage(props: HandbookPageProps) {
  const { pages, content, handbookLink, ruleCatalogHref } = props;
  const { page: pageId = HANDBOOK_INDEX_PAGE } = useParams();
  const { hash } = useLocation();
  const markdown = content[pageId] as string | undefined;
  const headings = useMemo(
    () => (markdown ? extractHeadings(markdown) : []),
    [markdown],
  );

  // In a single-page app the browser does not scroll to `#anchor` after a
  // client-side navigation, nor on first load, because the heading is
  // rendered after the URL changes; do it once the page is in the DOM.
  useEffect(() => {
    if (!markdown) {
      return;
    }
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
  }, [markdown, hash]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={3}>
        <HandbookToc
          pages={pages}
          currentPageId={pageId}
          headings={headings}
          handbookLink={handbookLink}
          ruleCatalogHref={ruleCatalogHref}
        />
      </Grid>
      <Grid item xs={12} md={9} component="article">
        {markdown ? (
          <HandbookMarkdown
            markdown={markdown}
            handbookLink={handbookLink}
            checkHref={
              ruleCatalogHref
                ? id => `${ruleCatalogHref}?q=${encodeURIComponent(id)}`
                : undefined
            }
          />
        ) : (
          <EmptyState
            missing="content"
            title="No such handbook page"
            description={`The handbook has no page called "${pageId}".`}
            action={
              <Link to={handbookLink(HANDBOOK_INDEX_PAGE)}>
                Go to the handbook overview
              </Link>
            }
          />
        )}
      </Grid>
    </Grid>
  );
}
