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

/**
 * A branch rule as GraphQL `project.branchRules` gives it: "All branches"
 * (no protection), or a protected branch name or wildcard with its
 * protection; each with the approval rules that apply to it. @public
 */
export interface GitlabBranchRule {
  name: string;
  isDefault: boolean;
  isProtected: boolean;
  branchProtection: {
    allowForcePush: boolean;
    codeOwnerApprovalRequired: boolean;
  } | null;
  approvalRules: Array<{
    name: string;
    approvalsRequired: number;
    /** Users named by the rule and members of the groups it names. */
    eligibleUsernames: string[];
  }>;
}

/**
 * `projectOverview`: the head, the branch rules and the first page of the
 * default branch's file list, all from one GraphQL request. @public
 */
export interface GitlabProjectOverview extends GitlabProjectHead {
  branchRules: GitlabBranchRule[];
  /** Blob paths of the tree at `commitId`, the first `TREE_PAGE` of them. */
  treePaths: string[];
  /** Where the next page of the tree starts; null when `treePaths` is all. */
  treeCursor: string | null;
}

/** A file read by `readFiles`. @public */
export interface GitlabFile {
  path: string;
  content: string;
}

/** GitLab caps `blobs(paths:)` at 100 paths per query. */
const BLOBS_PER_QUERY = 100;

/** GitLab's GraphQL `max_page_size`: tree pages of 100 blobs. */
const TREE_PAGE = 100;

const TREE_BLOBS_FIELDS = `blobs(first: ${TREE_PAGE}, after: $after) {
  nodes { path }
  pageInfo { hasNextPage endCursor }
}`;

const OVERVIEW_QUERY = `query projectOverview($fullPath: ID!, $after: String) {
  project(fullPath: $fullPath) {
    id fullPath webUrl archived lastActivityAt onlyAllowMergeIfPipelineSucceeds
    repository {
      rootRef empty
      tree(recursive: true) { lastCommit { sha } ${TREE_BLOBS_FIELDS} }
    }
    branchRules(first: 100) {
      nodes {
        name isDefault isProtected
        branchProtection { allowForcePush codeOwnerApprovalRequired }
        approvalRules {
          nodes { name approvalsRequired eligibleApprovers { nodes { username } } }
        }
      }
    }
  }
}`;

const TREE_QUERY = `query treePage($fullPath: ID!, $ref: String, $after: String) {
  project(fullPath: $fullPath) {
    repository { tree(ref: $ref, recursive: true) { ${TREE_BLOBS_FIELDS} } }
  }
}`;

type TreeBlobsJson = {
  nodes: Array<{ path: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

type OverviewJson = {
  project: {
    id: string;
    fullPath: string;
    webUrl: string;
    archived: boolean | null;
    lastActivityAt: string;
    onlyAllowMergeIfPipelineSucceeds: boolean | null;
    repository: {
      rootRef: string | null;
      empty: boolean;
      tree: { lastCommit: { sha: string } | null; blobs: TreeBlobsJson } | null;
    } | null;
    branchRules: {
      nodes: Array<
        Omit<GitlabBranchRule, 'approvalRules'> & {
          approvalRules: {
            nodes: Array<{
              name: string;
              approvalsRequired: number;
              eligibleApprovers: { nodes: Array<{ username: string }> } | null;
            }>;
          } | null;
        }
      >;
    } | null;
  } | null;
};

/** The message a scan stores when a project cannot be read. */
function notReadable(projectPath: string): Error {
  return new Error(
    `GitLab project ${projectPath} was not found, or the portal's GitLab token cannot read it`,
  );
}

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

  /**
   * One GraphQL request for what a scan needs before reading files: the
   * project, its default branch and that branch's commit, the branch rules
   * (protection and approval rules, for the review-settings checks) and the
   * first 100 paths of the recursive file list at that commit. Throws when
   * the project is missing or unreadable.
   */
  async projectOverview(projectPath: string): Promise<GitlabProjectOverview> {
    const { project } = (await this.graphql(OVERVIEW_QUERY, {
      fullPath: projectPath,
    })) as OverviewJson;
    if (!project) throw notReadable(projectPath);
    const repository = project.repository;
    const tree = repository?.empty ? null : repository?.tree ?? null;
    const commitId = tree?.lastCommit?.sha ?? null;
    return {
      id: Number(project.id.split('/').pop()),
      pathWithNamespace: project.fullPath,
      webUrl: project.webUrl,
      defaultBranch: repository?.rootRef ?? null,
      commitId,
      archived: project.archived ?? false,
      lastActivityAt: project.lastActivityAt,
      onlyAllowMergeIfPipelineSucceeds:
        project.onlyAllowMergeIfPipelineSucceeds ?? false,
      branchRules: (project.branchRules?.nodes ?? []).map(rule => ({
        name: rule.name,
        isDefault: rule.isDefault,
        isProtected: rule.isProtected,
        branchProtection: rule.branchProtection,
        approvalRules: (rule.approvalRules?.nodes ?? []).map(approval => ({
          name: approval.name,
          approvalsRequired: approval.approvalsRequired,
          eligibleUsernames: (approval.eligibleApprovers?.nodes ?? []).map(
            user => user.username,
          ),
        })),
      })),
      treePaths: commitId ? tree!.blobs.nodes.map(node => node.path) : [],
      treeCursor:
        commitId && tree!.blobs.pageInfo.hasNextPage
          ? tree!.blobs.pageInfo.endCursor
          : null,
    };
  }

  /**
   * The rest of a recursive file list that `projectOverview` started: blob
   * paths at `ref` (use the commit sha) from `cursor` on, 100 per GraphQL
   * request.
   */
  async listMoreFiles(
    projectPath: string,
    ref: string,
    cursor: string,
  ): Promise<string[]> {
    const paths: string[] = [];
    let after: string | null = cursor;
    while (after) {
      const data = (await this.graphql(TREE_QUERY, {
        fullPath: projectPath,
        ref,
        after,
      })) as {
        project: {
          repository: { tree: { blobs: TreeBlobsJson } | null } | null;
        } | null;
      };
      const blobs = data.project?.repository?.tree?.blobs;
      if (!blobs) throw notReadable(projectPath);
      paths.push(...blobs.nodes.map(node => node.path));
      after = blobs.pageInfo.hasNextPage ? blobs.pageInfo.endCursor : null;
    }
    return paths;
  }

  /**
   * Whether merge request authors may approve their own merge requests
   * (`GET /projects/:id/approvals`, `merge_requests_author_approval`): the
   * one review setting GitLab's GraphQL does not give. One request.
   */
  async authorCanApprove(projectPath: string): Promise<boolean> {
    const approvals = (await this.api.MergeRequestApprovals.showConfiguration(
      projectPath,
    )) as unknown as { merge_requests_author_approval?: boolean | null };
    return approvals.merge_requests_author_approval ?? true;
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
      if (!data.project) throw notReadable(projectPath);
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
