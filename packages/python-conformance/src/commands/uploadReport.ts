import type { ConformanceReport } from '@internal/plugin-python-stewardship-common';
import { CliIo, UsageError } from './CliIo';
import { EXIT_OK, EXIT_UPLOAD_FAILED } from './exitCodes';

/** The environment variable holding the upload token (never a flag, so it stays out of job logs). */
export const TOKEN_ENV = 'PYTHON_CONFORMANCE_TOKEN';

/** Where and as what a report is uploaded, resolved before the evaluation. */
export interface UploadTarget {
  /** `<portal>/api/python-stewardship/uploads`. */
  url: string;
  token: string;
  /** Exactly one of these. */
  entityRef?: string;
  projectPath?: string;
  commitId?: string;
}

const API_PATH = '/api/python-stewardship';

/**
 * Reads `--upload [url]`, `--entity <ref>` and the CI environment; `undefined`
 * without `--upload`. Mistakes are usage errors, found before any work.
 */
export function resolveUploadTarget(
  io: CliIo,
  options: { upload?: string | boolean; entity?: string },
): UploadTarget | undefined {
  if (options.upload === undefined || options.upload === false) {
    if (options.entity !== undefined) {
      throw new UsageError('--entity only applies with --upload');
    }
    return undefined;
  }
  const base =
    typeof options.upload === 'string' ? options.upload : io.env.PORTAL_URL;
  if (!base) {
    throw new UsageError(
      '--upload needs the portal URL: --upload https://portal.example.com, or set PORTAL_URL',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new UsageError(
      `--upload ${base} is not a URL; give the portal's base URL, e.g. https://portal.example.com (put the folder before --upload)`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UsageError(`--upload ${base} must be an http(s) URL`);
  }
  const token = io.env[TOKEN_ENV];
  if (!token) {
    throw new UsageError(
      `--upload needs a token in ${TOKEN_ENV} (a masked CI/CD variable holding the portal's external-access token for python-stewardship)`,
    );
  }
  const entity = options.entity ?? undefined;
  const projectPath = entity ? undefined : io.env.CI_PROJECT_PATH || undefined;
  if (!entity && !projectPath) {
    throw new UsageError(
      '--upload needs the codebase: --entity component:default/<name>, or CI_PROJECT_PATH (GitLab CI sets it)',
    );
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = `${
    path.endsWith(API_PATH) ? path : `${path}${API_PATH}`
  }/uploads`;
  parsed.search = '';
  parsed.hash = '';
  return {
    url: parsed.toString(),
    token,
    ...(entity ? { entityRef: entity } : { projectPath }),
    ...(io.env.CI_COMMIT_SHA ? { commitId: io.env.CI_COMMIT_SHA } : {}),
  };
}

async function serverMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON: a proxy's page, say
  }
  return text.trim().slice(0, 500) || response.statusText;
}

const HINTS: Record<number, string> = {
  401: `the portal did not accept the token in ${TOKEN_ENV}`,
  403: `the token in ${TOKEN_ENV} may not upload to this portal (it must be an external-access token allowed for python-stewardship)`,
  404: 'the portal does not know this codebase',
  413: 'the report is too large',
};

/**
 * Sends the JSON report to the portal. Prints what happened to stderr (stdout
 * holds the report) and returns the exit code for a failed upload, or 0.
 */
export async function uploadReport(
  io: CliIo,
  target: UploadTarget,
  report: ConformanceReport,
  timeoutMs = 60_000,
): Promise<number> {
  const { url, token, ...where } = target;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'user-agent': 'python-conformance',
      },
      body: JSON.stringify({ ...where, report }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    io.stderr(
      `python-conformance: upload failed: could not reach ${url}: ${
        cause?.message ?? (error as Error).message
      }\n`,
    );
    return EXIT_UPLOAD_FAILED;
  }
  if (response.status !== 201) {
    const hint = HINTS[response.status];
    io.stderr(
      `python-conformance: upload failed (HTTP ${response.status}${
        hint ? `: ${hint}` : ''
      }): ${await serverMessage(response)}\n`,
    );
    return EXIT_UPLOAD_FAILED;
  }
  const stored = (await response.json()) as {
    id: string;
    entityRef: string;
    createdAt: string;
  };
  io.stderr(
    `python-conformance: uploaded the report for ${stored.entityRef} to ${
      new URL(url).origin
    } (result ${stored.id}, ${stored.createdAt})\n`,
  );
  return EXIT_OK;
}
