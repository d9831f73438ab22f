import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, Progress } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ruleCatalog,
  type CodebaseRow,
} from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef } from '../../api';
import { useHandbookLinks } from '../../hooks/useHandbookLinks';
import { codebasesRouteRef } from '../../routes';
import { ErrorNotice, LevelChip, useGuidelinesTabLink } from '../shared';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    '& > li': {
      padding: theme.spacing(1, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
  head: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
}));

/** The failing check to fix first: core guidelines before advice, then by id. */
export function nextToFix(row: CodebaseRow) {
  const rules = row.failingChecks
    .map(id => ruleCatalog.find(rule => rule.id === id))
    .filter(<T,>(rule: T | undefined): rule is T => Boolean(rule));
  return rules.sort(
    (a, b) =>
      Number(a.advisory) - Number(b.advisory) ||
      b.weight - a.weight ||
      a.id.localeCompare(b.id),
  )[0];
}

const LIMIT = 8;

/** Home widget: the signed-in person's and their teams' Python codebases, lowest score first. */
export function MyCodebasesWidget() {
  const classes = useStyles();
  const api = useApi(pythonStewardshipApiRef);
  const identityApi = useApi(identityApiRef);
  const handbookLink = useHandbookLinks();
  const codebasesLink = useRouteRef(codebasesRouteRef);
  const guidelinesTab = useGuidelinesTabLink();
  const state = useAsyncRetry(async () => {
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    return api.listCodebases({
      member: userEntityRef,
      sort: 'score',
      order: 'asc',
      limit: LIMIT,
    });
  }, [api, identityApi]);

  if (state.loading) {
    return <Progress aria-label="Loading your codebases" />;
  }
  if (state.error) {
    return (
      <ErrorNotice
        title="Could not load your codebases"
        error={state.error}
        onRetry={state.retry}
      />
    );
  }
  const page = state.value!;
  if (page.items.length === 0) {
    return (
      <Typography variant="body2">
        You and your teams own or maintain no Python codebase yet.{' '}
        {codebasesLink && (
          <Link to={codebasesLink()}>Browse every Python codebase</Link>
        )}{' '}
        or <Link to="/create">create one</Link>.
      </Typography>
    );
  }
  return (
    <>
      <ul className={classes.list} aria-label="Your Python codebases">
        {page.items.map(row => {
          const next = nextToFix(row);
          return (
            <li key={row.entityRef}>
              <div className={classes.head}>
                <EntityRefLink
                  entityRef={row.entityRef}
                  title={row.title ?? row.name}
                />
                <LevelChip level={row.level} score={row.score} />
              </div>
              <Typography variant="body2" color="textSecondary">
                {next && (
                  <>
                    Next to fix:{' '}
                    <Link to={guidelinesTab(row.entityRef)}>
                      {next.id} {next.title}
                    </Link>
                    {handbookLink && (
                      <>
                        {' '}
                        (
                        <Link
                          to={handbookLink(next.docs.page, next.docs.anchor)}
                          aria-label={`Handbook: ${next.title}`}
                        >
                          handbook
                        </Link>
                        )
                      </>
                    )}
                  </>
                )}
                {!next && row.score === null && 'Not scanned yet.'}
                {!next && row.score !== null && 'Nothing failing.'}
              </Typography>
            </li>
          );
        })}
      </ul>
      {page.totalCount > page.items.length && codebasesLink && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          {page.totalCount - page.items.length} more on the{' '}
          <Link to={codebasesLink()}>Python codebases</Link> page.
        </Typography>
      )}
    </>
  );
}
