import {
  createGitlabApi,
  GitlabApi,
  GitlabConnection,
} from './createGitlabApi';
import {
  createPoliteFetch,
  PoliteFetch,
  PoliteFetchOptions,
} from './politeFetch';

/** What a scan needs to know about a project before reading files. @public */
export interface GitlabProjectHead {
  id: number;
  pathWithNamespace: string;
  webUrl: string;
  defaultBranch: string | null;
  /** The default branch's commit, `null` for an empty repository. */
  commitId: string | null;
  archived: boolean;
  lastActivityAt: string;
  /** The "Pipelines must succeed" merge check. */
  onlyAllowMergeIfPipelineSucceeds: boolean;
}

/** A file read by `readFiles`. @public */
export interface GitlabFile {
  path: string;
  content: string;
}

/** GitLab caps `blobs(paths:)` at 100 paths per query. */
const BLOBS_PER_QUERY = 100;

const BLOBS_QUERY = `query readBlobs($fullPath: ID!, $ref: String, $paths: [String!]!) {
  project(fullPath: $fullPath) {
    repository { blobs(ref: $ref, paths: $paths) { nodes { path rawTextBlob } } }
  }
}`;

/**
 * The one GitLab reader of the plugin family: gitbeaker for REST, GraphQL
 * for reading many files in one request, all through one polite fetch
 * (Retry-After, backoff, budget), with a request counter for status pages
 * and benchmarks. The conformance scanner uses it; so can discovery and the
 * scaffolder actions.
 *
 * @public
 */
export class GitlabReader {
  readonly api: GitlabApi;
  #requests = 0;
  readonly #fetch: PoliteFetch;
  readonly #connection: GitlabConnection;

  constructor(
    connection: GitlabConnection,
    options: Omit<PoliteFetchOptions, 'onRequest'> = {},
  ) {
    this.#connection = connection;
    this.#fetch = createPoliteFetch({
      ...options,
      onRequest: () => {
        this.#requests += 1;
      },
    });
    this.api = createGitlabApi(connection, this.#fetch);
  }

  /** Requests sent so far, retries included. */
  get requestCount(): number {
    return this.#requests;
  }

  /** Base URL without `/api/v4`, e.g. `https://gitlab.example.com`. */
  get baseUrl(): string {
    return this.#connection.baseUrl.replace(/\/api\/v4\/?$/, '');
  }

  /** The project and its default branch's commit: two requests. */
  async projectHead(projectPath: string): Promise<GitlabProjectHead> {
    const project = (await this.api.Projects.show(projectPath)) as unknown as {
      id: number;
      path_with_namespace: string;
      web_url: string;
      default_branch?: string | null;
      archived?: boolean;
      last_activity_at: string;
      empty_repo?: boolean;
      only_allow_merge_if_pipeline_succeeds?: boolean;
    };
    let commitId: string | null = null;
    if (project.default_branch && !project.empty_repo) {
      const branch = (await this.api.Branches.show(
        project.id,
        project.default_branch,
      )) as unknown as { commit: { id: string } };
      commitId = branch.commit.id;
    }
    return {
      id: project.id,
      pathWithNamespace: project.path_with_namespace,
      webUrl: project.web_url,
      defaultBranch: project.default_branch ?? null,
      commitId,
      archived: project.archived ?? false,
      lastActivityAt: project.last_activity_at,
      onlyAllowMergeIfPipelineSucceeds:
        project.only_allow_merge_if_pipeline_succeeds ?? false,
    };
  }

  /**
   * Paths of every project GitLab saw activity on after `since` (pushes,
   * merges, issues...), 100 per request; the cheap way to find what changed.
   */
  async listProjectsActiveSince(since: Date): Promise<string[]> {
    const projects = (await this.api.Projects.all({
      lastActivityAfter: since.toISOString(),
      simple: true,
      perPage: 100,
      orderBy: 'id',
      pagination: 'keyset',
      sort: 'asc',
    } as never)) as unknown as Array<{ path_with_namespace: string }>;
    return projects.map(project => project.path_with_namespace);
  }

  /** Every file path of the repository at `ref` (blobs only), keyset-paged. */
  async listFiles(projectId: number, ref: string): Promise<string[]> {
    const entries = (await this.api.Repositories.allRepositoryTrees(projectId, {
      ref,
      recursive: true,
      perPage: 100,
      pagination: 'keyset',
    } as never)) as unknown as Array<{ path: string; type: string }>;
    return entries.filter(e => e.type === 'blob').map(e => e.path);
  }

  /**
   * Reads files of one ref through GraphQL `repository.blobs(paths:)`, 100
   * per request. Paths that do not exist are left out of the result.
   */
  async readFiles(
    projectPath: string,
    ref: string,
    paths: readonly string[],
  ): Promise<GitlabFile[]> {
    const files: GitlabFile[] = [];
    for (let i = 0; i < paths.length; i += BLOBS_PER_QUERY) {
      const batch = paths.slice(i, i + BLOBS_PER_QUERY);
      const data = (await this.graphql(BLOBS_QUERY, {
        fullPath: projectPath,
        ref,
        paths: batch,
      })) as {
        project: {
          repository: {
            blobs: { nodes: Array<{ path: string; rawTextBlob: string }> };
          };
        } | null;
      };
      if (!data.project) {
        throw new Error(
          `GitLab project ${projectPath} was not found or is not readable with the portal's token`,
        );
      }
      for (const node of data.project.repository.blobs.nodes) {
        files.push({ path: node.path, content: node.rawTextBlob });
      }
    }
    return files;
  }

  /**
   * Sends a GraphQL query (gitbeaker has no GraphQL client); throws with
   * GitLab's own messages when the response carries errors.
   */
  async graphql(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<unknown> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
    };
    if (this.#connection.oauthToken) {
      headers.authorization = `Bearer ${this.#connection.oauthToken}`;
    } else if (this.#connection.token) {
      headers.authorization = `Bearer ${this.#connection.token}`;
    }
    const response = await this.#fetch(
      new Request(`${this.baseUrl}/api/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      }),
    );
    if (!response.ok) {
      throw new Error(
        `GitLab GraphQL answered ${response.status} ${response.statusText}`,
      );
    }
    const result = (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string }>;
    };
    if (result.errors?.length) {
      throw new Error(
        `GitLab GraphQL error: ${result.errors.map(e => e.message).join('; ')}`,
      );
    }
    return result.data;
  }
}
