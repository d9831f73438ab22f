import { FaultInjector } from './faults';

describe('FaultInjector', () => {
  const query = (text = '') => new URLSearchParams(text);

  it('adds global latency and matching latency rules', () => {
    const faults = new FaultInjector({
      latencyMs: 50,
      rules: [{ kind: 'latency', ms: 100, route: 'GET /api/v4/projects' }],
    });
    expect(faults.decide('GET /api/v4/projects', query())).toEqual({
      delayMs: 150,
    });
    expect(faults.decide('GET /api/v4/groups', query())).toEqual({
      delayMs: 50,
    });
  });

  it('fails only the given page, after skip, at most `times` times', () => {
    const faults = new FaultInjector({
      rules: [
        {
          kind: 'error',
          status: 502,
          route: 'GET /api/v4/projects',
          page: 2,
          skip: 1,
          times: 1,
        },
      ],
    });
    expect(
      faults.decide('GET /api/v4/projects', query('page=1')).failure,
    ).toBeUndefined();
    expect(
      faults.decide('GET /api/v4/projects', query('page=2')).failure,
    ).toBeUndefined();
    expect(
      faults.decide('GET /api/v4/projects', query('page=2')).failure,
    ).toEqual({ kind: 'error', status: 502 });
    expect(
      faults.decide('GET /api/v4/projects', query('page=2')).failure,
    ).toBeUndefined();
  });

  it('fails every n-th matching request for a steady failure rate', () => {
    const faults = new FaultInjector({
      rules: [{ kind: 'error', status: 500, every: 10, skip: 3 }],
    });
    const failed = Array.from({ length: 43 }, (_, i) => i + 1).filter(
      () => faults.decide('GET /api/v4/projects', query()).failure,
    );
    expect(failed).toEqual([13, 23, 33, 43]);
  });

  it('lets the first failing rule win', () => {
    const faults = new FaultInjector({
      rules: [{ kind: 'drop' }, { kind: 'rateLimit', retryAfterSeconds: 3 }],
    });
    expect(faults.decide('GET /x', query()).failure).toEqual({ kind: 'drop' });
  });

  it('rejects bad fault definitions with the field name', () => {
    const faults = new FaultInjector();
    expect(() =>
      faults.set({ rules: [{ kind: 'error', status: 418 as 500 }] }),
    ).toThrow(/status/);
    expect(() => faults.set({ rules: [{ kind: 'explode' } as never] })).toThrow(
      /kind/,
    );
    expect(() => faults.set({ latency: 5 } as never)).toThrow(/latency/);
  });

  it('reports the current faults with defaults filled in', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'rateLimit' }] });
    expect(faults.current()).toEqual({
      latencyMs: 0,
      rules: [{ kind: 'rateLimit', retryAfterSeconds: 1 }],
    });
  });
});
