import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  createGitlabApi,
  createPoliteFetch,
  GitlabApi,
} from '@internal/plugin-python-stewardship-node';

/** A gitbeaker client for the GitLab project a template's repoUrl names. */
export interface GitlabProjectClient {
  api: GitlabApi;
  host: string;
  /** The namespace (group or user) path. */
  owner: string;
  /** The project path inside the namespace. */
  repo: string;
  /** `owner/repo`. */
  slug: string;
  /** The project's web address, on the integration's own scheme and host. */
  webUrl: string;
  /** Whose token the client sends. */
  tokenSource: 'user' | 'integration';
}

/**
 * One polite fetch for every action of this module: Retry-After on 429,
 * backoff on 5xx for reads and idempotent writes, and never a second copy of
 * a write that creates something (see the -node package's `politeFetch`).
 */
const sharedPoliteFetch = createPoliteFetch();

/**
 * Builds the client our GitLab actions share: the family's gitbeaker client
 * (`createGitlabApi`), not one of its own. The signed-in user's token
 * (`${{ secrets.USER_OAUTH_TOKEN }}`) wins, so GitLab checks that person's
 * rights; the integration token is used only when there is none: the
 * scaffolder drops an input whose secret is absent (guest sign-in), and an
 * empty string is treated the same, as publish:gitlab does.
 */
export function createGitlabProjectClient(options: {
  integrations: ScmIntegrationRegistry;
  repoUrl: string;
  token?: string;
  logger: LoggerService;
}): GitlabProjectClient {
  const { integrations, repoUrl, token, logger } = options;
  const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
  const integration = integrations.gitlab.byHost(host);
  if (!integration) {
    throw new InputError(
      `No GitLab integration for ${host}; add it under integrations.gitlab in app-config`,
    );
  }
  if (!owner) {
    throw new InputError(`repoUrl ${repoUrl} names no GitLab group`);
  }
  const { baseUrl, token: integrationToken } = integration.config;
  let api: GitlabApi;
  let tokenSource: GitlabProjectClient['tokenSource'];
  if (token) {
    api = createGitlabApi({ baseUrl, oauthToken: token }, sharedPoliteFetch);
    tokenSource = 'user';
  } else {
    if (!integrationToken) {
      throw new InputError(
        `No GitLab token for ${host}: the signed-in user has none and the integration has none either`,
      );
    }
    logger.info(
      `No GitLab token of the signed-in user (guest, or not signed in with GitLab); using the integration token for ${host}`,
    );
    api = createGitlabApi(
      { baseUrl, token: integrationToken },
      sharedPoliteFetch,
    );
    tokenSource = 'integration';
  }
  return {
    api,
    host,
    owner,
    repo,
    slug: `${owner}/${repo}`,
    webUrl: `${baseUrl.replace(/\/+$/, '')}/${owner}/${repo}`,
    tokenSource,
  };
}

interface GitbeakerErrorCause {
  description?: string;
  request?: Request;
  response?: Response;
}

function causeOf(error: unknown): GitbeakerErrorCause | undefined {
  return (error as { cause?: GitbeakerErrorCause } | undefined)?.cause;
}

/** The HTTP status of a failed gitbeaker call, if it got an answer. */
export function gitlabStatusOf(error: unknown): number | undefined {
  return causeOf(error)?.response?.status;
}

/** True when GitLab answered 404. */
export function isGitlabNotFound(error: unknown): boolean {
  return gitlabStatusOf(error) === 404;
}

/** A failed call in words: which request, what GitLab answered. */
export function describeGitlabError(error: unknown): string {
  const cause = causeOf(error);
  if (cause?.response) {
    const request = cause.request
      ? `${cause.request.method} ${new URL(cause.request.url).pathname} `
      : '';
    const detail = cause.description ? `: ${cause.description}` : '';
    return (
      `GitLab answered ${cause.response.status} to ${request}`.trimEnd() +
      detail
    );
  }
  return error instanceof Error ? error.message : String(error);
}
