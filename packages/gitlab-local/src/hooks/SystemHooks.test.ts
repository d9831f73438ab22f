import http from 'node:http';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { authedRemote, gitCli } from '../__testUtils__/gitCli';
import {
  AI_GATEWAY,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';
import { branchUpdates } from './SystemHooks';

describe('system hooks', () => {
  let gitlab: TestGitlab;
  let receiver: http.Server;
  const received: Array<{ headers: http.IncomingHttpHeaders; body: any }> = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(202).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    gitlab = await startTestGitlab();
  });
  afterAll(async () => {
    await gitlab.stop();
    receiver.close();
  });

  it('are managed by admins through the REST API', async () => {
    const port = (receiver.address() as { port: number }).port;
    const created = await gitlab
      .api()
      .SystemHooks.create(`http://127.0.0.1:${port}/hook`, {
        token: 'demo-secret',
        pushEvents: true,
      });
    expect(created).toMatchObject({ push_events: true });
    expect(await gitlab.api().SystemHooks.all()).toHaveLength(1);
    await expect(gitlab.api('eli.newcomer').SystemHooks.all()).rejects.toThrow(
      /Forbidden/,
    );
  });

  it("post GitLab's push event with the hook's token after a push", async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-push-'));
    try {
      const remote = authedRemote(
        gitlab.gitlab.url,
        AI_GATEWAY,
        gitlab.gitlab.token,
      );
      await gitCli(['clone', '-q', remote, work], os.tmpdir());
      await fs.writeFile(path.join(work, 'CHANGELOG.md'), '# Changes\n');
      await gitCli(['add', '.'], work);
      await gitCli(['commit', '-qm', 'Add a changelog'], work);
      await gitCli(['push', '-q', 'origin', 'HEAD:main'], work);
      const head = (await gitCli(['rev-parse', 'HEAD'], work)).trim();
      // The delivery is recorded once the sender has read the answer,
      // a moment after the receiver saw the request.
      const deadline = Date.now() + 10_000;
      while (
        !(received.length && gitlab.gitlab.systemHooks.deliveries.length) &&
        Date.now() < deadline
      ) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(received).toHaveLength(1);
      expect(received[0].headers).toMatchObject({
        'x-gitlab-event': 'System Hook',
        'x-gitlab-token': 'demo-secret',
      });
      expect(received[0].body).toMatchObject({
        event_name: 'push',
        ref: 'refs/heads/main',
        after: head,
        user_username: 'root',
        project: { path_with_namespace: AI_GATEWAY, default_branch: 'main' },
      });
      expect(gitlab.gitlab.systemHooks.deliveries).toEqual([
        { hookId: 1, ref: 'refs/heads/main', status: 202 },
      ]);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
  it('post project and membership system events to every hook', async () => {
    const api = gitlab.api();
    const waitFor = async (eventName: string) => {
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        const hit = received.find(r => r.body.event_name === eventName);
        if (hit) return hit;
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      throw new Error(`no ${eventName} event`);
    };
    const project = await api.Projects.show(AI_GATEWAY);
    await api.Projects.archive(project.id);
    await api.Projects.unarchive(project.id);
    const update = await waitFor('project_update');
    expect(update.headers['x-gitlab-event']).toBe('System Hook');
    expect(update.headers['x-gitlab-token']).toBe('demo-secret');
    expect(update.body).toMatchObject({
      project_id: project.id,
      path_with_namespace: AI_GATEWAY,
    });

    const bea = (await api.Users.all({ username: 'bea.reviewer' }))[0];
    await api.ProjectMembers.add(project.id, 40, { userId: bea.id });
    expect((await waitFor('user_add_to_team')).body).toMatchObject({
      project_id: project.id,
      project_path_with_namespace: AI_GATEWAY,
      user_username: 'bea.reviewer',
      access_level: 'Maintainer',
    });
    await api.ProjectMembers.remove(project.id, bea.id);
    await waitFor('user_remove_from_team');

    const created = await api.Projects.create({
      name: 'hooked',
      path: 'hooked',
    });
    expect((await waitFor('project_create')).body.project_id).toBe(created.id);
    await api.Projects.edit(created.id, { path: 'hooked-renamed' });
    expect((await waitFor('project_rename')).body).toMatchObject({
      path_with_namespace: 'root/hooked-renamed',
      old_path_with_namespace: 'root/hooked',
    });
    await api.Projects.transfer(created.id, 'gitlab-org/ruby');
    expect((await waitFor('project_transfer')).body).toMatchObject({
      path_with_namespace: 'gitlab-org/ruby/hooked-renamed',
      old_path_with_namespace: 'root/hooked-renamed',
    });
    await api.Projects.remove(created.id);
    expect((await waitFor('project_destroy')).body.project_id).toBe(created.id);
  });
});

describe('branchUpdates', () => {
  it('names created, moved and deleted branches', () => {
    const zero = '0'.repeat(40);
    expect(
      branchUpdates(
        [
          { name: 'main', commit: 'a' },
          { name: 'old', commit: 'b' },
          { name: 'same', commit: 'c' },
        ],
        [
          { name: 'main', commit: 'd' },
          { name: 'new', commit: 'e' },
          { name: 'same', commit: 'c' },
        ],
      ),
    ).toEqual([
      { branch: 'main', before: 'a', after: 'd' },
      { branch: 'new', before: zero, after: 'e' },
      { branch: 'old', before: 'b', after: zero },
    ]);
  });
});
