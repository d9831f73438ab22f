import { ReactNode } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  banner: {
    // Above the fixed sidebar, so it is seen on every page.
    position: 'sticky',
    top: 0,
    zIndex: theme.zIndex.modal + 1,
    padding: theme.spacing(0.75, 2),
    textAlign: 'center',
    fontSize: theme.typography.body2.fontSize,
    background: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
}));

/**
 * Says plainly when the portal runs against the local demo GitLab
 * (`portal.gitlab.demo` in config), so nobody mistakes seeded projects for
 * the company's real repositories.
 */
export function DemoGitlabBanner(props: { children: ReactNode }) {
  const config = useApi(configApiRef);
  const classes = useStyles();
  const demo = config.getOptionalBoolean('portal.gitlab.demo') ?? false;
  const url = config.getOptionalString('portal.gitlab.url');
  return (
    <>
      {demo && (
        <div role="status" className={classes.banner}>
          Demo mode: GitLab data comes from the local demo GitLab
          {url ? ` at ${url}` : ''} with seeded example repositories, not from a
          real GitLab.
        </div>
      )}
      {props.children}
    </>
  );
}
