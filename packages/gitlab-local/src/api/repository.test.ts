import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  AI_GATEWAY,
  CLOUD_CONNECTOR,
  errorOf,
  PROMPT_LIBRARY,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('repository API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('lists the top level of the tree', async () => {
    const tree = await t.api().Repositories.allRepositoryTrees(AI_GATEWAY);
    const byPath = Object.fromEntries(tree.map(e => [e.path, e.type]));
    expect(byPath).toMatchObject({
      'pyproject.toml': 'blob',
      Dockerfile: 'blob',
      '.gitlab-ci.yml': 'blob',
      '.gitlab': 'tree',
      ai_gateway: 'tree',
      tests: 'tree',
    });
    expect(tree[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{40}$/),
      name: expect.any(String),
      type: expect.any(String),
      path: expect.any(String),
      mode: expect.stringMatching(/^(100644|100755|040000)$/),
    });
  });

  it('lists a subfolder recursively, across offset pages', async () => {
    const tree = await t
      .api()
      .Repositories.allRepositoryTrees(CLOUD_CONNECTOR, {
        path: 'src/python',
        recursive: true,
        perPage: 3,
      });
    const paths = tree.map(e => e.path);
    expect(paths).toContain('src/python/pyproject.toml');
    expect(paths).toContain('src/python/gitlab_cloud_connector/auth.py');
    expect(paths).toContain('src/python/tests');
    expect(paths.every(p => p.startsWith('src/python/'))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
    const limited = await t
      .api()
      .Repositories.allRepositoryTrees(CLOUD_CONNECTOR, {
        recursive: true,
        perPage: 5,
        maxPages: 2,
      });
    expect(limited).toHaveLength(10);
  });

  it('pages the recursive tree with keyset pagination', async () => {
    const offset = await t.api().Repositories.allRepositoryTrees(AI_GATEWAY, {
      recursive: true,
      perPage: 100,
    });
    const keyset = await t.api().Repositories.allRepositoryTrees(AI_GATEWAY, {
      recursive: true,
      pagination: 'keyset',
      perPage: 7,
    });
    expect(keyset.map(e => e.path)).toEqual(offset.map(e => e.path));
  });

  it('answers 404 for unknown tree paths and refs', async () => {
    expect(
      await statusOf(
        t.api().Repositories.allRepositoryTrees(AI_GATEWAY, { path: 'nope' }),
      ),
    ).toBe(404);
    expect(
      await statusOf(
        t.api().Repositories.allRepositoryTrees(AI_GATEWAY, { ref: 'nope' }),
      ),
    ).toBe(404);
  });

  it('reads raw files at a ref', async () => {
    const codeowners = await t
      .api()
      .RepositoryFiles.showRaw(AI_GATEWAY, '.gitlab/CODEOWNERS', 'main');
    expect(codeowners).toContain('* @gitlab-org/maintainers/ai-gateway');
    expect(codeowners).toContain('^[Infrastructure]');
    const pyproject = await t
      .api()
      .RepositoryFiles.showRaw(PROMPT_LIBRARY, 'pyproject.toml', 'main');
    expect(pyproject).toContain('promptlib = "eli5.cli:app"');
    // The branch is a real git ref, so reading through it works too.
    const stable = await t
      .api()
      .RepositoryFiles.showRaw(AI_GATEWAY, 'Dockerfile', 'stable-17-9-ee');
    expect(stable).toContain('USER aigateway');
  });

  it('reads files whose paths contain spaces', async () => {
    const template = await t
      .api()
      .RepositoryFiles.showRaw(
        PROMPT_LIBRARY,
        '.gitlab/issue_templates/Evaluation request.md',
        'main',
      );
    expect(template).toContain('## Dataset');
    expect(
      await statusOf(
        t
          .api()
          .RepositoryFiles.showRaw(PROMPT_LIBRARY, 'no such file.md', 'main'),
      ),
    ).toBe(404);
  });

  it('returns file metadata with base64 content', async () => {
    const file = await t
      .api()
      .RepositoryFiles.show(
        CLOUD_CONNECTOR,
        'src/python/pyproject.toml',
        'main',
      );
    const content = Buffer.from(file.content, 'base64');
    expect(file).toMatchObject({
      file_name: 'pyproject.toml',
      file_path: 'src/python/pyproject.toml',
      encoding: 'base64',
      ref: 'main',
      size: content.length,
      content_sha256: createHash('sha256').update(content).digest('hex'),
      blob_id: expect.stringMatching(/^[0-9a-f]{40}$/),
      last_commit_id: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(content.toString()).toContain('name = "gitlab-cloud-connector"');
  });

  it('answers HEAD on files like GitLab (used by Backstage discovery)', async () => {
    const url = (file: string) =>
      `${t.gitlab.apiUrl}/projects/${encodeURIComponent(
        AI_GATEWAY,
      )}/repository/files/${encodeURIComponent(file)}?ref=main`;
    const headers = { 'PRIVATE-TOKEN': t.gitlab.token };
    const found = await fetch(url('pyproject.toml'), {
      method: 'HEAD',
      headers,
    });
    expect(found.status).toBe(200);
    expect(found.headers.get('x-gitlab-file-path')).toBe('pyproject.toml');
    const missing = await fetch(url('catalog-info.yaml'), {
      method: 'HEAD',
      headers,
    });
    expect(missing.status).toBe(404);
  });

  it('reports missing files, refs and parameters', async () => {
    const missing = await errorOf(
      t.api().RepositoryFiles.showRaw(AI_GATEWAY, 'nope.txt', 'main'),
    );
    expect(missing).toEqual({ status: 404, description: '404 File Not Found' });
    const noProject = await errorOf(
      t.api().RepositoryFiles.showRaw('gitlab-org/nope', 'README.md', 'main'),
    );
    expect(noProject).toEqual({
      status: 404,
      description: '404 Project Not Found',
    });
    const noRef = await fetch(
      `${t.gitlab.apiUrl}/projects/${encodeURIComponent(
        AI_GATEWAY,
      )}/repository/files/README.md`,
      { headers: { 'PRIVATE-TOKEN': t.gitlab.token } },
    );
    expect(noRef.status).toBe(400);
    expect(await noRef.json()).toEqual({ error: 'ref is missing' });
  });

  it('lists and shows commits', async () => {
    const commits = await t.api().Commits.all(AI_GATEWAY, { refName: 'main' });
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({
      title: 'chore: import AI Gateway snapshot',
      author_name: 'Alex Maintainer (placeholder)',
      author_email: 'alex.maintainer@example.com',
      committed_date: '2025-01-14T16:42:00.000+00:00',
      parent_ids: [],
    });
    const shown = await t.api().Commits.show(AI_GATEWAY, commits[0].id);
    expect(shown.id).toBe(commits[0].id);
    expect(await statusOf(t.api().Commits.show(AI_GATEWAY, 'deadbeef'))).toBe(
      404,
    );
    const byPath = await t
      .api()
      .Commits.all(AI_GATEWAY, { path: 'no/such/file' });
    expect(byPath).toEqual([]);
  });

  it('serves archives to gitbeaker', async () => {
    const archive = (await t.api().Repositories.showArchive(AI_GATEWAY, {
      sha: 'main',
    })) as unknown as Blob;
    const bytes = Buffer.from(await archive.arrayBuffer());
    // gzip magic number, then a tar of the whole tree.
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).toString('latin1')).toContain('def create_app(');
  });

  it('downloads a tar.gz archive of a subfolder', async () => {
    const response = await fetch(
      `${t.gitlab.apiUrl}/projects/${encodeURIComponent(
        CLOUD_CONNECTOR,
      )}/repository/archive?sha=main&path=src/python`,
      { headers: { 'PRIVATE-TOKEN': t.gitlab.token } },
    );
    expect(response.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitlab-local-archive-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a.tar.gz'),
        Buffer.from(await response.arrayBuffer()),
      );
      const listing = execFileSync('tar', [
        '-tzf',
        path.join(dir, 'a.tar.gz'),
      ]).toString();
      expect(listing).toMatch(
        /^gitlab-cloud-connector-[0-9a-f]{40}-[0-9a-f]{40}\/src\/python\/pyproject.toml$/m,
      );
      const files = listing
        .trim()
        .split('\n')
        .filter(entry => !entry.endsWith('/'));
      expect(files.every(entry => entry.includes('/src/python/'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
