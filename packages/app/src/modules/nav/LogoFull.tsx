import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  wordmark: {
    color: '#ffffff',
    fontSize: 18,
    fontWeight: 700,
    lineHeight: 1.15,
    whiteSpace: 'nowrap',
  },
  accent: { color: '#7df3e1' },
});

/** The portal's wordmark in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.wordmark}>
      <span className={classes.accent}>Python</span>
      <br />
      Stewardship Portal
    </div>
  );
};
