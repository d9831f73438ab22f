import {
  AI_GATEWAY,
  startTestGitlab,
  TestGitlab,
} from '@internal/gitlab-local/src/__testUtils__/startTestGitlab';
import {
  authedRemote,
  gitCli,
} from '@internal/gitlab-local/src/__testUtils__/gitCli';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GitlabReader } from './GitlabReader';

describe('GitlabReader against the local GitLab', () => {
  let gitlab: TestGitlab;
  beforeAll(async () => {
    gitlab = await startTestGitlab();
  });
  afterAll(() => gitlab.stop());
  afterEach(() => gitlab.gitlab.setFaults({}));

  const reader = () =>
    new GitlabReader(
      { baseUrl: gitlab.gitlab.url, token: gitlab.gitlab.token },
      { baseDelayMs: 1 },
    );

  /**
   * The project and its default branch's commit read over REST, the
   * reference the GraphQL overview is held to.
   */
  async function restHead(projectPath: string) {
    const { api } = reader();
    const project = (await api.Projects.show(projectPath)) as unknown as {
      id: number;
      path_with_namespace: string;
      web_url: string;
      default_branch: string;
      only_allow_merge_if_pipeline_succeeds?: boolean;
    };
    const branch = (await api.Branches.show(
      project.id,
      project.default_branch,
    )) as unknown as { commit: { id: string } };
    return {
      id: project.id,
      pathWithNamespace: project.path_with_namespace,
      webUrl: project.web_url,
      defaultBranch: project.default_branch,
      commitId: branch.commit.id,
      onlyAllowMergeIfPipelineSucceeds:
        project.only_allow_merge_if_pipeline_succeeds ?? false,
    };
  }

  it('reads a project overview, its tree and several files in three requests', async () => {
    const r = reader();
    const head = await r.projectOverview(AI_GATEWAY);
    expect(head.pathWithNamespace).toBe(AI_GATEWAY);
    expect(head.commitId).toMatch(/^[0-9a-f]{40}$/);
    const files = await r.listFiles(head.id, head.commitId!);
    expect(files).toContain('pyproject.toml');
    const read = await r.readFiles(AI_GATEWAY, head.commitId!, [
      'pyproject.toml',
      'missing.txt',
    ]);
    expect(read.map(f => f.path)).toEqual(['pyproject.toml']);
    expect(read[0].content).toContain('[tool.');
    expect(r.requestCount).toBe(3);
  });

  it('gives the head, branch rules and file list in one GraphQL request, the rest of a long file list 100 paths a request', async () => {
    const r = reader();
    const overview = await r.projectOverview(AI_GATEWAY);
    expect(r.requestCount).toBe(1);
    const head = await restHead(AI_GATEWAY);
    expect(overview).toMatchObject({
      id: head.id,
      pathWithNamespace: head.pathWithNamespace,
      webUrl: head.webUrl,
      defaultBranch: head.defaultBranch,
      commitId: head.commitId,
      archived: false,
      onlyAllowMergeIfPipelineSucceeds: head.onlyAllowMergeIfPipelineSucceeds,
    });
    expect(overview.treePaths).toEqual(
      await reader().listFiles(head.id, head.commitId!),
    );
    // The approval rule names no branch, so it sits with "All branches".
    expect(overview.branchRules).toEqual([
      {
        name: 'All branches',
        isDefault: false,
        isProtected: false,
        branchProtection: null,
        approvalRules: [
          {
            name: 'Maintainers',
            approvalsRequired: 1,
            eligibleUsernames: expect.arrayContaining(['alex.maintainer']),
          },
        ],
      },
      {
        name: 'main',
        isDefault: true,
        isProtected: true,
        branchProtection: {
          allowForcePush: false,
          codeOwnerApprovalRequired: true,
        },
        approvalRules: [],
      },
      expect.objectContaining({ name: 'stable-*', isDefault: false }),
    ]);
    expect(await r.authorCanApprove(AI_GATEWAY)).toBe(false);
    expect(r.requestCount).toBe(2);
  });

  it('pages past 100 files', async () => {
    // Push-to-create a project of 230 files.
    const paths = Array.from({ length: 230 }, (_, i) => `pkg/m${i}.py`);
    const projectPath = 'root/many-files';
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'reader-many-'));
    try {
      await gitCli(['init', '-q', '-b', 'main'], work);
      await fs.mkdir(path.join(work, 'pkg'));
      for (const file of paths) await fs.writeFile(path.join(work, file), '');
      await gitCli(['add', '.'], work);
      await gitCli(['commit', '-qm', 'Many files'], work);
      await gitCli(
        [
          'push',
          '-q',
          authedRemote(gitlab.gitlab.url, projectPath, gitlab.gitlab.token),
          'HEAD:main',
        ],
        work,
      );
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
    const r = reader();
    const overview = await r.projectOverview(projectPath);
    expect(overview.treePaths).toHaveLength(100);
    expect(overview.treeCursor).not.toBeNull();
    const rest = await r.listMoreFiles(
      projectPath,
      overview.commitId!,
      overview.treeCursor!,
    );
    expect([...overview.treePaths, ...rest].sort()).toEqual([...paths].sort());
    expect(r.requestCount).toBe(3);
  });

  it('honours Retry-After on 429 and retries 500s, with the same answers', async () => {
    gitlab.gitlab.setFaults({
      rules: [
        { kind: 'rateLimit', retryAfterSeconds: 0, times: 2 },
        { kind: 'error', status: 500, times: 2 },
      ],
    });
    const r = reader();
    const head = await r.projectOverview(AI_GATEWAY);
    const read = await r.readFiles(AI_GATEWAY, head.commitId!, [
      'pyproject.toml',
    ]);
    expect(read).toHaveLength(1);
    expect(r.requestCount).toBe(2 + 4);
    expect(gitlab.gitlab.stats().faultsInjected).toMatchObject({
      rateLimit: 2,
      error: 2,
    });
  });

  it('says which project it could not read', async () => {
    await expect(
      reader().readFiles('nobody/nothing', 'main', ['README.md']),
    ).rejects.toThrow(/nobody\/nothing was not found/);
  });
});
