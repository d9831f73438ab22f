import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import type { LevelOrNone } from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef } from '../../api';
import {
  HANDBOOK_INDEX_PAGE,
  useHandbookLinks,
} from '../../hooks/useHandbookLinks';
import { codebasesRouteRef } from '../../routes';
import { ErrorNotice, LevelChip, levelLabel, relativeTime } from '../shared';

const useStyles = makeStyles(theme => ({
  levels: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 3),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(1, 0),
    '& li': { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  },
  links: {
    ...theme.typography.body2,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 3),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(2, 0, 0),
  },
}));

const levels: LevelOrNone[] = ['gold', 'silver', 'bronze', 'none'];

/** Home widget: the organisation's codebases per level, and where to go next. */
export function OrganisationLevelsWidget() {
  const classes = useStyles();
  const api = useApi(pythonStewardshipApiRef);
  const handbookLink = useHandbookLinks();
  const codebasesLink = useRouteRef(codebasesRouteRef);
  const state = useAsyncRetry(() => api.getSummary(), [api]);
  const dashboard = codebasesLink?.();

  return (
    <>
      {state.loading && (
        <Progress aria-label="Loading the organisation summary" />
      )}
      {state.error && (
        <ErrorNotice
          title="Could not load the organisation summary"
          error={state.error}
          onRetry={state.retry}
        />
      )}
      {state.value && (
        <>
          <Typography variant="body2">
            {state.value.codebases} Python codebases, {state.value.scanned}{' '}
            scanned
            {state.value.averageScore !== null &&
              `, average score ${Math.round(state.value.averageScore)}`}
            ; last scan {relativeTime(state.value.lastScanAt)}.
          </Typography>
          <ul className={classes.levels} aria-label="Codebases per level">
            {levels.map(level => (
              <li key={level}>
                <LevelChip level={level} />
                {dashboard ? (
                  <Link
                    to={`${dashboard}?level=${level}`}
                    aria-label={`${
                      state.value!.byLevel[level] ?? 0
                    } codebases at ${levelLabel(level)}`}
                  >
                    {state.value!.byLevel[level] ?? 0}
                  </Link>
                ) : (
                  state.value!.byLevel[level] ?? 0
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className={classes.links} aria-label="Where to go">
        {dashboard && (
          <li>
            <Link to={dashboard}>All Python codebases</Link>
          </li>
        )}
        <li>
          <Link to="/create">Start a new Python codebase</Link>
        </li>
        {handbookLink && (
          <li>
            <Link to={handbookLink(HANDBOOK_INDEX_PAGE)}>
              Python guidelines handbook
            </Link>
          </li>
        )}
      </ul>
    </>
  );
}
