import {
  AI_GATEWAY,
  SEED_PROJECT_COUNT,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

const PROJECT_ROUTE = 'GET /api/v4/projects/:id';
const LIST_ROUTE = 'GET /api/v4/projects';

describe('fault injection and stats', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.gitlab.setFaults({});
    t.gitlab.resetStats();
  });

  const control = (path: string, init?: RequestInit) =>
    fetch(`${t.gitlab.url}/-/local${path}`, init);

  it('adds latency', async () => {
    t.gitlab.setFaults({ latencyMs: 150 });
    const started = Date.now();
    await t.api().Projects.show(AI_GATEWAY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(t.gitlab.stats().faultsInjected.latency).toBe(1);
  });

  it('answers 429 with Retry-After and RateLimit headers', async () => {
    t.gitlab.setFaults({
      rules: [
        {
          kind: 'rateLimit',
          retryAfterSeconds: 7,
          route: PROJECT_ROUTE,
          times: 1,
        },
      ],
    });
    const response = await fetch(
      `${t.gitlab.apiUrl}/projects/${encodeURIComponent(AI_GATEWAY)}`,
      {
        headers: { 'PRIVATE-TOKEN': t.gitlab.token },
      },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
    expect(await response.text()).toBe('Retry later\n');
  });

  it('gitbeaker retries a 429 on its own backoff (it does not wait for Retry-After)', async () => {
    t.gitlab.setFaults({
      rules: [
        {
          kind: 'rateLimit',
          retryAfterSeconds: 5,
          route: PROJECT_ROUTE,
          times: 2,
        },
      ],
    });
    const started = Date.now();
    const project = await t.api().Projects.show(AI_GATEWAY);
    expect(project.path).toBe('ai-assist');
    // gitbeaker 43 sleeps 2^i * 0.25 ms between retries and ignores Retry-After;
    // callers that must respect it need their own rate limiter.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(t.gitlab.stats().routes[PROJECT_ROUTE].statuses).toEqual({
      429: 2,
      200: 1,
    });
  });

  it('fails with 500 (not retried) and recovers from a 502 (retried)', async () => {
    t.gitlab.setFaults({
      rules: [{ kind: 'error', status: 500, route: PROJECT_ROUTE, times: 1 }],
    });
    expect(await statusOf(t.api().Projects.show(AI_GATEWAY))).toBe(500);
    expect((await t.api().Projects.show(AI_GATEWAY)).path).toBe('ai-assist');

    t.gitlab.setFaults({
      rules: [{ kind: 'error', status: 502, route: PROJECT_ROUTE, times: 1 }],
    });
    t.gitlab.resetStats();
    expect((await t.api().Projects.show(AI_GATEWAY)).path).toBe('ai-assist');
    expect(t.gitlab.stats().routes[PROJECT_ROUTE].statuses).toEqual({
      502: 1,
      200: 1,
    });
  });

  it('drops connections without an answer', async () => {
    t.gitlab.setFaults({
      rules: [{ kind: 'drop', route: PROJECT_ROUTE, times: 1 }],
    });
    await expect(t.api().Projects.show(AI_GATEWAY)).rejects.toThrow(
      /fetch failed/,
    );
    expect(t.gitlab.stats().routes[PROJECT_ROUTE].statuses).toEqual({
      dropped: 1,
    });
  });

  it('fails page 2 of an offset-paginated list once', async () => {
    t.gitlab.setFaults({
      rules: [
        { kind: 'error', status: 500, route: LIST_ROUTE, page: 2, times: 1 },
      ],
    });
    expect(await statusOf(t.api().Projects.all({ perPage: 3 }))).toBe(500);
    expect(t.gitlab.stats().routes[LIST_ROUTE].statuses).toEqual({
      200: 1,
      500: 1,
    });
    expect(await t.api().Projects.all({ perPage: 3 })).toHaveLength(
      SEED_PROJECT_COUNT,
    );
  });

  it('fails the second request of a keyset walk once', async () => {
    t.gitlab.setFaults({
      rules: [
        { kind: 'error', status: 503, route: LIST_ROUTE, skip: 1, times: 1 },
      ],
    });
    const walk = () =>
      t.api().Projects.all({
        pagination: 'keyset',
        orderBy: 'id',
        sort: 'asc',
        perPage: 4,
      });
    expect(await statusOf(walk())).toBe(503);
    expect(await walk()).toHaveLength(SEED_PROJECT_COUNT);
  });

  it('sets faults and reads stats over HTTP', async () => {
    const set = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [{ kind: 'error', status: 502, route: PROJECT_ROUTE }],
      }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      latencyMs: 0,
      rules: [{ kind: 'error', status: 502, route: PROJECT_ROUTE }],
    });
    const failing = await fetch(`${t.gitlab.apiUrl}/projects/1000`, {
      headers: { 'PRIVATE-TOKEN': t.gitlab.token },
    });
    expect(failing.status).toBe(502);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(200);

    const stats = await (await control('/stats')).json();
    expect(stats.routes[PROJECT_ROUTE]).toEqual({
      count: 1,
      statuses: { 502: 1 },
    });
    expect(stats.faultsInjected.error).toBe(1);
    await control('/stats/reset', { method: 'POST' });
    expect((await (await control('/stats')).json()).totalRequests).toBe(0);
  });

  it('rejects bad fault bodies naming the field', async () => {
    const bad = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ kind: 'error', status: 418 }] }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(
      /^Invalid faults: rules\.0\.status/,
    );
    const notJson = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('normalises routes in stats', async () => {
    await t.api().Projects.show(AI_GATEWAY);
    await t.api().Projects.show(1001);
    await t.api().RepositoryFiles.showRaw(AI_GATEWAY, 'README.md', 'main');
    const { routes, totalRequests } = t.gitlab.stats();
    expect(totalRequests).toBe(3);
    expect(routes[PROJECT_ROUTE].count).toBe(2);
    expect(
      routes['GET /api/v4/projects/:id/repository/files/:file_path/raw'].count,
    ).toBe(1);
  });
});

describe('faults passed at start', () => {
  it('apply from the first request', async () => {
    const t = await startTestGitlab({
      faults: { rules: [{ kind: 'error', status: 500, times: 1 }] },
    });
    try {
      expect(await statusOf(t.api().Users.showCurrentUser())).toBe(500);
      expect((await t.api().Users.showCurrentUser()).username).toBe('root');
    } finally {
      await t.stop();
    }
  });
});
