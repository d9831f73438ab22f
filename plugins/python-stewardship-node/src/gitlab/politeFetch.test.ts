import { createPoliteFetch, retryAfterMs } from './politeFetch';

function scripted(statuses: Array<number | Error>, retryAfter?: string) {
  const seen: string[] = [];
  const fetchFn = jest.fn(async (request: Request) => {
    seen.push(`${request.method} ${await request.text()}`);
    const next = statuses.shift() ?? 200;
    if (next instanceof Error) throw next;
    return new Response(next === 200 ? 'ok' : 'no', {
      status: next,
      headers: next === 429 && retryAfter ? { 'retry-after': retryAfter } : {},
    });
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, seen };
}

describe('createPoliteFetch', () => {
  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    const waits: number[] = [];
    const { fetchFn } = scripted([429, 429], '7');
    const politeFetch = createPoliteFetch({
      fetch: fetchFn,
      sleep: async ms => {
        waits.push(ms);
      },
    });
    const response = await politeFetch(new Request('http://gitlab.test/x'));
    expect(response.status).toBe(200);
    expect(waits).toEqual([7000, 7000]);
  });

  it('backs off exponentially on 5xx and network errors, resending the body', async () => {
    const waits: number[] = [];
    const { fetchFn, seen } = scripted([
      500,
      new TypeError('socket hang up'),
      502,
    ]);
    const politeFetch = createPoliteFetch({
      fetch: fetchFn,
      baseDelayMs: 100,
      sleep: async ms => {
        waits.push(ms);
      },
    });
    const response = await politeFetch(
      new Request('http://gitlab.test/api/graphql', {
        method: 'POST',
        body: '{"query":"q"}',
      }),
    );
    expect(response.status).toBe(200);
    expect(seen).toEqual(Array(4).fill('POST {"query":"q"}'));
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(125);
    expect(waits[2]).toBeGreaterThanOrEqual(300);
    expect(waits[2]).toBeLessThanOrEqual(500);
  });

  it('gives the last response back after maxAttempts and never retries a 404', async () => {
    const { fetchFn } = scripted([503, 503, 503]);
    const politeFetch = createPoliteFetch({
      fetch: fetchFn,
      maxAttempts: 3,
      sleep: async () => {},
    });
    expect(
      (await politeFetch(new Request('http://gitlab.test/x'))).status,
    ).toBe(503);
    const notFound = scripted([404]);
    const once = createPoliteFetch({
      fetch: notFound.fetchFn,
      sleep: async () => {},
    });
    expect((await once(new Request('http://gitlab.test/x'))).status).toBe(404);
    expect(notFound.seen).toHaveLength(1);
  });

  it('never sends a creating write twice after a 5xx or a dropped connection, but retries it after a 429', async () => {
    const post = () =>
      new Request('http://gitlab.test/api/v4/projects/1/approval_rules', {
        method: 'POST',
        body: '{"name":"Maintainers"}',
      });
    const failed = scripted([500]);
    const afterFailure = createPoliteFetch({
      fetch: failed.fetchFn,
      sleep: async () => {},
    });
    expect((await afterFailure(post())).status).toBe(500);
    expect(failed.seen).toHaveLength(1);

    const dropped = scripted([new TypeError('socket hang up')]);
    const afterDrop = createPoliteFetch({
      fetch: dropped.fetchFn,
      sleep: async () => {},
    });
    await expect(afterDrop(post())).rejects.toThrow('socket hang up');
    expect(dropped.seen).toHaveLength(1);

    const limited = scripted([429], '1');
    const afterLimit = createPoliteFetch({
      fetch: limited.fetchFn,
      sleep: async () => {},
    });
    expect((await afterLimit(post())).status).toBe(200);
    expect(limited.seen).toEqual(Array(2).fill('POST {"name":"Maintainers"}'));
  });

  it('resends reads and idempotent writes after a 5xx', async () => {
    const { fetchFn, seen } = scripted([502, 200, 502]);
    const politeFetch = createPoliteFetch({
      fetch: fetchFn,
      sleep: async () => {},
    });
    await politeFetch(new Request('http://gitlab.test/api/v4/projects/1'));
    await politeFetch(
      new Request('http://gitlab.test/api/v4/projects/1', {
        method: 'PUT',
        body: 'x',
      }),
    );
    expect(seen).toEqual(['GET ', 'GET ', 'PUT x', 'PUT x']);
  });

  it('keeps to the request budget per minute', async () => {
    const waits: number[] = [];
    const { fetchFn } = scripted([]);
    const politeFetch = createPoliteFetch({
      fetch: fetchFn,
      requestsPerMinute: 2,
      sleep: async ms => {
        waits.push(ms);
        jest.setSystemTime(Date.now() + ms);
      },
    });
    jest.useFakeTimers({ now: 0, doNotFake: ['setTimeout', 'nextTick'] });
    try {
      for (let i = 0; i < 3; i++) {
        await politeFetch(new Request('http://gitlab.test/x'));
      }
    } finally {
      jest.useRealTimers();
    }
    expect(waits).toEqual([60_000]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(
      retryAfterMs(
        'Wed, 21 Oct 2026 07:28:10 GMT',
        Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'),
      ),
    ).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
