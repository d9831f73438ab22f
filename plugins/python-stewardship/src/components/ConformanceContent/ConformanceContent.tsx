import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  CopyTextButton,
  EmptyState,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ruleCatalog,
  type CheckMetadata,
  type StoredResult,
} from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef } from '../../api';
import { useHandbookLinks } from '../../hooks/useHandbookLinks';
import {
  ErrorNotice,
  LevelChip,
  formatDateTime,
  relativeTime,
  sourceLabel,
} from '../shared';
import { ChecksByFamily } from './ChecksByFamily';
import { ExemptionsPanel } from './ExemptionsPanel';
import { ScoreHistoryChart } from './ScoreHistoryChart';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  score: { fontSize: '2.5rem', fontWeight: 700, lineHeight: 1 },
  counts: { color: theme.palette.text.secondary },
  provenance: { marginTop: theme.spacing(1) },
  command: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    '& pre': {
      flex: 1,
      margin: 0,
      padding: theme.spacing(1, 1.5),
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      borderRadius: 4,
      backgroundColor: theme.palette.background.default,
      ...theme.typography.body2,
      fontFamily: 'monospace',
    },
  },
}));

function Provenance(props: { result: StoredResult; label: string }) {
  const { result, label } = props;
  return (
    <Typography variant="body2">
      {label}: {sourceLabel(result.source)},{' '}
      <time
        dateTime={result.createdAt}
        title={formatDateTime(result.createdAt)}
      >
        {relativeTime(result.createdAt)}
      </time>
      {result.commitId && (
        <>
          {' '}
          · commit <code>{result.commitId.slice(0, 8)}</code>
        </>
      )}{' '}
      · rule pack {result.rulePackVersion}
    </Typography>
  );
}

/** Props of {@link ConformanceContent}; rules default to the shipped rule pack. */
export interface ConformanceContentProps {
  rules?: readonly CheckMetadata[];
}

/**
 * The Guidelines tab of a Python codebase: its score and level, each check by
 * family with how to fix it, score history, where the result came from,
 * Refresh, exemptions and the CLI command that runs the same checks.
 */
export function ConformanceContent(props: ConformanceContentProps) {
  const { rules = ruleCatalog } = props;
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(pythonStewardshipApiRef);
  const handbookLink = useHandbookLinks();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<Error | undefined>();
  const [exemptionCheck, setExemptionCheck] = useState<string | undefined>();

  const report = useAsyncRetry(
    () => api.getReport(entityRef),
    [api, entityRef],
  );
  const history = useAsyncRetry(
    () => api.getHistory(entityRef, 365),
    [api, entityRef],
  );
  const { retry: retryReport } = report;
  const { retry: retryHistory } = history;
  const reload = useCallback(() => {
    retryReport();
    retryHistory();
  }, [retryReport, retryHistory]);

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await api.refresh(entityRef);
      reload();
    } catch (e) {
      setRefreshError(e as Error);
    } finally {
      setRefreshing(false);
    }
  };

  if (report.loading && !report.value) {
    return <Progress aria-label="Loading the conformance report" />;
  }
  if (report.error) {
    return (
      <ErrorNotice
        title="Could not load this codebase's guideline report"
        error={report.error}
        onRetry={reload}
      />
    );
  }
  const conformance = report.value!;
  const { scan, upload, viewer } = conformance;
  const main = scan ?? upload;

  const refreshButton = viewer.canRefresh ? (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<RefreshIcon />}
      onClick={refresh}
      disabled={refreshing}
    >
      {refreshing ? 'Scanning…' : 'Refresh'}
    </Button>
  ) : null;

  const localCommand = (
    <InfoCard title="Run the same checks on your machine">
      <div className={classes.command}>
        <pre aria-label="Command">
          <code>{conformance.localCommand}</code>
        </pre>
        <CopyTextButton
          text={conformance.localCommand}
          aria-label="Copy the command"
        />
      </div>
    </InfoCard>
  );

  const alerts = (
    <>
      {refreshError && (
        <ErrorNotice title="Refresh failed" error={refreshError} />
      )}
      {conformance.lastError && (
        <Alert severity="warning">
          The last scan attempt ({relativeTime(conformance.lastError.at)})
          failed: {conformance.lastError.message}.{' '}
          {main
            ? 'The result below is from the scan before it.'
            : 'Check the GitLab project annotation and that the portal can read the project.'}
        </Alert>
      )}
    </>
  );

  if (!main) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {alerts}
          <EmptyState
            missing="data"
            title="Not scanned yet"
            description="The conformance service scans every Python codebase on a schedule and after each push to its default branch. Refresh scans it now, or run the command below on your machine."
            action={refreshButton ?? undefined}
          />
        </Grid>
        <Grid item xs={12}>
          {localCommand}
        </Grid>
      </Grid>
    );
  }

  const { report: result } = main;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {alerts}
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title="Guidelines score">
          <div className={classes.summary}>
            <span
              className={classes.score}
              aria-label={`Score ${result.score} of 100`}
            >
              {result.score}
            </span>
            <LevelChip level={result.level ?? 'none'} size="medium" />
            <span className={classes.counts}>
              {result.counts.pass} pass · {result.counts.fail} fail ·{' '}
              {result.counts.exempt} exempt · {result.counts.skip} skipped
              {result.counts.error ? ` · ${result.counts.error} error` : ''}
            </span>
            {refreshButton}
          </div>
          <div className={classes.provenance}>
            {scan && <Provenance result={scan} label="Result from" />}
            {upload && (
              <Provenance
                result={upload}
                label={`CI upload (score ${upload.report.score})`}
              />
            )}
            <Typography variant="body2" color="textSecondary">
              Repository type {result.repositoryType}
              {result.projectRoot ? `, project in ${result.projectRoot}` : ''}
            </Typography>
          </div>
          {result.levels.some(l => !l.reached) && (
            <Typography variant="body2" style={{ marginTop: 8 }}>
              {result.levels
                .filter(l => !l.reached)
                .slice(0, 1)
                .map(l => (
                  <span key={l.id}>
                    Next level, {l.title}: fix {l.missing.join(', ')}.
                  </span>
                ))}
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Score history">
          {history.error && (
            <Typography variant="body2" color="error">
              Could not load the history: {history.error.message}
            </Typography>
          )}
          {history.value && history.value.points.length > 0 ? (
            <ScoreHistoryChart points={history.value.points} />
          ) : (
            !history.loading && (
              <Typography variant="body2" color="textSecondary">
                One result so far; the chart fills as scans run.
              </Typography>
            )
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={8}>
        <ChecksByFamily
          report={conformance}
          results={result.results}
          projectRoot={result.projectRoot}
          rules={rules}
          handbookLink={handbookLink}
          onRequestExemption={setExemptionCheck}
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <ExemptionsPanel
          entityRef={entityRef}
          exemptions={conformance.exemptions}
          results={result.results}
          canDecide={viewer.canDecideExemptions}
          preselectedCheck={exemptionCheck}
          onChanged={reload}
        />
        <div style={{ height: 24 }} />
        {localCommand}
      </Grid>
    </Grid>
  );
}
