import { FormEvent, useEffect, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  CheckResult,
  Exemption,
  ExemptionDecision,
} from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef } from '../../api';
import { formatDate, shortRef } from '../shared';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 1fr) minmax(160px, 200px)',
    gap: theme.spacing(2),
    alignItems: 'start',
    marginTop: theme.spacing(1),
  },
  reason: { gridColumn: '1 / -1' },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    '& > li': {
      padding: theme.spacing(1, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
  actions: { display: 'flex', gap: theme.spacing(1), marginTop: 4 },
}));

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  return date.toISOString().slice(0, 10);
}

const decisionNotices: Record<ExemptionDecision['decision'], string> = {
  approve: 'Approved: the codebase was rescanned with the check exempt.',
  reject: 'Rejected.',
  revoke: 'Revoked: the codebase was rescanned and the check counts again.',
};

const stateWords: Record<Exemption['state'], string> = {
  requested: 'Requested, waiting for a maintainer',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
  revoked: 'Revoked',
};

/**
 * Exemptions of one codebase: the list with approve, reject and revoke for
 * those who decide, and the request form for everyone signed in.
 */
export function ExemptionsPanel(props: {
  entityRef: string;
  exemptions: Exemption[];
  results: CheckResult[];
  canDecide: boolean;
  preselectedCheck?: string;
  onChanged: () => void;
}) {
  const { entityRef, exemptions, results, canDecide, onChanged } = props;
  const classes = useStyles();
  const api = useApi(pythonStewardshipApiRef);
  const candidates = results.filter(
    r => r.status === 'fail' || r.status === 'error',
  );
  const [checkId, setCheckId] = useState(
    props.preselectedCheck ?? candidates[0]?.id ?? '',
  );
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState(inDays(90));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const reasonRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (props.preselectedCheck) {
      setCheckId(props.preselectedCheck);
      reasonRef.current?.focus();
    }
  }, [props.preselectedCheck]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await api.requestExemption(entityRef, { checkId, reason, expiresAt });
      setReason('');
      setNotice(
        `Exemption from ${checkId} requested; a maintainer or owner of this codebase decides.`,
      );
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const decide = async (
    id: string,
    decision: ExemptionDecision['decision'],
  ) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await api.decideExemption(id, { decision });
      setNotice(decisionNotices[decision]);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const sorted = [...exemptions].sort((a, b) =>
    b.requestedAt.localeCompare(a.requestedAt),
  );

  return (
    <InfoCard title="Exemptions">
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status">
          {notice}
        </Alert>
      )}
      {sorted.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No exemptions requested for this codebase.
        </Typography>
      ) : (
        <ul className={classes.list} aria-label="Exemptions">
          {sorted.map(exemption => (
            <li key={exemption.id}>
              <Typography variant="body2">
                <strong>{exemption.checkId}</strong> ·{' '}
                {stateWords[exemption.state]} · until{' '}
                {formatDate(exemption.expiresAt)}
              </Typography>
              <Typography variant="body2">{exemption.reason}</Typography>
              <Typography variant="caption" color="textSecondary">
                Asked by {shortRef(exemption.requestedBy)} on{' '}
                {formatDate(exemption.requestedAt)}
                {exemption.decidedBy &&
                  `; decided by ${shortRef(
                    exemption.decidedBy,
                  )} on ${formatDate(exemption.decidedAt)}`}
                {exemption.decisionComment && ` (${exemption.decisionComment})`}
              </Typography>
              {canDecide && (
                <div className={classes.actions}>
                  {exemption.state === 'requested' && (
                    <>
                      <Button
                        size="small"
                        variant="contained"
                        color="primary"
                        disabled={busy}
                        onClick={() => decide(exemption.id, 'approve')}
                        aria-label={`Approve exemption from ${exemption.checkId}`}
                      >
                        Approve
                      </Button>
                      <Button
                        size="small"
                        variant="outlined"
                        disabled={busy}
                        onClick={() => decide(exemption.id, 'reject')}
                        aria-label={`Reject exemption from ${exemption.checkId}`}
                      >
                        Reject
                      </Button>
                    </>
                  )}
                  {exemption.state === 'approved' && (
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={busy}
                      onClick={() => decide(exemption.id, 'revoke')}
                      aria-label={`Revoke exemption from ${exemption.checkId}`}
                    >
                      Revoke
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
        Request an exemption
      </Typography>
      {candidates.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No failing check to request an exemption from.
        </Typography>
      ) : (
        <form
          className={classes.form}
          onSubmit={submit}
          aria-label="Request an exemption"
        >
          <TextField
            select
            label="Check"
            value={checkId}
            onChange={e => setCheckId(e.target.value)}
            variant="outlined"
            size="small"
            required
            id="exemption-check"
          >
            {candidates.map(result => (
              <MenuItem key={result.id} value={result.id}>
                {result.id} {result.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label="Expires on"
            value={expiresAt}
            onChange={e => setExpiresAt(e.target.value)}
            variant="outlined"
            size="small"
            required
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: inDays(1), max: inDays(365) }}
            id="exemption-expiry"
          />
          <TextField
            className={classes.reason}
            label="Reason"
            helperText="Why this check does not apply here, at least 10 characters"
            value={reason}
            onChange={e => setReason(e.target.value)}
            variant="outlined"
            size="small"
            multiline
            minRows={2}
            required
            inputRef={reasonRef}
            id="exemption-reason"
          />
          <div>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={busy || !checkId || reason.trim().length < 10}
            >
              Request exemption
            </Button>
          </div>
        </form>
      )}
    </InfoCard>
  );
}
