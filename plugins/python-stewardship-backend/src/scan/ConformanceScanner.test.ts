import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  AI_GATEWAY,
  CLOUD_CONNECTOR,
  DUO_WORKFLOW,
  PROMPT_LIBRARY,
  startTestGitlab,
  TestGitlab,
} from '@internal/gitlab-local/src/__testUtils__/startTestGitlab';
import {
  authedRemote,
  gitCli,
} from '@internal/gitlab-local/src/__testUtils__/gitCli';
import { GitlabReader } from '@internal/plugin-python-stewardship-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CodebaseInfo, ConformanceStore } from '../database/ConformanceStore';
import { ConformanceScanner } from './ConformanceScanner';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const PROJECTS = [AI_GATEWAY, DUO_WORKFLOW, PROMPT_LIBRARY, CLOUD_CONNECTOR];
const codebases: CodebaseInfo[] = PROJECTS.map(projectPath => ({
  entityRef: `component:default/${projectPath.split('/').pop()}`,
  name: projectPath.split('/').pop()!,
  type: null,
  owner: 'group:default/python-maintainers',
  maintainers: ['user:default/alex.maintainer'],
  projectPath,
}));

/** Clones, commits a file and pushes to main, as a developer would. */
async function pushCommit(gitlab: TestGitlab, projectPath: string) {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'scanner-push-'));
  try {
    await gitCli(
      [
        'clone',
        '-q',
        authedRemote(gitlab.gitlab.url, projectPath, gitlab.gitlab.token),
        work,
      ],
      os.tmpdir(),
    );
    await fs.writeFile(path.join(work, 'NOTES.md'), '# Notes\n');
    await gitCli(['add', '.'], work);
    await gitCli(['commit', '-qm', 'Add notes'], work);
    await gitCli(['push', '-q', 'origin', 'HEAD:main'], work);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

const GRAPHQL_ROUTE = 'POST /api/graphql';
const APPROVALS_ROUTE = 'GET /api/v4/projects/:id/approvals';

describe.each(databases.eachSupportedId())('ConformanceScanner on %s', id => {
  let gitlab: TestGitlab;
  beforeAll(async () => {
    gitlab = await startTestGitlab();
  });
  afterAll(() => gitlab.stop());
  beforeEach(() => {
    gitlab.gitlab.setFaults({});
    gitlab.gitlab.resetStats();
  });

  async function createScanner(
    store: ConformanceStore,
    options: { leaseMs?: number; list?: CodebaseInfo[] } = {},
  ) {
    return new ConformanceScanner({
      store,
      reader: new GitlabReader(
        { baseUrl: gitlab.gitlab.url, token: gitlab.gitlab.token },
        { baseDelayMs: 1 },
      ),
      logger: mockServices.logger.mock(),
      readCodebases: async () => options.list ?? codebases,
      rulePackVersion: 'test-1',
      concurrency: 3,
      leaseMs: options.leaseMs ?? 60_000,
      historyDays: 365,
    });
  }

  /** Requests per route since the last reset. */
  const perRoute = () =>
    Object.fromEntries(
      Object.entries(gitlab.gitlab.stats().routes).map(([route, stats]) => [
        route,
        stats.count,
      ]),
    );

  const storedScores = async (store: ConformanceStore) =>
    Object.fromEntries(
      (await store.listCodebases({ limit: 200 })).items.map(row => [
        row.entityRef,
        [row.score, row.level, row.failingChecks.join(' ')],
      ]),
    );

  it('scans every codebase, then finds the unchanged ones with one listing request', async () => {
    const store = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    const scanner = await createScanner(store);
    const first = await scanner.sweep();
    expect(first).toEqual({ queued: 4, scanned: 4, unchanged: 0, failed: 0 });
    const summary = await store.summary();
    expect(summary.scanned).toBe(4);
    const gateway = await store.latestResult(
      'component:default/ai-assist',
      'scan',
    );
    expect(gateway?.report.repositoryType).toBe('service');
    expect(gateway?.report.results.length).toBeGreaterThan(20);
    expect(gateway?.commitId).toMatch(/^[0-9a-f]{40}$/);
    // The portal judges the review settings the CLI leaves to it.
    expect(
      gateway?.report.results
        .filter(r => ['PYG-030', 'PYG-031', 'PYG-032'].includes(r.id))
        .map(r => r.status)
        .filter(status => status === 'skip'),
    ).toEqual([]);
    // Per project: one GraphQL request for the project, its commit, branch
    // rules and file list; one for the files the fetch plan names; one REST
    // read of the approval settings. Nothing else.
    expect(perRoute()).toEqual({
      [GRAPHQL_ROUTE]: 8,
      [APPROVALS_ROUTE]: 4,
    });
    expect(gitlab.gitlab.stats().totalRequests / 4).toBeLessThanOrEqual(3);

    gitlab.gitlab.resetStats();
    const second = await scanner.sweep();
    expect(second).toEqual({ queued: 0, scanned: 0, unchanged: 0, failed: 0 });
    expect(gitlab.gitlab.stats().routes).toEqual({
      'GET /api/v4/projects': expect.objectContaining({ count: 1 }),
    });

    // A push makes its project active: the next sweep looks at it (and
    // only it), finds the new commit and scans it.
    await pushCommit(gitlab, PROMPT_LIBRARY);
    gitlab.gitlab.resetStats();
    const third = await scanner.sweep();
    expect(third).toEqual({ queued: 1, scanned: 1, unchanged: 0, failed: 0 });
    // The listing, then 3 for the changed project.
    expect(perRoute()).toEqual({
      'GET /api/v4/projects': 1,
      [GRAPHQL_ROUTE]: 2,
      [APPROVALS_ROUTE]: 1,
    });
  });

  it('looks at an unchanged project with one request and reads no file', async () => {
    const store = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    const scanner = await createScanner(store);
    await scanner.sweep();
    const before = await storedScores(store);
    gitlab.gitlab.resetStats();
    // As the sweep does for a project GitLab listed as active.
    await store.enqueue(await store.listCodebaseRefs(), 'schedule');
    expect(await scanner.drain()).toMatchObject({ unchanged: 4, scanned: 0 });
    expect(perRoute()).toEqual({ [GRAPHQL_ROUTE]: 4 });
    expect(await storedScores(store)).toEqual(before);
  });

  it('reads a pushed project in 3 requests and keeps the last good result when a read fails', async () => {
    const store = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    const scanner = await createScanner(store);
    await scanner.sweep();
    const ref = codebases[1].entityRef;
    const good = await store.latestResult(ref, 'scan');

    gitlab.gitlab.resetStats();
    await scanner.scanOne(ref, 'push');
    expect(perRoute()).toEqual({ [GRAPHQL_ROUTE]: 2, [APPROVALS_ROUTE]: 1 });
    const pushed = await store.latestResult(ref, 'scan');
    expect(pushed?.id).not.toBe(good?.id);
    expect(pushed?.report.score).toBe(good?.report.score);

    // Half the reads succeed, then the approval settings keep failing.
    gitlab.gitlab.setFaults({
      rules: [{ kind: 'error', status: 503, route: APPROVALS_ROUTE }],
    });
    expect(await scanner.scanOne(ref, 'manual')).toBe('failed');
    expect((await store.latestResult(ref, 'scan'))?.id).toBe(pushed?.id);
    const codebase = await store.getCodebase(ref);
    expect(codebase?.lastError?.message).toMatch(/503/);
    expect(codebase?.scanState.commitId).toBe(pushed?.commitId);
  });

  it('stores the same results when 10% of GitLab requests fail with 429 or 500', async () => {
    // A sweep, then every codebase read again on demand: with 3 requests
    // per scan, enough requests for several faults of each kind.
    const sweepAndRescan = async (store: ConformanceStore) => {
      const scanner = await createScanner(store);
      const swept = await scanner.sweep();
      await store.enqueue(await store.listCodebaseRefs(), 'manual');
      const rescanned = await scanner.drain();
      return swept.failed + rescanned.failed;
    };
    const clean = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    expect(await sweepAndRescan(clean)).toBe(0);

    const faulty = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    gitlab.gitlab.setFaults({
      rules: [
        { kind: 'rateLimit', retryAfterSeconds: 0, every: 10 },
        { kind: 'error', status: 500, every: 10, skip: 5 },
      ],
    });
    expect(await sweepAndRescan(faulty)).toBe(0);
    const faults = gitlab.gitlab.stats().faultsInjected;
    expect(faults.rateLimit + faults.error).toBeGreaterThan(2);
    expect(await storedScores(faulty)).toEqual(await storedScores(clean));
  });

  it('lets two instances on one database scan each project exactly once', async () => {
    const knex = await databases.init(id as TestDatabaseId);
    const storeA = await ConformanceStore.create(knex);
    const storeB = await ConformanceStore.create(knex, {
      skipMigrations: true,
    });
    const a = await createScanner(storeA);
    const b = await createScanner(storeB);
    await a.syncCatalog();
    await storeA.enqueue(await storeA.listCodebaseRefs(), 'schedule');
    const [countsA, countsB] = await Promise.all([a.drain(), b.drain()]);
    expect(countsA.scanned + countsB.scanned).toBe(4);
    expect(gitlab.gitlab.stats().routes[APPROVALS_ROUTE].count).toBe(4);
    expect(
      (await storeA.listCodebases({})).items.every(
        row => row.trend.length === 1,
      ),
    ).toBe(true);
  });

  it('resumes a sweep that a stopped instance left half done, without duplicates', async () => {
    const knex = await databases.init(id as TestDatabaseId);
    const store = await ConformanceStore.create(knex);
    const dying = await createScanner(store);
    await dying.syncCatalog();
    await store.enqueue(await store.listCodebaseRefs(), 'schedule');
    // The instance claims two projects, scans one, and stops.
    const claimed = await store.claim('dying-instance', 2, 50);
    await dying.scanOne(claimed[0].entityRef, claimed[0].reason);
    await new Promise(resolve => setTimeout(resolve, 60));

    const restarted = await createScanner(store);
    const counts = await restarted.drain();
    // The finished one is scanned again only because its queue entry was
    // never completed; as nothing changed it costs no file reads.
    expect(counts).toMatchObject({ scanned: 3, unchanged: 1, failed: 0 });
    expect(await store.queueLength()).toBe(0);
    const rows = (await store.listCodebases({})).items;
    expect(rows.map(row => row.trend.length)).toEqual([1, 1, 1, 1]);
  });

  it('scans codebases as soon as they appear in the catalog, without waiting for the next sweep', async () => {
    const store = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    const list: CodebaseInfo[] = [];
    const scanner = await createScanner(store, { list });
    // Started before the catalog had anything: the sweep finds nothing.
    expect(await scanner.sweep()).toMatchObject({ queued: 0, scanned: 0 });
    list.push(...codebases.slice(0, 3));
    expect(await scanner.scanNewAndQueued()).toMatchObject({ scanned: 3 });
    list.push(codebases[3]);
    gitlab.gitlab.resetStats();
    expect(await scanner.scanNewAndQueued()).toMatchObject({ scanned: 1 });
    expect(gitlab.gitlab.stats().routes[APPROVALS_ROUTE].count).toBe(1);
    expect(await scanner.scanNewAndQueued()).toMatchObject({ scanned: 0 });
  });

  it('records why a project could not be scanned and keeps the previous result', async () => {
    const store = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    const list = [
      codebases[0],
      { ...codebases[1], projectPath: 'nobody/nothing' },
    ];
    const scanner = await createScanner(store, { list });
    const counts = await scanner.sweep();
    expect(counts).toMatchObject({ scanned: 1, failed: 1 });
    expect(
      (await store.getCodebase(codebases[1].entityRef))?.lastError?.message,
    ).toBe(
      "GitLab project nobody/nothing was not found, or the portal's GitLab token cannot read it",
    );
  });

  it('applies approved exemptions on the next scan', async () => {
    const store = await ConformanceStore.create(
      await databases.init(id as TestDatabaseId),
    );
    const scanner = await createScanner(store);
    await scanner.sweep();
    const ref = codebases[2].entityRef;
    const before = await store.latestResult(ref, 'scan');
    const failing = before!.report.results.find(r => r.status === 'fail')!;
    const exemption = await store.createExemption({
      entityRef: ref,
      checkId: failing.id,
      reason: 'Replaced next quarter',
      expiresAt: '2999-01-01T00:00:00.000Z',
      requestedBy: 'user:default/chen.developer',
    });
    await store.decideExemption(exemption.id, 'approve', 'user:default/alex');
    const after = await scanner.refresh(ref);
    expect(after!.report.results.find(r => r.id === failing.id)).toMatchObject({
      status: 'exempt',
    });
    expect(after!.report.score).toBeGreaterThan(before!.report.score);
    expect(after!.source).toBe('manual');
  });
});
