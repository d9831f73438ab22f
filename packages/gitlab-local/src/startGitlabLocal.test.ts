import { Gitlab } from '@gitbeaker/rest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGitlabLocal } from './startGitlabLocal';
import { AI_GATEWAY } from './__testUtils__/startTestGitlab';

describe('startGitlabLocal', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitlab-local-start-'));
  });
  afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

  async function startAndReadHead() {
    const started = Date.now();
    const gitlab = await startGitlabLocal({ dataDir });
    const elapsed = Date.now() - started;
    const api = new Gitlab({ host: gitlab.url, token: gitlab.token });
    const [commit] = await api.Commits.all(AI_GATEWAY);
    return { gitlab, api, elapsed, commitId: commit.id };
  }

  it('starts with the seed in under 3 seconds and reuses built repositories', async () => {
    const first = await startAndReadHead();
    expect(first.elapsed).toBeLessThan(3000);
    expect(first.gitlab.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.gitlab.apiUrl).toBe(`${first.gitlab.url}/api/v4`);
    expect(first.gitlab.token).toBe('glpat-local-root');
    const group = await first.api.Groups.show('gitlab-org/quality');
    await first.api.Projects.create({
      namespaceId: group.id,
      name: 'left-over',
    });
    await first.gitlab.stop();

    const second = await startAndReadHead();
    try {
      expect(second.elapsed).toBeLessThan(3000);
      // Same seed, same commits: the repositories came from the cache.
      expect(second.commitId).toBe(first.commitId);
      expect(await fs.readdir(path.join(dataDir, 'seed-cache'))).toHaveLength(
        1,
      );
      // State is per run: projects created before the restart are gone.
      const search = await second.api.Projects.all({ search: 'left-over' });
      expect(search).toEqual([]);
    } finally {
      await second.gitlab.stop();
    }
  });

  it('refuses to start with a broken seed and names the problem', async () => {
    const seedDir = path.join(dataDir, 'seed');
    await fs.mkdir(seedDir);
    await fs.writeFile(
      path.join(seedDir, 'manifest.yaml'),
      'users:\n  - { username: root, name: Root, admin: yes-please }\n',
    );
    await expect(startGitlabLocal({ dataDir, seedDir })).rejects.toThrow(
      'users[0].admin: Expected boolean, received string',
    );
  });

  it('uses a fixed external URL when given', async () => {
    const gitlab = await startGitlabLocal({
      dataDir,
      externalUrl: 'https://gitlab.example.test/',
    });
    try {
      expect(gitlab.url).toBe('https://gitlab.example.test');
      expect(gitlab.listenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(
        `${gitlab.listenUrl}/api/v4/projects/${encodeURIComponent(AI_GATEWAY)}`,
        { headers: { 'PRIVATE-TOKEN': gitlab.token } },
      );
      expect((await response.json()).web_url).toBe(
        `https://gitlab.example.test/${AI_GATEWAY}`,
      );
    } finally {
      await gitlab.stop();
    }
  });

  it('stops listening on stop()', async () => {
    const gitlab = await startGitlabLocal({ dataDir });
    await gitlab.stop();
    await expect(fetch(`${gitlab.apiUrl}/version`)).rejects.toThrow();
  });
});
