/** Where the CLI reads and writes; injected so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout gets ANSI colors. */
  color: boolean;
  cwd: string;
  /** Environment variables the CLI reads (`PYTHON_STEWARDSHIP_DOCS_URL`; for `--upload`, `PORTAL_URL`, `PYTHON_CONFORMANCE_TOKEN`, `CI_PROJECT_PATH`, `CI_COMMIT_SHA`). */
  env: Record<string, string | undefined>;
  writeFile(path: string, content: string): void;
  readFile(path: string): string;
}

/** Thrown for mistakes the user can fix; becomes exit code 2 with the message. */
export class UsageError extends Error {
  readonly name = 'UsageError';
}
