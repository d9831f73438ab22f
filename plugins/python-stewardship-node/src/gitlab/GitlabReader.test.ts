import {
  AI_GATEWAY,
  startTestGitlab,
  TestGitlab,
} from '@internal/gitlab-local/src/__testUtils__/startTestGitlab';
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

  it('reads a project head, its tree and several files in four requests', async () => {
    const r = reader();
    const head = await r.projectHead(AI_GATEWAY);
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
    expect(r.requestCount).toBe(4);
  });

  it('honours Retry-After on 429 and retries 500s, with the same answers', async () => {
    gitlab.gitlab.setFaults({
      rules: [
        { kind: 'rateLimit', retryAfterSeconds: 0, times: 2 },
        { kind: 'error', status: 500, times: 2 },
      ],
    });
    const r = reader();
    const head = await r.projectHead(AI_GATEWAY);
    const read = await r.readFiles(AI_GATEWAY, head.commitId!, [
      'pyproject.toml',
    ]);
    expect(read).toHaveLength(1);
    expect(r.requestCount).toBe(3 + 4);
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
