import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { pythonStewardshipApiRef } from '../../api';
import { codebasesRouteRef } from '../../routes';
import { ErrorNotice, LevelChip } from '../shared';

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    ...theme.typography.body2,
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    '& th': { fontWeight: 600 },
  },
}));

const LIMIT = 20;

/** On a Group page: the team's Python codebases with score, level and failing checks. */
export function TeamCodebasesCard() {
  const classes = useStyles();
  const { entity } = useEntity();
  const owner = stringifyEntityRef(entity);
  const api = useApi(pythonStewardshipApiRef);
  const codebasesLink = useRouteRef(codebasesRouteRef);
  const page = useAsyncRetry(
    () =>
      api.listCodebases({ owner, sort: 'score', order: 'asc', limit: LIMIT }),
    [api, owner],
  );
  const allHref = codebasesLink
    ? `${codebasesLink()}?owner=${encodeURIComponent(owner)}`
    : undefined;

  return (
    <InfoCard
      title="Python codebases"
      subheader="Owned by this team, lowest score first"
      deepLink={
        allHref && page.value && page.value.totalCount > 0
          ? {
              title: `All ${page.value.totalCount} on the dashboard`,
              link: allHref,
            }
          : undefined
      }
    >
      {page.loading && <Progress aria-label="Loading the team's codebases" />}
      {page.error && (
        <ErrorNotice
          title="Could not load the team's codebases"
          error={page.error}
          onRetry={page.retry}
        />
      )}
      {page.value && page.value.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This team owns no Python codebase.
        </Typography>
      )}
      {page.value && page.value.items.length > 0 && (
        <table
          className={classes.table}
          aria-label="The team's Python codebases"
        >
          <thead>
            <tr>
              <th scope="col">Codebase</th>
              <th scope="col">Level</th>
              <th scope="col">Failing</th>
            </tr>
          </thead>
          <tbody>
            {page.value.items.map(row => (
              <tr key={row.entityRef}>
                <td>
                  <EntityRefLink
                    entityRef={row.entityRef}
                    title={row.title ?? row.name}
                  />
                </td>
                <td>
                  <LevelChip level={row.level} score={row.score} />
                </td>
                <td>{row.failing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </InfoCard>
  );
}
