import {
  AI_GATEWAY,
  CLOUD_CONNECTOR,
  PRIVATE_LEGACY,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

/**
 * Contract tests: what GraphQL `project(fullPath:)` answers agrees with
 * what the REST API (read through gitbeaker, as the portal reads it) says
 * about the same project.
 */
describe('GraphQL project(fullPath:) against REST', () => {
  let gitlab: TestGitlab;
  beforeAll(async () => {
    gitlab = await startTestGitlab();
  });
  afterAll(() => gitlab.stop());

  async function query(
    document: string,
    variables: Record<string, unknown>,
    token?: string,
  ) {
    const response = await fetch(`${gitlab.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token ?? gitlab.gitlab.token}`,
      },
      body: JSON.stringify({ query: document, variables }),
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  const HEAD_QUERY = `query head($fullPath: ID!) {
    project(fullPath: $fullPath) {
      id fullPath webUrl archived onlyAllowMergeIfPipelineSucceeds
      repository {
        rootRef empty
        tree(recursive: true) {
          lastCommit { sha }
          blobs(first: 100) { nodes { path } pageInfo { hasNextPage endCursor } }
        }
      }
      branchRules(first: 100) {
        nodes {
          name isDefault isProtected
          branchProtection { allowForcePush codeOwnerApprovalRequired }
          approvalRules { nodes { name type approvalsRequired eligibleApprovers { nodes { username } } } }
        }
      }
    }
  }`;

  it('gives the project, its default branch commit and the first tree page in one request, as REST does in three', async () => {
    const count = () => gitlab.gitlab.stats().totalRequests;
    const before = count();
    const { data, errors } = await query(HEAD_QUERY, { fullPath: AI_GATEWAY });
    expect(count()).toBe(before + 1);
    expect(errors).toBeUndefined();
    const api = gitlab.api();
    const project = await api.Projects.show(AI_GATEWAY);
    const branch = await api.Branches.show(
      AI_GATEWAY,
      project.default_branch as string,
    );
    const tree = (await api.Repositories.allRepositoryTrees(AI_GATEWAY, {
      recursive: true,
      perPage: 100,
    })) as Array<{ path: string; type: string }>;

    expect(data.project).toMatchObject({
      id: `gid://gitlab/Project/${project.id}`,
      fullPath: project.path_with_namespace,
      webUrl: project.web_url,
      archived: project.archived,
      onlyAllowMergeIfPipelineSucceeds:
        project.only_allow_merge_if_pipeline_succeeds,
    });
    expect(data.project.repository.rootRef).toBe(project.default_branch);
    expect(data.project.repository.empty).toBe(false);
    expect(data.project.repository.tree.lastCommit.sha).toBe(branch.commit.id);
    expect(
      data.project.repository.tree.blobs.nodes.map(
        (node: { path: string }) => node.path,
      ),
    ).toEqual(tree.filter(e => e.type === 'blob').map(e => e.path));
  });

  it('names the branch rules with their protection and approval rules, as the REST protected branches and approval rules do', async () => {
    const { data } = await query(HEAD_QUERY, { fullPath: CLOUD_CONNECTOR });
    const api = gitlab.api();
    const protectedBranches = (await api.ProtectedBranches.all(
      CLOUD_CONNECTOR,
    )) as unknown as Array<{
      name: string;
      allow_force_push: boolean;
      code_owner_approval_required: boolean;
    }>;
    const approvalRules = (await api.MergeRequestApprovals.allApprovalRules(
      CLOUD_CONNECTOR,
    )) as unknown as Array<{
      name: string;
      approvals_required: number;
      eligible_approvers: Array<{ username: string }>;
      protected_branches: Array<{ name: string }>;
    }>;
    const rules = data.project.branchRules.nodes;
    // "All branches" first, then one rule per protected branch.
    expect(rules[0]).toMatchObject({
      name: 'All branches',
      isProtected: false,
      branchProtection: null,
    });
    expect(rules.slice(1)).toEqual(
      protectedBranches.map(branch => ({
        name: branch.name,
        isDefault: branch.name === 'main',
        isProtected: true,
        branchProtection: {
          allowForcePush: branch.allow_force_push,
          codeOwnerApprovalRequired: branch.code_owner_approval_required,
        },
        approvalRules: {
          nodes: approvalRules
            .filter(rule =>
              rule.protected_branches.some(b => b.name === branch.name),
            )
            .map(rule => ({
              name: rule.name,
              type: 'REGULAR',
              approvalsRequired: rule.approvals_required,
              eligibleApprovers: {
                nodes: rule.eligible_approvers.map(user => ({
                  username: user.username,
                })),
              },
            })),
        },
      })),
    );
    expect(
      rules[1].approvalRules.nodes[0].eligibleApprovers.nodes.length,
    ).toBeGreaterThan(0);
  });

  it('pages a recursive tree 100 blobs at a time with cursors, at a commit sha', async () => {
    const { data } = await query(
      `query($fullPath: ID!) { project(fullPath: $fullPath) { repository { tree { lastCommit { sha } } } } }`,
      { fullPath: AI_GATEWAY },
    );
    const sha = data.project.repository.tree.lastCommit.sha;
    const PAGE = `query page($fullPath: ID!, $ref: String, $after: String) {
      project(fullPath: $fullPath) { repository {
        tree(ref: $ref, recursive: true) {
          blobs(first: 2, after: $after) { nodes { path } pageInfo { hasNextPage endCursor } }
        }
      } }
    }`;
    const paths: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const result = await query(PAGE, {
        fullPath: AI_GATEWAY,
        ref: sha,
        after,
      });
      const blobs = result.data.project.repository.tree.blobs;
      paths.push(...blobs.nodes.map((node: { path: string }) => node.path));
      if (!blobs.pageInfo.hasNextPage) break;
      after = blobs.pageInfo.endCursor;
    }
    const rest = (await gitlab
      .api()
      .Repositories.allRepositoryTrees(AI_GATEWAY, {
        recursive: true,
        ref: sha,
      })) as Array<{ path: string; type: string }>;
    expect(paths).toEqual(rest.filter(e => e.type === 'blob').map(e => e.path));
  });

  it('takes inline arguments, aliases and @include like any GraphQL server', async () => {
    const { data } = await query(
      `query($withTree: Boolean!) {
        p: project(fullPath: "${AI_GATEWAY}") {
          repository { rootRef tree @include(if: $withTree) { lastCommit { sha } } }
        }
      }`,
      { withTree: false },
    );
    expect(data.p.repository).toEqual({ rootRef: 'main' });
  });

  it('refuses fields GitLab does not have, naming them', async () => {
    const result = await query(
      `query($fullPath: ID!) { project(fullPath: $fullPath) { defaultBranchCommit } }`,
      { fullPath: AI_GATEWAY },
    );
    expect(result.errors[0].message).toMatch(
      /Cannot query field "defaultBranchCommit" on type "Project"/,
    );
  });

  it('answers null for a project the caller cannot read', async () => {
    const { data } = await query(
      HEAD_QUERY,
      { fullPath: PRIVATE_LEGACY },
      gitlab.gitlab.tokens['eli.newcomer'],
    );
    expect(data.project).toBeNull();
  });
});
