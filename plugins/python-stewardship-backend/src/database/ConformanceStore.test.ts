import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { reportWith } from '../__testUtils__/reports';
import { CodebaseInfo, ConformanceStore } from './ConformanceStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const codebase = (name: string, extra: Partial<CodebaseInfo> = {}) => ({
  entityRef: `component:default/${name}`,
  name,
  type: 'service' as const,
  owner: 'group:default/team-a',
  maintainers: ['user:default/alex'],
  projectPath: `group/${name}`,
  ...extra,
});

describe.each(databases.eachSupportedId())('ConformanceStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id as TestDatabaseId);
    return ConformanceStore.create(knex);
  }

  it('mirrors the catalog and purges what left it, results included', async () => {
    const store = await createStore();
    await store.syncCodebases([codebase('a'), codebase('b')]);
    await store.recordResult({
      entityRef: 'component:default/b',
      source: 'schedule',
      commitId: 'c1',
      rulePackVersion: 'v1',
      report: reportWith(),
    });
    await store.createExemption({
      entityRef: 'component:default/b',
      checkId: 'PYG-001',
      reason: 'r',
      expiresAt: '2999-01-01T00:00:00.000Z',
      requestedBy: 'user:default/alex',
    });
    const gone = await store.syncCodebases([
      codebase('a', { title: 'Renamed A' }),
    ]);
    expect(gone).toEqual(['component:default/b']);
    expect(await store.listCodebaseRefs()).toEqual(['component:default/a']);
    expect(await store.latestResult('component:default/b', 'scan')).toBeNull();
    expect(await store.listExemptions('component:default/b')).toEqual([]);
    expect((await store.getCodebase('component:default/a'))?.title).toBe(
      'Renamed A',
    );
  });

  it('keeps scans as current state and CI uploads apart', async () => {
    const store = await createStore();
    await store.syncCodebases([codebase('a')]);
    await store.recordResult({
      entityRef: 'component:default/a',
      source: 'schedule',
      commitId: 'c1',
      rulePackVersion: 'v1',
      report: reportWith({ score: 40, failing: ['PYG-001', 'PYG-014'] }),
    });
    await store.recordResult({
      entityRef: 'component:default/a',
      source: 'ci-upload',
      commitId: 'c2',
      rulePackVersion: 'v1',
      report: reportWith({ score: 90, level: 'silver', failing: [] }),
    });
    const page = await store.listCodebases({});
    expect(page.items[0]).toMatchObject({
      score: 40,
      level: 'none',
      failing: 2,
      failingChecks: ['PYG-001', 'PYG-014'],
      source: 'schedule',
      trend: [40],
    });
    expect((await store.getCodebase('component:default/a'))?.scanState).toEqual(
      { commitId: 'c1', rulePackVersion: 'v1' },
    );
    expect(
      (await store.latestResult('component:default/a', 'upload'))?.report.score,
    ).toBe(90);
    expect(
      (await store.latestResult('component:default/a', 'scan'))?.commitId,
    ).toBe('c1');
  });

  it('filters, searches, sorts and pages the list, and summarises the organisation', async () => {
    const store = await createStore();
    await store.syncCodebases([
      codebase('alpha', { type: 'library' }),
      codebase('beta', { owner: 'group:default/team-b' }),
      codebase('gamma_100%', {
        owner: 'group:default/team-b',
        maintainers: ['User:default/Chen'],
      }),
      codebase('unscanned'),
    ]);
    const scan = (name: string, score: number, level: any, failing: string[]) =>
      store.recordResult({
        entityRef: `component:default/${name}`,
        source: 'schedule',
        commitId: null,
        rulePackVersion: 'v1',
        report: reportWith({ score, level, failing }),
      });
    await scan('alpha', 95, 'gold', []);
    await scan('beta', 60, 'bronze', ['PYG-014']);
    await scan('gamma_100%', 30, null, ['PYG-001', 'PYG-014']);

    const names = async (query: Parameters<typeof store.listCodebases>[0]) =>
      (await store.listCodebases(query)).items.map(i => i.name);
    expect(await names({ sort: 'score', order: 'desc' })).toEqual([
      'alpha',
      'beta',
      'gamma_100%',
      'unscanned',
    ]);
    expect(await names({ sort: 'level', order: 'asc' })).toEqual([
      'gamma_100%',
      'beta',
      'alpha',
      'unscanned',
    ]);
    expect(await names({ failingCheck: 'PYG-014' })).toEqual([
      'beta',
      'gamma_100%',
    ]);
    expect(await names({ level: 'none' })).toEqual(['gamma_100%']);
    expect(await names({ type: 'library' })).toEqual(['alpha']);
    expect(await names({ owner: 'GROUP:default/team-b' })).toEqual([
      'beta',
      'gamma_100%',
    ]);
    // LIKE wildcards in the search text are literal.
    expect(await names({ q: '_100%' })).toEqual(['gamma_100%']);
    expect(await names({ q: '%' })).toEqual(['gamma_100%']);
    expect(
      await names({ memberRefs: ['user:default/chen', 'group:default/x'] }),
    ).toEqual(['gamma_100%']);
    const page = await store.listCodebases({ offset: 1, limit: 2 });
    expect(page).toMatchObject({ totalCount: 4, offset: 1, limit: 2 });
    expect(page.items.map(i => i.name)).toEqual(['beta', 'gamma_100%']);

    const summary = await store.summary();
    expect(summary).toMatchObject({
      codebases: 4,
      scanned: 3,
      byLevel: { gold: 1, silver: 0, bronze: 1, none: 1 },
      byType: { service: 3, library: 1, utility: 0 },
      averageScore: 62,
    });
    expect(summary.mostFailedChecks[0]).toMatchObject({
      checkId: 'PYG-014',
      failing: 2,
    });
    expect(summary.mostFailedChecks[0].docs).toMatch(/#/);
    expect(summary.owners).toEqual([
      {
        owner: 'group:default/team-a',
        codebases: 2,
        averageScore: 95,
        byLevel: { gold: 1, silver: 0, bronze: 0, none: 0 },
      },
      {
        owner: 'group:default/team-b',
        codebases: 2,
        averageScore: 45,
        byLevel: { gold: 0, silver: 0, bronze: 1, none: 1 },
      },
    ]);
  });

  it('keeps history within the window and always keeps the newest result', async () => {
    const store = await createStore();
    await store.syncCodebases([codebase('a')]);
    const day = 24 * 3600 * 1000;
    for (const [daysAgo, score] of [
      [400, 10],
      [300, 20],
      [1, 30],
    ]) {
      await store.recordResult({
        entityRef: 'component:default/a',
        source: 'schedule',
        commitId: null,
        rulePackVersion: 'v1',
        report: reportWith({ score }),
        createdAt: new Date(Date.now() - daysAgo * day),
      });
    }
    const all = await store.history(
      'component:default/a',
      new Date(Date.now() - 1000 * day),
    );
    expect(all.points.map(p => p.score)).toEqual([10, 20, 30]);
    expect(await store.purgeHistory(new Date(Date.now() - 365 * day))).toBe(1);
    expect(await store.purgeHistory(new Date())).toBe(1);
    const left = await store.history('component:default/a', new Date(0));
    expect(left.points.map(p => p.score)).toEqual([30]);
  });

  it('lets two workers claim each queued scan exactly once, and re-claims after a lease runs out', async () => {
    const store = await createStore();
    const refs = Array.from(
      { length: 10 },
      (_, i) => `component:default/p${i}`,
    );
    await store.enqueue(refs, 'schedule');
    await store.enqueue(refs.slice(0, 2), 'schedule');
    const [one, two] = await Promise.all([
      store.claim('worker-1', 10, 60_000),
      store.claim('worker-2', 10, 60_000),
    ]);
    const claimed = [...one, ...two].map(c => c.entityRef).sort();
    expect(claimed).toEqual([...refs].sort());
    expect(await store.claim('worker-3', 10, 60_000)).toEqual([]);

    await store.complete(refs[0], 'worker-2-or-1-not-owner');
    expect(await store.queueLength()).toBe(10);
    for (const c of one) await store.complete(c.entityRef, 'worker-1');
    for (const c of two) await store.complete(c.entityRef, 'worker-2');
    expect(await store.queueLength()).toBe(0);

    // A worker that dies leaves its claim; it expires and another takes over.
    await store.enqueue([refs[0]], 'push');
    expect(await store.claim('dies', 1, -1)).toHaveLength(1);
    const again = await store.claim('survivor', 1, 60_000);
    expect(again).toEqual([
      { entityRef: refs[0], reason: 'push', attempts: 2 },
    ]);
  });

  it('upgrades a waiting scheduled scan when a push or manual request arrives', async () => {
    const store = await createStore();
    await store.enqueue(['component:default/a'], 'schedule');
    await store.enqueue(['component:default/a'], 'manual');
    const [claim] = await store.claim('w', 1, 60_000);
    expect(claim.reason).toBe('manual');
  });

  it('runs exemptions through requested, approved, revoked and expired', async () => {
    const store = await createStore();
    await store.syncCodebases([codebase('a')]);
    const requested = await store.createExemption({
      entityRef: 'component:default/a',
      checkId: 'PYG-014',
      reason: 'Legacy service, replaced in Q2',
      expiresAt: '2999-01-01T00:00:00.000Z',
      requestedBy: 'user:default/chen',
    });
    expect(requested.state).toBe('requested');
    await expect(
      store.createExemption({
        entityRef: 'component:default/a',
        checkId: 'PYG-014',
        reason: 'again',
        expiresAt: '2999-01-01T00:00:00.000Z',
        requestedBy: 'user:default/chen',
      }),
    ).rejects.toThrow(/already has a requested exemption/);
    expect(await store.activeExemptions('component:default/a')).toEqual({});
    const approved = await store.decideExemption(
      requested.id,
      'approve',
      'user:default/alex',
      'ok until the rewrite',
    );
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: 'user:default/alex',
      decisionComment: 'ok until the rewrite',
    });
    expect(
      (await store.activeExemptions('component:default/a'))['PYG-014'],
    ).toMatch(/approved in the portal by user:default\/alex/);
    await expect(
      store.decideExemption(requested.id, 'approve', 'user:default/alex'),
    ).rejects.toThrow('Cannot approve an exemption that is approved');
    const revoked = await store.decideExemption(
      requested.id,
      'revoke',
      'user:default/alex',
    );
    expect(revoked.state).toBe('revoked');

    // An approved exemption past its date is expired, without anyone acting.
    const short = await store.createExemption({
      entityRef: 'component:default/a',
      checkId: 'PYG-001',
      reason: 'short',
      expiresAt: new Date(Date.now() + 1500).toISOString(),
      requestedBy: 'user:default/chen',
    });
    await store.decideExemption(short.id, 'approve', 'user:default/alex');
    await store.recordResult({
      entityRef: 'component:default/a',
      source: 'schedule',
      commitId: null,
      rulePackVersion: 'v1',
      report: reportWith(),
    });
    await new Promise(resolve => setTimeout(resolve, 1600));
    expect((await store.getExemption(short.id)).state).toBe('expired');
    expect(await store.activeExemptions('component:default/a')).toEqual({});
    expect(await store.codebasesWithExpiredExemptions()).toEqual([
      'component:default/a',
    ]);
  });
});
