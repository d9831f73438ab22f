import { Link as RouterLink } from 'react-router-dom';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link } from '@backstage/core-components';
import type {
  LevelOrNone,
  OrganisationSummary,
} from '@internal/plugin-python-stewardship-common/browser';
import type { HandbookLink } from '../../hooks/useHandbookLinks';
import { LevelChip, levelLabel, relativeTime, shortRef } from '../shared';

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 3),
    listStyle: 'none',
    padding: 0,
    margin: 0,
    '& li': { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  },
  big: { fontSize: '1.5rem', fontWeight: 700 },
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
    '& td.num, & th.num': { textAlign: 'right' },
  },
  checks: {
    ...theme.typography.body2,
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& li': { marginBottom: theme.spacing(0.5) },
  },
}));

const levelOrder: LevelOrNone[] = ['gold', 'silver', 'bronze', 'none'];

/** Counts per level and type, the most failed checks and the roll-up per owner group. */
export function SummaryPanel(props: {
  summary: OrganisationSummary;
  handbookLink?: HandbookLink;
  filterHref: (changes: Record<string, string | undefined>) => string;
}) {
  const { summary, handbookLink, filterHref } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <InfoCard title="At a glance">
          <Typography variant="body2">
            <span className={classes.big}>{summary.codebases}</span> Python
            codebases, {summary.scanned} scanned
            {summary.averageScore !== null &&
              `, average score ${Math.round(summary.averageScore)}`}
            . Last scan {relativeTime(summary.lastScanAt)}.
          </Typography>
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 12 }}
          >
            By level
          </Typography>
          <ul className={classes.counts} aria-label="Codebases by level">
            {levelOrder.map(level => (
              <li key={level}>
                <RouterLink
                  to={filterHref({ level })}
                  aria-label={`${
                    summary.byLevel[level] ?? 0
                  } codebases at ${levelLabel(level)}`}
                >
                  <LevelChip level={level} />
                </RouterLink>
                <strong>{summary.byLevel[level] ?? 0}</strong>
              </li>
            ))}
          </ul>
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 12 }}
          >
            By type
          </Typography>
          <ul className={classes.counts} aria-label="Codebases by type">
            {Object.entries(summary.byType).map(([type, count]) => (
              <li key={type}>
                <Link to={filterHref({ type })}>{type}</Link>
                <strong>{count}</strong>
              </li>
            ))}
          </ul>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Most failed checks">
          {summary.mostFailedChecks.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No check fails anywhere yet.
            </Typography>
          ) : (
            <ol className={classes.checks}>
              {summary.mostFailedChecks.map(check => {
                const [page, anchor] = check.docs.split('#');
                return (
                  <li key={check.checkId}>
                    {handbookLink ? (
                      <Link
                        to={handbookLink(page, anchor)}
                        title="Read the guideline in the handbook"
                      >
                        {check.checkId} {check.title}
                      </Link>
                    ) : (
                      `${check.checkId} ${check.title}`
                    )}{' '}
                    ·{' '}
                    <RouterLink
                      to={filterHref({ failingCheck: check.checkId })}
                      title={`The codebases failing ${check.checkId}`}
                    >
                      {check.failing} codebases failing
                    </RouterLink>
                  </li>
                );
              })}
            </ol>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="By owner group">
          {summary.owners.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No owners recorded.
            </Typography>
          ) : (
            <table
              className={classes.table}
              aria-label="Codebases by owner group"
            >
              <thead>
                <tr>
                  <th scope="col">Owner</th>
                  <th scope="col" className="num">
                    Codebases
                  </th>
                  <th scope="col" className="num">
                    Avg score
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.owners.slice(0, 8).map(owner => (
                  <tr key={owner.owner}>
                    <td>
                      <Link to={filterHref({ owner: owner.owner })}>
                        {shortRef(owner.owner)}
                      </Link>
                    </td>
                    <td className="num">{owner.codebases}</td>
                    <td className="num">
                      {owner.averageScore === null
                        ? '–'
                        : Math.round(owner.averageScore)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
