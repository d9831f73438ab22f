import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { CheckStatus } from '@internal/plugin-python-stewardship-common/browser';

const useStyles = makeStyles({
  chip: { fontWeight: 600, minWidth: 64 },
  pass: { backgroundColor: '#d7f0db', color: '#14532d' },
  fail: { backgroundColor: '#fde0dc', color: '#7f1d1d' },
  skip: { backgroundColor: '#e5e7eb', color: '#374151' },
  exempt: { backgroundColor: '#e0e7ff', color: '#312e81' },
  error: { backgroundColor: '#fef3c7', color: '#78350f' },
});

const labels: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  skip: 'Skipped',
  exempt: 'Exempt',
  error: 'Error',
};

/** A check's status as a chip with its word (never colour alone). */
export function StatusChip(props: { status: CheckStatus }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={labels[props.status]}
      className={`${classes.chip} ${classes[props.status]}`}
    />
  );
}
