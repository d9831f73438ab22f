import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { pythonStewardshipApiRef } from '../../api';
import type { DiscoveryRun } from '../../api';
import { formatDateTime } from '../shared';

function describe(run: DiscoveryRun): string {
  const outcome = {
    applied: 'applied',
    partial: 'partly applied',
    failed: 'failed, nothing changed',
  }[run.outcome];
  return `${outcome}${run.error ? `: ${run.error}` : ''}`;
}

/**
 * How GitLab discovery ran, for portal admins: each provider's last scan
 * and recent runs. Renders nothing for everyone else (the backend refuses
 * them) and while loading, so it never gets in a reader's way.
 */
export function DiscoveryStatusCard() {
  const api = useApi(pythonStewardshipApiRef);
  const status = useAsync(() => api.getDiscoveryStatus(), [api]);
  if (status.loading || !status.value) {
    return status.error ? (
      <Typography color="error" role="alert">
        Could not load the discovery status: {status.error.message}
      </Typography>
    ) : null;
  }
  return (
    <InfoCard title="GitLab discovery (admins)">
      <Table size="small" aria-label="Recent GitLab discovery runs">
        <TableHead>
          <TableRow>
            <TableCell>Provider</TableCell>
            <TableCell>Run</TableCell>
            <TableCell>When</TableCell>
            <TableCell align="right">Took</TableCell>
            <TableCell align="right">Projects seen</TableCell>
            <TableCell align="right">Changed</TableCell>
            <TableCell align="right">Failed</TableCell>
            <TableCell align="right">GitLab requests</TableCell>
            <TableCell align="right">Components</TableCell>
            <TableCell>Outcome</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {status.value.providers.flatMap(provider =>
            provider.recentRuns.slice(0, 5).map((run, i) => (
              <TableRow key={`${provider.providerId}-${run.startedAt}-${i}`}>
                <TableCell>{provider.providerId}</TableCell>
                <TableCell>
                  {run.kind === 'scan' ? 'scan' : 'webhook'}
                </TableCell>
                <TableCell>{formatDateTime(run.startedAt)}</TableCell>
                <TableCell align="right">
                  {(run.durationMs / 1000).toFixed(1)} s
                </TableCell>
                <TableCell align="right">{run.projectsSeen}</TableCell>
                <TableCell align="right">{run.projectsChanged}</TableCell>
                <TableCell align="right">{run.projectsFailed}</TableCell>
                <TableCell align="right">{run.requests}</TableCell>
                <TableCell align="right">{run.components}</TableCell>
                <TableCell>{describe(run)}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
