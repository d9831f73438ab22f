import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MarkdownHeading } from '@internal/plugin-python-stewardship-common/browser';
import { HandbookPageSummary } from '../../handbook/listHandbookPages';
import { HandbookLink } from '../../hooks/useHandbookLinks';

const useStyles = makeStyles(theme => ({
  nav: {
    ...theme.typography.body2,
    position: 'sticky',
    top: theme.spacing(2),
    maxHeight: `calc(100vh - ${theme.spacing(4)}px)`,
    overflowY: 'auto',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    '& li': { margin: theme.spacing(0.75, 0) },
  },
  headings: {
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 1),
    paddingLeft: theme.spacing(1.5),
    borderLeft: `2px solid ${theme.palette.divider}`,
    '& li': { margin: theme.spacing(0.5, 0) },
  },
  subHeading: { paddingLeft: theme.spacing(1.5) },
  current: { fontWeight: theme.typography.fontWeightBold as number },
  secondary: { fontSize: '0.8125rem' },
  sectionTitle: { marginTop: theme.spacing(2) },
}));

/** Props of {@link HandbookToc}. */
export interface HandbookTocProps {
  pages: HandbookPageSummary[];
  /** Page being read, or undefined on the rule catalog. */
  currentPageId?: string;
  /** Headings of the current page; `##` and `###` are listed. */
  headings: MarkdownHeading[];
  handbookLink: HandbookLink;
  /** Path of the rule catalog, listed after the pages when given. */
  ruleCatalogHref?: string;
  /** True while the rule catalog is shown. */
  ruleCatalogCurrent?: boolean;
}

/**
 * Left-hand table of contents: every handbook page, with the sections of the
 * page being read nested under it so long pages are one click from any part.
 */
export function HandbookToc(props: HandbookTocProps) {
  const {
    pages,
    currentPageId,
    headings,
    handbookLink,
    ruleCatalogHref,
    ruleCatalogCurrent,
  } = props;
  const classes = useStyles();
  const sections = headings.filter(h => h.level === 2 || h.level === 3);

  return (
    <nav className={classes.nav} aria-labelledby="handbook-toc-title">
      <Typography variant="overline" component="h2" id="handbook-toc-title">
        Handbook
      </Typography>
      <ul className={classes.list}>
        {pages.map(page => {
          const current = page.id === currentPageId;
          return (
            <li key={page.id}>
              <Link
                to={handbookLink(page.id)}
                aria-current={current ? 'page' : undefined}
                className={current ? classes.current : undefined}
              >
                {page.title}
              </Link>
              {current && sections.length > 0 && (
                <ul
                  className={classes.headings}
                  aria-label={`Sections of ${page.title}`}
                >
                  {sections.map(heading => (
                    <li
                      key={heading.slug}
                      className={
                        heading.level === 3 ? classes.subHeading : undefined
                      }
                    >
                      <Link
                        to={handbookLink(page.id, heading.slug)}
                        className={classes.secondary}
                      >
                        {heading.text}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {ruleCatalogHref && (
        <>
          <Typography
            variant="overline"
            component="h2"
            className={classes.sectionTitle}
          >
            Checks
          </Typography>
          <ul className={classes.list}>
            <li>
              <Link
                to={ruleCatalogHref}
                aria-current={ruleCatalogCurrent ? 'page' : undefined}
                className={ruleCatalogCurrent ? classes.current : undefined}
              >
                Rule catalog
              </Link>
            </li>
          </ul>
        </>
      )}
    </nav>
  );
}
