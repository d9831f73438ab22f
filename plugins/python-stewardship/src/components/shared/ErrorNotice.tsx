import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

/** What to do next for an API failure, by HTTP status. */
export function whatToDo(error: Error): string {
  const status = (error as { status?: number }).status;
  switch (status) {
    case 401:
      return 'Your session has ended: sign in again, then reload.';
    case 403:
      return 'You are not allowed to do this here; ask one of the codebase’s owners or maintainers.';
    case 404:
      return 'The conformance service does not know this codebase yet; it learns new catalog entries within a minute.';
    case 0:
      return 'Check that the portal backend is running, then try again.';
    default:
      return 'Try again; if it keeps failing, tell the Python Working Group what you see here.';
  }
}

/** An error in words, with what to do and an optional retry button. */
export function ErrorNotice(props: {
  title: string;
  error: Error;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { title, error, onRetry, children } = props;
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {error.message} {whatToDo(error)}
      {children}
    </Alert>
  );
}
