import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import { Gitlab } from '@gitbeaker/rest';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DiscoveryStore } from '../database/DiscoveryStore';
import { GitlabPythonDiscoveryProvider } from './GitlabPythonDiscoveryProvider';
import { projectEventOf } from './gitlabEvents';

jest.setTimeout(120_000);

const execFileAsync = promisify(execFile);
const DUO = 'gitlab-org/duo-workflow/duo-workflow-service';
const LEGACY = 'gitlab-org/quality/triage-report-scripts';
const EMBEDDINGS = 'gitlab-org/modelops/applied-ml/legacy-embeddings-service';
const PROMPTS =
  'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library';

const slugOf = (e: Entity) =>
  e.metadata.annotations!['gitlab.com/project-slug'];

/**
 * Each kind of change to a GitLab project, made on the local GitLab, and
 * what discovery emits after the next scan or the project's event.
 */
describe('GitlabPythonDiscoveryProvider: changes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let gitlab: GitlabLocal;
  let dataDir: string;
  let root: InstanceType<typeof Gitlab>;
  let provider: GitlabPythonDiscoveryProvider;
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  const logger = mockServices.logger.mock();

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'py-discovery-changes-'));
    gitlab = await startGitlabLocal({ dataDir });
    root = new Gitlab({ host: gitlab.url, token: gitlab.token });
    const knex = await databases.init('SQLITE_3');
    const store = await DiscoveryStore.create({ getClient: async () => knex });
    const config = new ConfigReader({
      integrations: { gitlab: [gitlab.integration] },
      catalog: {
        providers: {
          pythonStewardship: {
            local: {
              host: gitlab.integration.host,
              group: 'gitlab-org',
              schedule: { frequency: { minutes: 30 }, timeout: 'PT5M' },
            },
          },
        },
      },
    });
    [provider] = GitlabPythonDiscoveryProvider.fromConfig(config, {
      logger,
      scheduler: mockServices.scheduler.mock(),
      store,
    });
    await provider.connect(connection);
    await provider.refresh(logger);
  });
  afterAll(async () => {
    await gitlab.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  /** The newest full mutation's entities. */
  function emitted(): Entity[] {
    const calls = connection.applyMutation.mock.calls.filter(
      ([m]) => m.type === 'full',
    );
    const mutation = calls[calls.length - 1][0];
    return (mutation.entities as DeferredEntity[]).map(e => e.entity);
  }
  const bySlug = (slug: string) => emitted().find(e => slugOf(e) === slug);

  async function scan() {
    gitlab.resetStats();
    const run = await provider.refresh(logger);
    return { run, stats: gitlab.stats() };
  }

  /** Commits files to a project's default branch with git, as a person would. */
  async function push(project: string, files: Record<string, string>) {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'py-discovery-push-'));
    const git = (...args: string[]) =>
      execFileAsync('git', args, {
        cwd: work,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Alex',
          GIT_AUTHOR_EMAIL: 'alex@example.com',
          GIT_COMMITTER_NAME: 'Alex',
          GIT_COMMITTER_EMAIL: 'alex@example.com',
        },
      });
    try {
      const remote = gitlab.url.replace('://', `://oauth2:${gitlab.token}@`);
      await git('clone', '-q', `${remote}/${project}.git`, '.');
      for (const [file, content] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(work, file)), {
          recursive: true,
        });
        await fs.writeFile(path.join(work, file), content);
      }
      await git('add', '.');
      await git('commit', '-qm', 'Change');
      await git('push', '-q', 'origin', 'HEAD:main');
      return (await git('rev-parse', 'HEAD')).stdout.trim();
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  }

  it('reads a project again after a new commit, and nothing else', async () => {
    await push(EMBEDDINGS, { 'NOTES.md': '# Notes\n' });
    const { run, stats } = await scan();
    expect(run).toMatchObject({ outcome: 'applied', projectsFailed: 0 });
    // The list page plus at most 3 requests for the one changed project.
    expect(stats.totalRequests).toBeLessThanOrEqual(4);
    expect(stats.totalRequests).toBeGreaterThan(1);
    expect(bySlug(EMBEDDINGS)).toBeDefined();
  });

  it('follows an edited CODEOWNERS', async () => {
    await push(DUO, {
      '.gitlab/CODEOWNERS': '[Development]\n* @bea.reviewer\n',
    });
    await scan();
    expect(
      bySlug(DUO)!.metadata.annotations!['python-stewardship.io/maintainers'],
    ).toBe('user:bea.reviewer');
  });

  it('follows changed members from the member event (members do not move last activity)', async () => {
    const project = await root.Projects.show(LEGACY);
    const bea = (await root.Users.all({ username: 'bea.reviewer' }))[0];
    await root.ProjectMembers.add(project.id, 40, { userId: bea.id });
    // The sweep cannot see it: same activity, same entity.
    await scan();
    expect(
      bySlug(LEGACY)!.metadata.annotations![
        'python-stewardship.io/maintainers'
      ],
    ).toBe('user:dana.owner');
    // GitLab's user_add_to_team system hook says so; one project is read.
    const event = projectEventOf({
      topic: 'gitlab.user_add_to_team',
      eventPayload: {
        event_name: 'user_add_to_team',
        project_id: project.id,
        project_path_with_namespace: LEGACY,
      },
    })!;
    gitlab.resetStats();
    const run = await provider.refreshProject(event.projectId, logger, event);
    expect(run.projectsChanged).toBe(1);
    expect(gitlab.stats().totalRequests).toBeLessThanOrEqual(4);
    const delta = connection.applyMutation.mock.calls.at(-1)![0];
    expect(delta.type).toBe('delta');
    expect(
      delta.added[0].entity.metadata.annotations[
        'python-stewardship.io/maintainers'
      ],
    ).toBe('user:bea.reviewer, user:dana.owner');
    // The next sweep keeps it.
    await scan();
    expect(
      bySlug(LEGACY)!.metadata.annotations![
        'python-stewardship.io/maintainers'
      ],
    ).toBe('user:bea.reviewer, user:dana.owner');
  });

  it('marks an archived project deprecated without reading its repository', async () => {
    await root.Projects.archive(PROMPTS);
    const { stats } = await scan();
    expect(stats.totalRequests).toBe(1);
    expect(bySlug(PROMPTS)!.spec!.lifecycle).toBe('deprecated');
    await root.Projects.unarchive(PROMPTS);
    await scan();
    expect(bySlug(PROMPTS)!.spec!.lifecycle).toBe('production');
  });

  it('renames: the entity follows the new path and the old name is gone', async () => {
    const before = bySlug(EMBEDDINGS)!.metadata.name;
    await root.Projects.edit(EMBEDDINGS, { path: 'embeddings-service' });
    await scan();
    const renamed = 'gitlab-org/modelops/applied-ml/embeddings-service';
    expect(bySlug(renamed)!.metadata.name).toBe(
      'modelops-applied-ml-embeddings-service',
    );
    expect(emitted().map(e => e.metadata.name)).not.toContain(before);
  });

  it('transfers: the owner follows the new group', async () => {
    await root.Projects.transfer(LEGACY, 'gitlab-org/python-examples');
    await scan();
    const moved = bySlug('gitlab-org/python-examples/triage-report-scripts')!;
    expect(moved.spec!.owner).toBe('group:python-examples');
    expect(moved.metadata.name).toBe('python-examples-triage-report-scripts');
    expect(bySlug(LEGACY)).toBeUndefined();
  });

  it('deletes: the entity is removed by the next scan, or at once by the event', async () => {
    const project = await root.Projects.show(
      'gitlab-org/python-examples/triage-report-scripts',
    );
    await root.Projects.remove(project.id);
    const event = projectEventOf({
      topic: 'gitlab.project_destroy',
      eventPayload: { event_name: 'project_destroy', project_id: project.id },
    })!;
    gitlab.resetStats();
    await provider.refreshProject(event.projectId, logger, event);
    expect(gitlab.stats().totalRequests).toBe(0);
    const delta = connection.applyMutation.mock.calls.at(-1)![0];
    expect(delta).toMatchObject({ type: 'delta', added: [] });
    expect(delta.removed[0].entity.metadata.name).toBe(
      'python-examples-triage-report-scripts',
    );
    await scan();
    expect(emitted().some(e => e.metadata.name.includes('triage'))).toBe(false);
  });

  it('updates one project from its push event; pushes to other branches cost nothing', async () => {
    const project = await root.Projects.show(DUO);
    const commit = await push(DUO, {
      '.gitlab/CODEOWNERS': '[Development]\n* @gitlab-org/maintainers/python\n',
    });
    const pushEvent = (ref: string) =>
      projectEventOf({
        topic: 'gitlab.push',
        eventPayload: {
          event_name: 'push',
          ref,
          after: commit,
          project_id: project.id,
          project: { default_branch: 'main', path_with_namespace: DUO },
        },
      });
    expect(pushEvent('refs/heads/feature')).toBeUndefined();
    const event = pushEvent('refs/heads/main')!;
    gitlab.resetStats();
    const started = Date.now();
    await provider.refreshProject(event.projectId, logger, event);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(gitlab.stats().totalRequests).toBeLessThanOrEqual(4);
    const delta = connection.applyMutation.mock.calls.at(-1)![0];
    expect(
      delta.added[0].entity.metadata.annotations[
        'python-stewardship.io/maintainers'
      ],
    ).toBe('group:maintainers-python');
    // The same event again: the stored commit matches, one request.
    gitlab.resetStats();
    const again = await provider.refreshProject(event.projectId, logger, event);
    expect(again.projectsChanged).toBe(0);
    expect(gitlab.stats().totalRequests).toBe(1);
  });
});
