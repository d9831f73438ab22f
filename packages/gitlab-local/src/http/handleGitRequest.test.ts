import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { authedRemote, gitCli } from '../__testUtils__/gitCli';
import {
  DUO_WORKFLOW,
  PRIVATE_LEGACY,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('git over HTTP', () => {
  let t: TestGitlab;
  let workDir: string;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitlab-local-work-'));
  });
  afterEach(() => fs.rm(workDir, { recursive: true, force: true }));

  async function commitFiles(
    dir: string,
    files: Record<string, string>,
    branch = 'main',
  ) {
    await fs.mkdir(dir, { recursive: true });
    await gitCli(['init', '--quiet', `--initial-branch=${branch}`], dir);
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), content);
    }
    await gitCli(['add', '--all'], dir);
    await gitCli(['commit', '--quiet', '-m', 'initial commit'], dir);
  }

  it('clones a seeded repository', async () => {
    await gitCli(
      [
        'clone',
        '--quiet',
        authedRemote(t.gitlab.url, DUO_WORKFLOW, t.gitlab.token),
        'clone',
      ],
      workDir,
    );
    const pyproject = await fs.readFile(
      path.join(workDir, 'clone', 'pyproject.toml'),
      'utf8',
    );
    expect(pyproject).toContain('name = "duo-workflow-service"');
    const log = await gitCli(
      ['log', '--format=%an|%s'],
      path.join(workDir, 'clone'),
    );
    expect(log.trim()).toBe(
      'Chen Developer (placeholder)|feat: import Duo Workflow Service snapshot',
    );
  });

  it('clones public projects anonymously but not private ones', async () => {
    await gitCli(
      ['clone', '--quiet', `${t.gitlab.url}/${DUO_WORKFLOW}.git`, 'anon'],
      workDir,
    );
    await expect(
      gitCli(
        [
          'clone',
          '--quiet',
          `${t.gitlab.url}/${PRIVATE_LEGACY}.git`,
          'private',
        ],
        workDir,
      ),
    ).rejects.toThrow(/Authentication failed|could not read Username|401/);
    await expect(
      gitCli(
        [
          'clone',
          '--quiet',
          authedRemote(
            t.gitlab.url,
            PRIVATE_LEGACY,
            t.gitlab.tokens['eli.newcomer'],
          ),
          'hidden',
        ],
        workDir,
      ),
    ).rejects.toThrow(/not found|404/);
  });

  it('pushes to a project created through the API, then serves its tree and files', async () => {
    const api = t.api('alex.maintainer');
    const group = await api.Groups.show('gitlab-org/duo-workflow');
    const project = await api.Projects.create({
      namespaceId: group.id,
      path: 'pushed-service',
      name: 'pushed-service',
    });
    expect(project.empty_repo).toBe(true);

    const source = path.join(workDir, 'source');
    await commitFiles(source, {
      'README.md': '# pushed-service\n',
      'pyproject.toml': '[project]\nname = "pushed-service"\n',
      'src/pushed_service/__init__.py': '',
    });
    await gitCli(
      [
        'push',
        '--quiet',
        authedRemote(
          t.gitlab.url,
          String(project.path_with_namespace),
          t.gitlab.tokens['alex.maintainer'],
        ),
        'main',
      ],
      source,
    );

    const tree = await api.Repositories.allRepositoryTrees(project.id, {
      recursive: true,
    });
    expect(
      tree
        .filter(e => e.type === 'blob')
        .map(e => e.path)
        .sort(),
    ).toEqual([
      'README.md',
      'pyproject.toml',
      'src/pushed_service/__init__.py',
    ]);
    expect(
      await api.RepositoryFiles.showRaw(project.id, 'pyproject.toml', 'main'),
    ).toContain('pushed-service');
    const after = await api.Projects.show(project.id);
    expect(after).toMatchObject({ empty_repo: false, default_branch: 'main' });
  });

  it('makes the first pushed branch the default when the intended one is missing', async () => {
    const project = await t.api().Projects.create({
      namespaceId: (await t.api().Groups.show('gitlab-org/quality')).id,
      name: 'master-repo',
    });
    const source = path.join(workDir, 'source');
    await commitFiles(source, { 'README.md': 'hi\n' }, 'master');
    await gitCli(
      [
        'push',
        '--quiet',
        authedRemote(
          t.gitlab.url,
          String(project.path_with_namespace),
          t.gitlab.token,
        ),
        'master',
      ],
      source,
    );
    expect((await t.api().Projects.show(project.id)).default_branch).toBe(
      'master',
    );
    expect(
      await t.api().RepositoryFiles.showRaw(project.id, 'README.md', 'master'),
    ).toBe('hi\n');
  });

  it('creates a private project on push to a new path (push to create)', async () => {
    const source = path.join(workDir, 'source');
    await commitFiles(source, { 'README.md': '# created by push\n' });
    await gitCli(
      [
        'push',
        '--quiet',
        authedRemote(
          t.gitlab.url,
          'gitlab-org/cloud-connector/by-push',
          t.gitlab.tokens['bea.reviewer'],
        ),
        'main',
      ],
      source,
    );
    const project = await t
      .api()
      .Projects.show('gitlab-org/cloud-connector/by-push');
    expect(project).toMatchObject({
      visibility: 'private',
      default_branch: 'main',
      empty_repo: false,
    });
  });

  it('refuses pushes from reporters and to archived projects', async () => {
    const source = path.join(workDir, 'source');
    await commitFiles(source, { 'x.txt': 'x\n' });
    await expect(
      gitCli(
        [
          'push',
          '--quiet',
          authedRemote(
            t.gitlab.url,
            DUO_WORKFLOW,
            t.gitlab.tokens['eli.newcomer'],
          ),
          'main:refs/heads/eli',
        ],
        source,
      ),
    ).rejects.toThrow(/403|not allowed/);
    await expect(
      gitCli(
        [
          'push',
          '--quiet',
          authedRemote(
            t.gitlab.url,
            'gitlab-org/modelops/applied-ml/code-suggestions/model-evaluator',
            t.gitlab.token,
          ),
          'main:refs/heads/late',
        ],
        source,
      ),
    ).rejects.toThrow(/403|archived/);
    const stats =
      t.gitlab.stats().routes['GET /:namespace/:project.git/info/refs'];
    expect(stats.statuses['403']).toBeGreaterThanOrEqual(2);
  });

  it('enforces protected branches on push, like GitLab', async () => {
    const clone = path.join(workDir, 'clone');
    await gitCli(
      [
        'clone',
        '--quiet',
        authedRemote(t.gitlab.url, DUO_WORKFLOW, t.gitlab.token),
        clone,
      ],
      workDir,
    );
    await fs.writeFile(path.join(clone, 'CHANGELOG.md'), '# Changelog\n');
    await gitCli(['add', 'CHANGELOG.md'], clone);
    await gitCli(['commit', '--quiet', '-m', 'docs: add changelog'], clone);

    // main allows pushes from maintainers only; chen is a developer.
    const asDeveloper = authedRemote(
      t.gitlab.url,
      DUO_WORKFLOW,
      t.gitlab.tokens['chen.developer'],
    );
    await expect(gitCli(['push', asDeveloper, 'main'], clone)).rejects.toThrow(
      /You are not allowed to push code to protected branches on this project/,
    );
    // Unprotected branches are fine for developers.
    await gitCli(
      ['push', '--quiet', asDeveloper, 'main:refs/heads/changelog'],
      clone,
    );
    // Maintainers may push to main, but nobody may delete it by push.
    const asMaintainer = authedRemote(
      t.gitlab.url,
      DUO_WORKFLOW,
      t.gitlab.tokens['alex.maintainer'],
    );
    await gitCli(['push', '--quiet', asMaintainer, 'main'], clone);
    await expect(
      gitCli(['push', asMaintainer, ':main'], clone),
    ).rejects.toThrow(/protected branches/);

    const branches = await t.api().Branches.all(DUO_WORKFLOW);
    expect(branches.map(b => b.name)).toEqual(['changelog', 'main']);
    const [head] = await t.api().Commits.all(DUO_WORKFLOW, { refName: 'main' });
    expect(head.title).toBe('docs: add changelog');
  });
});
