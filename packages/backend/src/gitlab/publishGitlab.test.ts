import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGitlabAction } from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Gitlab } from '@gitbeaker/rest';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';

jest.setTimeout(120_000);

/**
 * The official publish:gitlab action, unmodified, against the local GitLab:
 * it must create the project and push a real commit, exactly as it would on
 * gitlab.com, so the templates can be tested end to end without a real GitLab.
 */
describe('publish:gitlab against the local GitLab', () => {
  let gitlab: GitlabLocal;
  let dataDir: string;
  let workspacePath: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitlab-local-publish-'));
    gitlab = await startGitlabLocal({ dataDir });
  });

  afterAll(async () => {
    await gitlab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
    fs.mkdirSync(path.join(workspacePath, 'src/new_service'), {
      recursive: true,
    });
    fs.writeFileSync(
      path.join(workspacePath, 'pyproject.toml'),
      '[project]\nname = "new-service"\nversion = "0.1.0"\n',
    );
    fs.writeFileSync(
      path.join(workspacePath, 'src/new_service/__init__.py'),
      '',
    );
  });

  afterEach(() => fs.rmSync(workspacePath, { recursive: true, force: true }));

  function createAction() {
    const host = new URL(gitlab.url).host;
    const config = new ConfigReader({
      integrations: {
        gitlab: [
          {
            host,
            apiBaseUrl: gitlab.apiUrl,
            baseUrl: gitlab.url,
            token: gitlab.token,
          },
        ],
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

  it('creates the project and pushes the workspace as the first commit', async () => {
    const { host, action } = createAction();
    const ctx = createMockActionContext({
      workspacePath,
      input: {
        repoUrl: `${host}?owner=gitlab-org&repo=new-service`,
        defaultBranch: 'main',
        topics: ['python'],
        gitCommitMessage: 'Initial commit from the Python service template',
      },
    });
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      `${gitlab.url}/gitlab-org/new-service`,
    );
    const api = new Gitlab({ host: gitlab.url, token: gitlab.token });
    const project = await api.Projects.show('gitlab-org/new-service');
    expect(project).toMatchObject({
      path_with_namespace: 'gitlab-org/new-service',
      default_branch: 'main',
    });
    const tree = await api.Repositories.allRepositoryTrees(project.id, {
      recursive: true,
    });
    expect(tree.map(e => e.path).sort()).toEqual([
      'pyproject.toml',
      'src',
      'src/new_service',
      'src/new_service/__init__.py',
    ]);
    const raw = await api.RepositoryFiles.showRaw(
      project.id,
      'pyproject.toml',
      'main',
    );
    expect(String(raw)).toContain('name = "new-service"');
    const commits = await api.Commits.all(project.id, { refName: 'main' });
    expect(commits).toHaveLength(1);
    expect(commits[0].title).toBe(
      'Initial commit from the Python service template',
    );
  });

  it('refuses to publish into a namespace that does not exist', async () => {
    const { host, action } = createAction();
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoUrl: `${host}?owner=no-such-group&repo=x` },
    });
    await expect(action.handler(ctx)).rejects.toThrow(/no-such-group/);
  });
});
