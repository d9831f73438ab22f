import { Gitlab } from '@gitbeaker/rest';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localGitlabSignInConfig } from './__testUtils__/conformanceDemoConfig';
import { signInWithGitlab } from './__testUtils__/signInWithGitlab';
import {
  BackendProcess,
  repoRoot,
  startBackendProcess,
  waitForCatalog,
} from './testing/startBackendProcess';
import { demoCatalogProviders } from './testing/demoCatalogProviders';

jest.setTimeout(240_000);

const PRIVATE_PROJECT = 'gitlab-org/quality/triage-report-scripts';
const WRITE_SCOPES = 'read_user read_api read_repository write_repository api';

/**
 * A template that uses only actions the policy allows non-admins (the same
 * ones the published templates use), with what a person could vary as
 * parameters: where to fetch from and where to publish.
 */
function writeProbeTemplate(dir: string) {
  // A folder the policy lets non-admins fetch (SKELETON_URLS).
  fs.mkdirSync(path.join(dir, 'skeletons', 'shared'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'skeletons', 'shared', 'README.md'),
    '# probe\n',
  );
  fs.writeFileSync(
    path.join(dir, 'template.yaml'),
    JSON.stringify({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'permission-probe' },
      spec: {
        owner: 'group:default/python-working-group',
        type: 'service',
        parameters: [
          {
            properties: {
              repoUrl: { type: 'string' },
              fetchUrl: { type: 'string', default: './skeletons/shared' },
            },
          },
        ],
        steps: [
          {
            id: 'fetch',
            action: 'fetch:template',
            input: { url: '${{ parameters.fetchUrl }}' },
          },
          {
            id: 'publish',
            action: 'publish:gitlab',
            input: {
              repoUrl: '${{ parameters.repoUrl }}',
              defaultBranch: 'main',
              token: '${{ secrets.USER_OAUTH_TOKEN }}',
            },
          },
        ],
      },
    }),
  );
}

describe("permissions and the person's own GitLab rights (real backend, local GitLab)", () => {
  let gitlab: GitlabLocal;
  let backend: BackendProcess;
  let dataDir: string;
  let templateDir: string;
  let root: InstanceType<typeof Gitlab>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-permissions-'));
    templateDir = path.join(dataDir, 'template');
    writeProbeTemplate(templateDir);
    gitlab = await startGitlabLocal({ dataDir: path.join(dataDir, 'gitlab') });
    root = new Gitlab({ host: gitlab.url, token: gitlab.token });
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      overrides: {
        ...localGitlabSignInConfig(gitlab),
        // People and groups from this GitLab (the gitlab-org provider).
        catalog: {
          ...demoCatalogProviders(gitlab, { discovery: false }),
          locations: [
            {
              type: 'file',
              target: path.join(repoRoot, 'catalog/org.yaml'),
              rules: [{ allow: ['User', 'Group'] }],
            },
            {
              type: 'file',
              target: path.join(templateDir, 'template.yaml'),
              rules: [{ allow: ['Template'] }],
            },
          ],
        },
      },
    });
    await waitForCatalog(
      backend,
      'entities/by-query?filter=kind=user,metadata.name=eli.newcomer&filter=kind=template,metadata.name=permission-probe',
      (body: { items: unknown[] }) => body.items.length === 2,
    );
  });

  afterAll(async () => {
    await backend?.stop();
    await gitlab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (token: string, route: string, init: RequestInit = {}) =>
    fetch(`${backend.baseUrl}/api/${route}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers as object),
      },
    });

  async function runTask(
    token: string,
    values: Record<string, string>,
    secrets: Record<string, string>,
  ) {
    const created = await api(token, 'scaffolder/v2/tasks', {
      method: 'POST',
      body: JSON.stringify({
        templateRef: 'template:default/permission-probe',
        // Parameter defaults are filled in by the form, not the API.
        values: { fetchUrl: './skeletons/shared', ...values },
        secrets,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const task = await (await api(token, `scaffolder/v2/tasks/${id}`)).json();
      if (['completed', 'failed', 'cancelled'].includes(task.status)) {
        const events = await (
          await api(token, `scaffolder/v2/tasks/${id}/events`)
        ).json();
        const log = events
          .map((e: { body: { message?: string } }) => e.body.message ?? '')
          .join('\n');
        return { id, status: task.status as string, log };
      }
      if (Date.now() > deadline) throw new Error(`task ${id} did not finish`);
      await new Promise(r => setTimeout(r, 500));
    }
  }

  const repoUrl = (owner: string, repo: string) =>
    `${gitlab.integration.host}?owner=${owner}&repo=${repo}`;

  it('signs people in with GitLab as their catalog user', async () => {
    const eli = await signInWithGitlab(backend.baseUrl, 'eli.newcomer');
    expect(eli.userEntityRef).toBe('user:default/eli.newcomer');
    expect(eli.scope).toBe('read_user');
    const me = await new Gitlab({
      host: gitlab.url,
      oauthToken: eli.gitlabToken,
    }).Users.showCurrentUser();
    expect(me.username).toBe('eli.newcomer');
  });

  it("refuses a non-admin's dry run and allows the admin's", async () => {
    const template = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'inline' },
      spec: {
        type: 'service',
        steps: [
          {
            id: 'read',
            action: 'fetch:plain',
            input: {
              url: `${gitlab.url}/${PRIVATE_PROJECT}/-/tree/main`,
            },
          },
        ],
      },
    };
    const body = JSON.stringify({
      template,
      values: {},
      directoryContents: [],
    });
    const eli = await signInWithGitlab(backend.baseUrl, 'eli.newcomer');
    const refused = await api(eli.backstageToken, 'scaffolder/v2/dry-run', {
      method: 'POST',
      body,
    });
    expect(refused.status).toBe(403);

    const admin = await signInWithGitlab(backend.baseUrl, 'root');
    const allowed = await api(admin.backstageToken, 'scaffolder/v2/dry-run', {
      method: 'POST',
      body,
    });
    expect(allowed.status).toBe(200);
  });

  it("publishes with the person's own token: GitLab refuses a group they are not in, allows their own namespace", async () => {
    const eli = await signInWithGitlab(
      backend.baseUrl,
      'eli.newcomer',
      WRITE_SCOPES,
    );
    const secrets = { USER_OAUTH_TOKEN: eli.gitlabToken };

    const intoGroup = await runTask(
      eli.backstageToken,
      { repoUrl: repoUrl('gitlab-org', 'eli-was-here') },
      secrets,
    );
    expect(intoGroup.status).toBe('failed');
    expect(intoGroup.log).toMatch(/403|Forbidden/);
    await expect(
      root.Projects.show('gitlab-org/eli-was-here'),
    ).rejects.toThrow();

    const own = await runTask(
      eli.backstageToken,
      { repoUrl: repoUrl('eli.newcomer', 'eli-sandbox') },
      secrets,
    );
    expect(own).toMatchObject({ status: 'completed' });
    const project = await root.Projects.show('eli.newcomer/eli-sandbox');
    const creator = await root.Users.show(project.creator_id as number);
    expect(creator.username).toBe('eli.newcomer');
  });

  it("refuses GitLab steps without the person's token instead of using the integration's", async () => {
    const eli = await signInWithGitlab(backend.baseUrl, 'eli.newcomer');
    const task = await runTask(
      eli.backstageToken,
      { repoUrl: repoUrl('gitlab-org', 'with-integration-token') },
      {},
    );
    expect(task.status).toBe('failed');
    expect(task.log).toMatch(/Unauthorized action: publish:gitlab/);
    await expect(
      root.Projects.show('gitlab-org/with-integration-token'),
    ).rejects.toThrow();
  });

  it('cannot read a private repository through the scaffolder', async () => {
    const eli = await signInWithGitlab(
      backend.baseUrl,
      'eli.newcomer',
      WRITE_SCOPES,
    );
    const task = await runTask(
      eli.backstageToken,
      {
        fetchUrl: `${gitlab.url}/${PRIVATE_PROJECT}/-/tree/main`,
        repoUrl: repoUrl('eli.newcomer', 'stolen-copy'),
      },
      { USER_OAUTH_TOKEN: eli.gitlabToken },
    );
    expect(task.status).toBe('failed');
    expect(task.log).toMatch(/Unauthorized action: fetch:template/);
    await expect(
      root.Projects.show('eli.newcomer/stolen-copy'),
    ).rejects.toThrow();
  });

  it('shows a person only their own tasks, and the guest nothing to create', async () => {
    const dana = await signInWithGitlab(
      backend.baseUrl,
      'dana.owner',
      WRITE_SCOPES,
    );
    const danaTask = await runTask(
      dana.backstageToken,
      { repoUrl: repoUrl('gitlab-org', 'dana-service') },
      { USER_OAUTH_TOKEN: dana.gitlabToken },
    );
    // dana.owner owns gitlab-org on GitLab, so her own token may create there.
    expect(danaTask.status).toBe('completed');

    const eli = await signInWithGitlab(backend.baseUrl, 'eli.newcomer');
    const peek = await api(
      eli.backstageToken,
      `scaffolder/v2/tasks/${danaTask.id}`,
    );
    expect(peek.status).toBe(403);
    const list = await (
      await api(eli.backstageToken, 'scaffolder/v2/tasks')
    ).json();
    expect(list.tasks.map((t: { id: string }) => t.id)).not.toContain(
      danaTask.id,
    );

    const guest = await (
      await fetch(`${backend.baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      })
    ).json();
    const refused = await api(
      guest.backstageIdentity.token,
      'scaffolder/v2/tasks',
      {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/permission-probe',
          values: { repoUrl: repoUrl('eli.newcomer', 'guest') },
        }),
      },
    );
    expect(refused.status).toBe(403);
  });
});
