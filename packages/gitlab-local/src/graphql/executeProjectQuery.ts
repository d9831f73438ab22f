import { buildSchema, graphql, GraphQLError } from 'graphql';
import { approvalRuleJson } from '../api/json';
import { matchesProtectedName } from '../api/protectedBranches';
import { ApiServices } from '../http/ApiContext';
import {
  ApprovalRule,
  Project,
  ProtectedBranch,
  User,
} from '../model/entities';
import { GraphqlRequest, GraphqlResult, page } from './executeGraphqlQuery';

/** GitLab caps `blobs(paths:)` at 100 paths per query. */
const MAX_PATHS = 100;
/** GitLab's GraphQL `max_page_size`. */
const MAX_PAGE_SIZE = 100;

/**
 * The part of GitLab's GraphQL schema under `project(fullPath:)` that the
 * portal reads, with GitLab's type and field names (see GitLab's GraphQL
 * reference: Project, Repository, Tree, RepositoryBlob, BranchRule,
 * BranchProtection, ApprovalProjectRule). A real GraphQL executor answers
 * it, so variables, inline arguments, aliases, fragments and `@include`
 * work, and a field GitLab does not have is a validation error, as there.
 */
const SCHEMA = buildSchema(`
  scalar Time

  type Query {
    project(fullPath: ID!): Project
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type Project {
    id: ID!
    fullPath: ID!
    name: String!
    path: String!
    webUrl: String
    archived: Boolean
    lastActivityAt: Time
    onlyAllowMergeIfPipelineSucceeds: Boolean
    repository: Repository
    branchRules(first: Int, after: String): BranchRuleConnection
  }

  type Repository {
    rootRef: String
    empty: Boolean!
    exists: Boolean!
    tree(path: String = "", ref: String, recursive: Boolean = false): Tree
    blobs(ref: String, paths: [String!]!): RepositoryBlobConnection
  }

  type Tree {
    lastCommit: Commit
    blobs(first: Int, after: String): BlobConnection!
    trees(first: Int, after: String): TreeEntryConnection!
  }

  type Commit {
    id: ID!
    sha: String!
  }

  enum EntryType {
    tree
    blob
    commit
  }

  type Blob {
    id: ID!
    sha: String!
    name: String!
    path: String!
    flatPath: String!
    type: EntryType!
    mode: String
  }

  type BlobConnection {
    nodes: [Blob!]!
    pageInfo: PageInfo!
  }

  type TreeEntry {
    id: ID!
    sha: String!
    name: String!
    path: String!
    flatPath: String!
    type: EntryType!
  }

  type TreeEntryConnection {
    nodes: [TreeEntry!]!
    pageInfo: PageInfo!
  }

  type RepositoryBlob {
    id: ID!
    oid: String!
    name: String
    path: String!
    rawTextBlob: String
    size: Int
  }

  type RepositoryBlobConnection {
    nodes: [RepositoryBlob!]!
    pageInfo: PageInfo!
  }

  type BranchRule {
    name: String!
    isDefault: Boolean!
    isProtected: Boolean!
    matchingBranchesCount: Int!
    branchProtection: BranchProtection
    approvalRules: ApprovalProjectRuleConnection
  }

  type BranchRuleConnection {
    nodes: [BranchRule!]!
    pageInfo: PageInfo!
  }

  type BranchProtection {
    allowForcePush: Boolean!
    codeOwnerApprovalRequired: Boolean!
  }

  enum ApprovalRuleType {
    REGULAR
    CODE_OWNER
    REPORT_APPROVER
    ANY_APPROVER
  }

  type ApprovalProjectRule {
    id: ID!
    name: String
    type: ApprovalRuleType
    approvalsRequired: Int
    eligibleApprovers: UserCoreConnection
  }

  type ApprovalProjectRuleConnection {
    nodes: [ApprovalProjectRule!]!
    pageInfo: PageInfo!
  }

  type UserCore {
    id: ID!
    username: String!
    name: String!
  }

  type UserCoreConnection {
    nodes: [UserCore!]!
    pageInfo: PageInfo!
  }
`);

/** Whether a document asks for `project(fullPath:) { ... }`. */
export function isProjectQuery(query: unknown): boolean {
  return typeof query === 'string' && /\bproject\s*\(/.test(query);
}

type PageArgs = { first?: number | null; after?: string | null };

function connection<T>(items: T[], args: PageArgs = {}) {
  const first = Math.min(args.first ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const { nodes, pageInfo } = page(items, first, args.after);
  return {
    nodes,
    pageInfo: {
      ...pageInfo,
      hasPreviousPage: Boolean(args.after),
      startCursor: args.after ?? null,
    },
  };
}

function treeEntries(
  entries: Array<{
    id: string;
    name: string;
    path: string;
    type: string;
    mode: string;
  }>,
  type: 'blob' | 'tree',
) {
  return entries
    .filter(entry => entry.type === type)
    .map(entry => ({
      id: `gid://gitlab/Gitlab::Graphql::Representation::TreeEntry/${entry.id}`,
      sha: entry.id,
      name: entry.name,
      path: entry.path,
      flatPath: entry.path,
      type: entry.type,
      mode: entry.mode,
    }));
}

function resolveProject(services: ApiServices, project: Project) {
  const { store, repos } = services;
  const fullPath = store.projectFullPath(project);
  const gitDir = () => repos.ensure(project);

  const repository = {
    rootRef: project.hasCommits ? project.defaultBranch : null,
    empty: !project.hasCommits,
    exists: true,
    async tree(args: {
      path?: string;
      ref?: string | null;
      recursive?: boolean;
    }) {
      if (!project.hasCommits) return null;
      const dir = (args.path ?? '').replace(/^\/+|\/+$/g, '');
      const git = await gitDir();
      const commit = await repos.resolveCommit(
        git,
        args.ref || project.defaultBranch,
      );
      if (!commit) return null;
      const entries = await repos.listTree(
        git,
        commit,
        dir,
        args.recursive ?? false,
      );
      if (!entries) return null;
      return {
        // The last commit that changed the tree: for the root, the ref's own.
        lastCommit: async () => {
          const sha = dir
            ? (await repos.log(git, commit, { path: dir, maxCount: 1 }))[0]?.id
            : commit;
          return sha
            ? { id: `gid://gitlab/CommitPresenter/${sha}`, sha }
            : null;
        },
        blobs: (pageArgs: PageArgs) =>
          connection(treeEntries(entries, 'blob'), pageArgs),
        trees: (pageArgs: PageArgs) =>
          connection(treeEntries(entries, 'tree'), pageArgs),
      };
    },
    // Several files of one ref in one request; as on GitLab, paths that do
    // not exist are left out and an unknown ref gives no nodes.
    async blobs(args: { ref?: string | null; paths: string[] }) {
      if (args.paths.length > MAX_PATHS) {
        throw new GraphQLError(`paths is limited to ${MAX_PATHS} entries`);
      }
      if (!project.hasCommits) return connection([]);
      const files = await repos.readFilesAtRef(
        await gitDir(),
        args.ref || project.defaultBranch,
        args.paths,
      );
      return connection(
        [...files].map(([path, content]) => ({
          id: `gid://gitlab/Blob/${path}`,
          oid: '',
          name: path.split('/').pop(),
          path,
          rawTextBlob: content.toString('utf8'),
          size: content.length,
        })),
      );
    },
  };

  const approvalRule = (rule: ApprovalRule) => {
    const json = approvalRuleJson(services, project, rule);
    return {
      id: `gid://gitlab/ApprovalProjectRule/${rule.id}`,
      name: rule.name,
      type: rule.ruleType === 'any_approver' ? 'ANY_APPROVER' : 'REGULAR',
      approvalsRequired: rule.approvalsRequired,
      eligibleApprovers: () =>
        connection(
          json.eligible_approvers.map(user => ({
            id: `gid://gitlab/User/${user.id}`,
            username: user.username,
            name: user.name,
          })),
        ),
    };
  };

  const countMatching = async (pattern: string) => {
    if (!project.hasCommits) return 0;
    const branches = await repos.branches(await gitDir());
    return branches.filter(branch => matchesProtectedName(pattern, branch.name))
      .length;
  };

  // As on GitLab: an "All branches" rule with the approval rules that name
  // no protected branch, then one rule per protected branch with its
  // protection and the approval rules that apply to it.
  const branchRules = () => [
    {
      name: 'All branches',
      isDefault: false,
      isProtected: false,
      matchingBranchesCount: () => countMatching('*'),
      branchProtection: null,
      approvalRules: () =>
        connection(
          project.approvalRules
            .filter(
              rule =>
                !rule.protectedBranchIds.length &&
                !rule.appliesToAllProtectedBranches,
            )
            .map(approvalRule),
        ),
    },
    ...project.protectedBranches.map((branch: ProtectedBranch) => ({
      name: branch.name,
      isDefault: matchesProtectedName(branch.name, project.defaultBranch),
      isProtected: true,
      matchingBranchesCount: () => countMatching(branch.name),
      branchProtection: {
        allowForcePush: branch.allowForcePush,
        codeOwnerApprovalRequired: branch.codeOwnerApprovalRequired,
      },
      approvalRules: () =>
        connection(
          project.approvalRules
            .filter(
              rule =>
                rule.appliesToAllProtectedBranches ||
                rule.protectedBranchIds.includes(branch.id),
            )
            .map(approvalRule),
        ),
    })),
  ];

  return {
    id: `gid://gitlab/Project/${project.id}`,
    fullPath,
    name: project.name,
    path: project.path,
    webUrl: `${services.baseUrl}/${fullPath}`,
    archived: project.archived,
    lastActivityAt: project.lastActivityAt,
    onlyAllowMergeIfPipelineSucceeds:
      project.merge.onlyAllowMergeIfPipelineSucceeds,
    repository: () => repository,
    branchRules: (args: PageArgs) => connection(branchRules(), args),
  };
}

/**
 * Answers `project(fullPath:) { ... }` documents against the schema above.
 * An unknown or unreadable project is `null`, as on GitLab.
 */
export async function executeProjectQuery(
  services: ApiServices,
  viewer: User,
  request: GraphqlRequest,
): Promise<GraphqlResult> {
  const result = await graphql({
    schema: SCHEMA,
    source: String(request.query),
    variableValues: request.variables ?? {},
    rootValue: {
      project: ({ fullPath }: { fullPath: string }) => {
        const project = services.store.findProject(fullPath);
        return project && services.store.canReadProject(viewer, project)
          ? resolveProject(services, project)
          : null;
      },
    },
  });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors?.length
      ? { errors: result.errors.map(error => ({ message: error.message })) }
      : {}),
  };
}
