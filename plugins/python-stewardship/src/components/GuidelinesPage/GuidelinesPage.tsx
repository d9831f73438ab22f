import { ReactNode, useMemo } from 'react';
import { Route, Routes } from 'react-router-dom';
import Grid from '@material-ui/core/Grid';
import { Content } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { listHandbookPages } from '../../handbook/listHandbookPages';
import { createSectionTitles } from '../../handbook/sectionTitles';
import { useHandbookLinks } from '../../hooks/useHandbookLinks';
import { ruleCatalogRouteRef } from '../../routes';
import { HandbookPage } from '../HandbookPage';
import { HandbookToc } from '../HandbookToc';
import { RuleCatalog, RuleCatalogEntry, RuleFamily } from '../RuleCatalog';
import { guidelinesData } from './guidelinesData';

/** Props of {@link GuidelinesPage}; each defaults to the shipped rule pack and handbook. */
export interface GuidelinesPageProps {
  /** Handbook markdown keyed by page id. */
  content?: Record<string, string>;
  rules?: readonly RuleCatalogEntry[];
  families?: readonly RuleFamily[];
  repositoryTypes?: readonly string[];
}

/**
 * The Python guidelines page: the handbook at `/:page` (the overview at the
 * root) and the rule catalog at `/rules`.
 */
export function GuidelinesPage(props: GuidelinesPageProps) {
  const {
    content = guidelinesData.content,
    rules = guidelinesData.rules,
    families = guidelinesData.families,
    repositoryTypes = guidelinesData.repositoryTypes,
  } = props;
  const handbookLink = useHandbookLinks();
  const ruleCatalogLink = useRouteRef(ruleCatalogRouteRef);
  const pages = useMemo(() => listHandbookPages(content), [content]);
  const sectionTitle = useMemo(
    () => createSectionTitles(content, pages),
    [content, pages],
  );

  // Both route refs belong to this page, so they always resolve here.
  if (!handbookLink || !ruleCatalogLink) {
    return null;
  }
  const ruleCatalogHref = ruleCatalogLink();

  const handbookPage: ReactNode = (
    <HandbookPage
      pages={pages}
      content={content}
      handbookLink={handbookLink}
      ruleCatalogHref={ruleCatalogHref}
    />
  );

  return (
    <Content>
      <Routes>
        <Route
          path="rules"
          element={
            <Grid container spacing={3}>
              <Grid item xs={12} md={3}>
                <HandbookToc
                  pages={pages}
                  headings={[]}
                  handbookLink={handbookLink}
                  ruleCatalogHref={ruleCatalogHref}
                  ruleCatalogCurrent
                />
              </Grid>
              <Grid item xs={12} md={9}>
                <RuleCatalog
                  rules={rules}
                  families={families}
                  repositoryTypes={repositoryTypes}
                  handbookLink={handbookLink}
                  sectionTitle={sectionTitle}
                />
              </Grid>
            </Grid>
          }
        />
        <Route path=":page" element={handbookPage} />
        <Route index element={handbookPage} />
      </Routes>
    </Content>
  );
}
