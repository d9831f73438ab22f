import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link } from '@backstage/core-components';
import {
  checkFamilies,
  type CheckMetadata,
  type CheckResult,
  type EntityConformance,
} from '@internal/plugin-python-stewardship-common/browser';
import type { HandbookLink } from '../../hooks/useHandbookLinks';
import { StatusChip } from './StatusChip';

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    ...theme.typography.body2,
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: theme.spacing(1),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    '& th': { fontWeight: 600 },
  },
  check: { minWidth: 220 },
  id: { color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
  fix: { color: theme.palette.text.secondary, marginTop: theme.spacing(0.5) },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 2),
    marginTop: theme.spacing(0.5),
  },
  family: { marginBottom: theme.spacing(2) },
}));

/** `projectWebUrl/-/blob/<branch>/<path>#L<line>`, or undefined without a project. */
export function gitlabFileUrl(
  report: Pick<EntityConformance, 'projectWebUrl' | 'defaultBranch'>,
  projectRoot: string,
  location: { path: string; line?: number },
): string | undefined {
  if (!report.projectWebUrl) {
    return undefined;
  }
  const branch = report.defaultBranch ?? 'HEAD';
  const path = `${projectRoot}${location.path}`
    .split('/')
    .map(encodeURIComponent)
    .join('/');
  return `${report.projectWebUrl.replace(
    /\/$/,
    '',
  )}/-/blob/${encodeURIComponent(branch)}/${path}${
    location.line ? `#L${location.line}` : ''
  }`;
}

const statusOrder = { fail: 0, error: 1, exempt: 2, skip: 3, pass: 4 };

/** The report's checks, one card per family, failures first. */
export function ChecksByFamily(props: {
  report: EntityConformance;
  results: CheckResult[];
  projectRoot: string;
  rules: readonly CheckMetadata[];
  handbookLink?: HandbookLink;
  onRequestExemption?: (checkId: string) => void;
}) {
  const { report, results, projectRoot, rules, handbookLink } = props;
  const classes = useStyles();
  const ruleById = new Map(rules.map(rule => [rule.id, rule]));

  return (
    <>
      {checkFamilies.map(family => {
        const inFamily = results
          .filter(result => result.family === family.id)
          .sort(
            (a, b) =>
              statusOrder[a.status] - statusOrder[b.status] ||
              a.id.localeCompare(b.id),
          );
        if (inFamily.length === 0) {
          return null;
        }
        const failing = inFamily.filter(r => r.status === 'fail').length;
        return (
          <div className={classes.family} key={family.id}>
            <InfoCard
              title={family.title}
              subheader={`${inFamily.length} checks${
                failing ? `, ${failing} failing` : ''
              }`}
              noPadding
            >
              <table className={classes.table} aria-label={family.title}>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Check</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {inFamily.map(result => {
                    const rule = ruleById.get(result.id);
                    const [page, anchor] = result.docs.split('#');
                    const fileUrl = result.location
                      ? gitlabFileUrl(report, projectRoot, result.location)
                      : undefined;
                    const needsFix =
                      result.status === 'fail' || result.status === 'error';
                    return (
                      <tr key={result.id}>
                        <td>
                          <StatusChip status={result.status} />
                        </td>
                        <td className={classes.check}>
                          <span className={classes.id}>{result.id}</span>{' '}
                          {result.title}
                          {result.advisory && (
                            <Typography
                              variant="caption"
                              component="span"
                              color="textSecondary"
                            >
                              {' '}
                              (advisory)
                            </Typography>
                          )}
                        </td>
                        <td>
                          <div>{result.message}</div>
                          {result.location && (
                            <div>
                              {fileUrl ? (
                                <Link to={fileUrl}>
                                  {result.location.path}
                                  {result.location.line
                                    ? `:${result.location.line}`
                                    : ''}
                                </Link>
                              ) : (
                                <code>
                                  {result.location.path}
                                  {result.location.line
                                    ? `:${result.location.line}`
                                    : ''}
                                </code>
                              )}
                            </div>
                          )}
                          {needsFix && rule && (
                            <div className={classes.fix}>
                              <strong>How to fix:</strong> {rule.fix.summary}
                            </div>
                          )}
                          <div className={classes.links}>
                            {handbookLink && (
                              <Link
                                to={handbookLink(page, anchor)}
                                aria-label={`Handbook: ${result.title}`}
                              >
                                Handbook
                              </Link>
                            )}
                            {result.status === 'fail' &&
                              props.onRequestExemption && (
                                <Button
                                  size="small"
                                  color="primary"
                                  onClick={() =>
                                    props.onRequestExemption?.(result.id)
                                  }
                                  aria-label={`Request exemption from ${result.id}`}
                                >
                                  Request exemption
                                </Button>
                              )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </InfoCard>
          </div>
        );
      })}
    </>
  );
}
