import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGitlabAction } from '@backstage/plugin-scaffolder-backend-module-gitlab';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestGitlab, TestGitlab } from './__testUtils__/startTestGitlab';

/**
 * Runs Backstage's real `publish:gitlab` action against the local GitLab:
 * Namespaces.show, Users.showCurrentUser, Groups.allProjects, Projects.create,
 * an isomorphic-git push with `oauth2:<token>`, Branches.create,
 * ProtectedBranches.protect, ProjectMembers.add and ProjectVariables.create.
 */
describe('publish:gitlab against the local GitLab', () => {
  let t: TestGitlab;
  let workspacePath: string;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    workspacePath = await fs.mkdtemp(
      path.join(os.tmpdir(), 'gitlab-local-scaffold-'),
    );
  });
  afterEach(() => fs.rm(workspacePath, { recursive: true, force: true }));

  function createAction() {
    const host = new URL(t.gitlab.url).host;
    const config = new ConfigReader({
      integrations: {
        gitlab: [t.gitlab.integration],
      },
    });
    return {
      host,
      action: createPublishGitlabAction({
        integrations: ScmIntegrations.fromConfig(config),
        config,
      }),
    };
  }

  function context(input: Record<string, unknown>) {
    const outputs: Record<string, unknown> = {};
    return {
      outputs,
      ctx: {
        input,
        workspacePath,
        logger: mockServices.logger.mock(),
        output: (name: string, value: unknown) => {
          outputs[name] = value;
        },
        checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
        createTemporaryDirectory: () =>
          fs.mkdtemp(path.join(os.tmpdir(), 'gitlab-local-tmp-')),
        getInitiatorCredentials: async () => ({
          $$type: '@backstage/BackstageCredentials',
          principal: {},
        }),
        isDryRun: false,
        signal: new AbortController().signal,
      },
    };
  }

  it('creates the project, pushes the workspace and applies settings', async () => {
    await fs.mkdir(path.join(workspacePath, 'src', 'new_service'), {
      recursive: true,
    });
    await fs.writeFile(
      path.join(workspacePath, 'pyproject.toml'),
      '[project]\nname = "new-service"\n',
    );
    await fs.writeFile(
      path.join(workspacePath, 'src', 'new_service', '__init__.py'),
      '',
    );

    const { host, action } = createAction();
    const { ctx, outputs } = context({
      repoUrl: `${host}?owner=gitlab-org/duo-workflow&repo=new-service`,
      defaultBranch: 'main',
      gitAuthorName: 'Scaffolder',
      gitAuthorEmail: 'scaffolder@example.com',
      ownerUsername: 'chen.developer',
      settings: {
        topics: ['python', 'service'],
        visibility: 'internal',
        only_allow_merge_if_pipeline_succeeds: true,
      },
      branches: [{ name: 'develop', create: true, protect: true, ref: 'main' }],
      projectVariables: [{ key: 'PYTHON_VERSION', value: '3.12' }],
    });
    await action.handler(ctx as never);

    const project = await t
      .api()
      .Projects.show('gitlab-org/duo-workflow/new-service');
    expect(outputs).toMatchObject({
      projectId: project.id,
      created: true,
      remoteUrl: `${t.gitlab.url}/gitlab-org/duo-workflow/new-service`,
      repoContentsUrl: `${t.gitlab.url}/gitlab-org/duo-workflow/new-service/-/blob/main`,
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(project).toMatchObject({
      default_branch: 'main',
      visibility: 'internal',
      topics: ['python', 'service'],
      only_allow_merge_if_pipeline_succeeds: true,
      empty_repo: false,
    });
    const tree = await t
      .api()
      .Repositories.allRepositoryTrees(project.id, { recursive: true });
    expect(
      tree
        .filter(e => e.type === 'blob')
        .map(e => e.path)
        .sort(),
    ).toEqual(['pyproject.toml', 'src/new_service/__init__.py']);
    const [commit] = await t.api().Commits.all(project.id);
    expect(commit).toMatchObject({
      id: outputs.commitHash,
      author_name: 'Scaffolder',
    });
    expect(
      (await t.api().ProtectedBranches.show(project.id, 'develop')).name,
    ).toBe('develop');
    const members = await t.api().ProjectMembers.all(project.id);
    expect(members.map(m => [m.username, m.access_level])).toEqual([
      ['chen.developer', 50],
    ]);
    expect(
      t.gitlab.stats().routes['POST /api/v4/projects/:id/variables'].statuses,
    ).toEqual({ 201: 1 });
  });

  it('publishes into a user namespace', async () => {
    await fs.writeFile(path.join(workspacePath, 'README.md'), '# sandbox\n');
    const { host, action } = createAction();
    const { ctx, outputs } = context({
      repoUrl: `${host}?owner=alex.maintainer&repo=sandbox`,
      defaultBranch: 'main',
    });
    await action.handler(ctx as never);
    const project = await t.api().Projects.show('alex.maintainer/sandbox');
    expect(project.namespace).toMatchObject({
      kind: 'user',
      full_path: 'alex.maintainer',
    });
    expect(outputs).toMatchObject({ created: true, projectId: project.id });
    expect(
      await t.api().RepositoryFiles.showRaw(project.id, 'README.md', 'main'),
    ).toBe('# sandbox\n');
    expect(
      t.gitlab.stats().routes['GET /api/v4/users/:id/projects'].count,
    ).toBe(1);
  });

  it('reports an existing project with skipExisting', async () => {
    const { host, action } = createAction();
    const { ctx, outputs } = context({
      repoUrl: `${host}?owner=gitlab-org/duo-workflow&repo=duo-workflow-service`,
      skipExisting: true,
    });
    await action.handler(ctx as never);
    expect(outputs).toMatchObject({
      created: false,
      repoContentsUrl: expect.stringMatching(/\/-\/blob\/main$/),
    });
  });

  it('fails clearly for an unknown namespace', async () => {
    const { host, action } = createAction();
    const { ctx } = context({
      repoUrl: `${host}?owner=gitlab-org/no-such-group&repo=x`,
    });
    await expect(action.handler(ctx as never)).rejects.toThrow(
      /namespace gitlab-org\/no-such-group is not found/,
    );
  });
});
