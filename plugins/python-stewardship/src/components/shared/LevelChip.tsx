import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { LevelOrNone } from '@internal/plugin-python-stewardship-common/browser';

const useStyles = makeStyles(theme => ({
  chip: { fontWeight: 600, maxWidth: '100%' },
  // Colours with at least 4.5:1 contrast against their text.
  gold: { backgroundColor: '#f5d76e', color: '#3d2e00' },
  silver: { backgroundColor: '#d5dbe1', color: '#1f2a33' },
  bronze: { backgroundColor: '#e7b48f', color: '#3b1f0b' },
  none: {
    backgroundColor: theme.palette.type === 'dark' ? '#5c2b2b' : '#fde0dc',
    color: theme.palette.type === 'dark' ? '#fff' : '#6b1a12',
  },
  unscanned: {},
}));

/** Words for a level, e.g. `Gold`, `No level`, `Not scanned`. */
export function levelLabel(level: LevelOrNone | null | undefined): string {
  switch (level) {
    case 'gold':
      return 'Gold';
    case 'silver':
      return 'Silver';
    case 'bronze':
      return 'Bronze';
    case 'none':
      return 'No level';
    default:
      return 'Not scanned';
  }
}

/** A codebase's conformance level as a small coloured chip. */
export function LevelChip(props: {
  level: LevelOrNone | null | undefined;
  score?: number | null;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const { level, score, size = 'small' } = props;
  const label =
    typeof score === 'number'
      ? `${levelLabel(level)} · ${score}`
      : levelLabel(level);
  const colour = level ? classes[level] : classes.unscanned;
  return (
    <Chip
      size={size}
      label={label}
      className={`${classes.chip} ${colour}`}
      variant={level ? 'default' : 'outlined'}
    />
  );
}
