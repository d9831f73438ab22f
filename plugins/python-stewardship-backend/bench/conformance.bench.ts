/* eslint-disable no-console */
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startGitlabLocal } from '@internal/gitlab-local';
import { GitlabReader } from '@internal/plugin-python-stewardship-node';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs as parseCommandLine, promisify } from 'node:util';
import {
  CodebaseInfo,
  ConformanceStore,
} from '../src/database/ConformanceStore';
import { createGitlabPushHandler } from '../src/events/onGitlabPush';
import { readConformanceConfig } from '../src/readConformanceConfig';
import { ConformanceScanner } from '../src/scan/ConformanceScanner';
import { computeRulePackVersion } from '../src/scan/rulePackVersion';
import { createRouter } from '../src/service/createRouter';
import { DbKind, fillApiDatabase } from './seedCodebases';

/**
 * The conformance service's benchmark (issue 9), in one process:
 *
 * 1. Scan: N synthetic projects in the local GitLab with added latency per
 *    request; first sweep and unchanged rescan (wall time, GitLab requests
 *    per route from the local GitLab's counters) with the configured default
 *    concurrency and with 16; then push-to-result latency for one project.
 * 2. API: 10,000 codebases with a current result each and a year of daily
 *    history, served by `createRouter`; p50/p95 of the summary and list
 *    endpoints over 200 requests each.
 *
 * On a fresh SQLite file and/or a fresh PostgreSQL database.
 *
 *   yarn workspace @internal/plugin-python-stewardship-backend bench \
 *     [--db sqlite|postgres|both] [--projects 1000] [--latency 20] \
 *     [--entities 10000] [--days 365] [--requests 200] [--skip-scan] [--skip-api]
 */

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as any;

function parseArgs(argv: string[]) {
  const { values: args } = parseCommandLine({
    args: argv,
    options: {
      db: { type: 'string' },
      projects: { type: 'string' },
      latency: { type: 'string' },
      entities: { type: 'string' },
      days: { type: 'string' },
      requests: { type: 'string' },
      'skip-scan': { type: 'boolean' },
      'skip-api': { type: 'boolean' },
      postgres: { type: 'string' },
    },
  });
  const num = (
    key: 'projects' | 'latency' | 'entities' | 'days' | 'requests',
    fallback: number,
  ) => (args[key] === undefined ? fallback : Number(args[key]));
  const db = String(args.db ?? 'both');
  if (!['sqlite', 'postgres', 'both'].includes(db)) {
    throw new Error('--db is sqlite, postgres or both');
  }
  return {
    dbs: (db === 'both' ? ['sqlite', 'postgres'] : [db]) as DbKind[],
    dbExplicit: args.db !== undefined,
    projects: num('projects', 1000),
    latencyMs: num('latency', 20),
    entities: num('entities', 10_000),
    days: num('days', 365),
    requests: num('requests', 200),
    skipScan: args['skip-scan'] === true,
    skipApi: args['skip-api'] === true,
    postgres: String(
      args.postgres ??
        process.env.BENCH_POSTGRES_URL ??
        'postgresql://postgres@127.0.0.1:5432',
    ),
  };
}

type Options = ReturnType<typeof parseArgs>;

/** A fresh database: a SQLite file in a temp dir, or a new PostgreSQL database dropped afterwards. */
async function freshDatabase(
  kind: DbKind,
  options: Options,
): Promise<{ db: Knex; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'conformance-bench-'));
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'bench.sqlite') },
      useNullAsDefault: true,
    });
    return {
      db,
      drop: async () => {
        await db.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `conformance_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({
    client: 'pg',
    connection: `${options.postgres}/postgres`,
  });
  await admin.raw(`CREATE DATABASE ${name}`);
  const db = knexFactory({
    client: 'pg',
    connection: `${options.postgres}/${name}`,
  });
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

const execFileAsync = promisify(execFile);

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
    },
  });
  return stdout.trim();
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

// ------------------------------------------------------------------- scan

type ScanRow = {
  db: DbKind;
  concurrency: number;
  phase: string;
  seconds: number;
  requests: number;
  perProject: number;
  scanned: number;
  unchanged: number;
  failed: number;
  routes: Record<string, number>;
};

async function scanBenchmark(options: Options) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'conformance-gl-'));
  // Every tenth synthetic project is Ruby (no Python files), which the
  // catalog would not hold; make enough to have N Python ones.
  const total = Math.ceil((options.projects * 10) / 9) + 1;
  const gitlab = await startGitlabLocal({
    dataDir,
    syntheticProjects: total,
    faults: { latencyMs: options.latencyMs },
  });
  const rows: ScanRow[] = [];
  const pushes: Record<string, unknown>[] = [];
  try {
    gitlab.setFaults({});
    const lister = new GitlabReader({
      baseUrl: gitlab.url,
      token: gitlab.token,
    });
    const projects = (
      (await lister.api.Groups.allProjects('synthetic', {
        includeSubgroups: true,
        perPage: 100,
      } as never)) as unknown as Array<{
        id: number;
        path: string;
        path_with_namespace: string;
        topics?: string[];
      }>
    )
      .filter(p => !(p.topics ?? []).includes('ruby'))
      .sort((a, b) => a.path.localeCompare(b.path))
      .slice(0, options.projects);
    // The synthetic repositories are generated on their first read; build
    // them all first (untimed, no latency) so the scans do not pay for it.
    for (let i = 0; i < projects.length; i += 16) {
      await Promise.all(
        projects
          .slice(i, i + 16)
          .map(p => lister.listFiles(p.id, 'main').catch(() => [])),
      );
    }
    gitlab.setFaults({ latencyMs: options.latencyMs });
    const codebases: CodebaseInfo[] = projects.map((p, i) => ({
      entityRef: `component:default/synthetic-${i}`,
      name: `synthetic-${i}`,
      type: null,
      owner: `group:default/team-${i % 50}`,
      maintainers: [`user:default/user-${i % 200}`],
      projectPath: p.path_with_namespace,
    }));
    const defaultConcurrency = readConformanceConfig(
      new ConfigReader({}),
    ).concurrency;
    const rulePackVersion = computeRulePackVersion();

    // Sweeps first for every database (a push moves a project's activity,
    // which a later unchanged rescan would rightly look at), pushes last.
    const kept: Array<{
      kind: DbKind;
      store: ConformanceStore;
      scanner: ConformanceScanner;
    }> = [];
    const drops: Array<() => Promise<void>> = [];
    for (const kind of options.dbs) {
      for (const concurrency of [...new Set([defaultConcurrency, 16])]) {
        const { db, drop } = await freshDatabase(kind, options);
        drops.push(drop);
        const store = await ConformanceStore.create(db);
        const scanner = new ConformanceScanner({
          store,
          reader: new GitlabReader({
            baseUrl: gitlab.url,
            token: gitlab.token,
          }),
          logger: silent,
          readCodebases: async () => codebases,
          rulePackVersion,
          concurrency,
          leaseMs: 600_000,
          historyDays: 365,
        });
        for (const phase of ['first sweep', 'unchanged rescan']) {
          gitlab.resetStats();
          const started = Date.now();
          const counts = await scanner.sweep();
          const seconds = (Date.now() - started) / 1000;
          const stats = gitlab.stats();
          const row: ScanRow = {
            db: kind,
            concurrency,
            phase,
            seconds: round(seconds, 2),
            requests: stats.totalRequests,
            perProject: round(stats.totalRequests / codebases.length, 2),
            scanned: counts.scanned,
            unchanged: counts.unchanged,
            failed: counts.failed,
            routes: Object.fromEntries(
              Object.entries(stats.routes).map(([route, s]) => [
                route,
                s.count,
              ]),
            ),
          };
          rows.push(row);
          console.error(JSON.stringify(row));
        }
        if (concurrency === defaultConcurrency) {
          kept.push({ kind, store, scanner });
        }
      }
    }

    // Push-to-result: one commit pushed with git, then the push handler.
    let pushIndex = 0;
    for (const { kind, store, scanner } of kept) {
      const index = (pushIndex++ * 37 + 11) % codebases.length;
      const codebase = codebases[index];
      const work = await fs.mkdtemp(
        path.join(os.tmpdir(), 'conformance-push-'),
      );
      const remote = new URL(`${gitlab.url}/${codebase.projectPath}.git`);
      remote.username = 'oauth2';
      remote.password = gitlab.token;
      const pushStarted = Date.now();
      await git(['clone', '-q', remote.toString(), work], os.tmpdir());
      await fs.writeFile(
        path.join(work, 'NOTES.md'),
        `# Notes\n\n${new Date().toISOString()}\n`,
      );
      await git(['add', '.'], work);
      await git(['commit', '-qm', 'Add notes'], work);
      await git(['push', '-q', 'origin', 'HEAD:main'], work);
      const commitId = await git(['rev-parse', 'HEAD'], work);
      const gitSeconds = (Date.now() - pushStarted) / 1000;
      await fs.rm(work, { recursive: true, force: true });
      const handler = createGitlabPushHandler({
        store,
        scanner,
        logger: silent,
      });
      gitlab.resetStats();
      const started = Date.now();
      await handler({
        topic: 'gitlab.push',
        eventPayload: {
          object_kind: 'push',
          ref: 'refs/heads/main',
          after: commitId,
          project: {
            path_with_namespace: codebase.projectPath,
            default_branch: 'main',
          },
        },
      });
      const deadline = started + 60_000;
      for (;;) {
        const latest = await store.latestResult(codebase.entityRef, 'scan');
        if (latest?.commitId === commitId) break;
        if (Date.now() > deadline) {
          throw new Error(`No result for ${commitId} after 60 s`);
        }
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      const ms = Date.now() - started;
      const stats = gitlab.stats();
      const push = {
        db: kind,
        project: codebase.projectPath,
        gitCloneCommitPushSeconds: round(gitSeconds, 2),
        pushToResultMs: ms,
        requests: stats.totalRequests,
        routes: Object.fromEntries(
          Object.entries(stats.routes).map(([route, s]) => [route, s.count]),
        ),
      };
      pushes.push(push);
      console.error(JSON.stringify(push));
    }
    for (const drop of drops) await drop();
  } finally {
    await gitlab.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  return { rows, pushes };
}

// -------------------------------------------------------------------- api

const apiQueries = (entities: number): Array<[string, string]> => [
  ['GET /summary', '/summary'],
  ['GET /codebases?limit=25', '/codebases?limit=25'],
  ['sort=score&order=desc', '/codebases?limit=25&sort=score&order=desc'],
  ['failingCheck=PYG-014', '/codebases?limit=25&failingCheck=PYG-014'],
  ['q=synthetic-12', '/codebases?limit=25&q=synthetic-12'],
  [
    'owner=team-7&level=silver',
    '/codebases?limit=25&owner=group:default/team-7&level=silver',
  ],
  [
    'history?days=365',
    `/entities/component/default/synthetic-${Math.min(
      1234,
      entities - 1,
    )}/history?days=365`,
  ],
];

async function apiBenchmark(kind: DbKind, options: Options) {
  const { db, drop } = await freshDatabase(kind, options);
  try {
    const store = await ConformanceStore.create(db);
    const fill = await fillApiDatabase(kind, db, store, options);
    console.error(JSON.stringify({ db: kind, fill }));
    const credentials = {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    };
    const router = await createRouter({
      store,
      scanner: {} as ConformanceScanner,
      httpAuth: {
        credentials: async () => credentials,
        issueUserCookie: async () => ({ expiresAt: new Date() }),
      } as any,
      permissions: {
        authorize: async (requests: unknown[]) =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async (requests: unknown[]) =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      } as any,
      ownershipRefs: async () => ['user:default/bench'],
      publicBadges: false,
    });
    const app = express();
    app.use(router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rows: Record<string, unknown>[] = [];
    try {
      for (const [label, url] of apiQueries(options.entities)) {
        const times: number[] = [];
        let lastBody: any;
        for (let i = 0; i < options.requests + 5; i++) {
          const started = process.hrtime.bigint();
          const response = await fetch(`${base}${url}`);
          lastBody = await response.json();
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (!response.ok) {
            throw new Error(
              `${url}: HTTP ${response.status} ${JSON.stringify(lastBody)}`,
            );
          }
          if (i >= 5) times.push(ms); // five warm-up requests
        }
        times.sort((a, b) => a - b);
        const row = {
          db: kind,
          query: label,
          p50: round(percentile(times, 50)),
          p95: round(percentile(times, 95)),
          max: round(times[times.length - 1]),
          matched:
            lastBody?.totalCount ??
            lastBody?.points?.length ??
            lastBody?.codebases ??
            lastBody?.totals?.codebases ??
            '',
        };
        rows.push(row);
        console.error(JSON.stringify(row));
      }
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
    return { fill, rows };
  } finally {
    await drop();
  }
}

// ------------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.dbs.includes('postgres')) {
    const probe = knexFactory({
      client: 'pg',
      connection: `${options.postgres}/postgres`,
    });
    try {
      await probe.raw('SELECT 1');
    } catch (error) {
      // `./portal bench` without a PostgreSQL still measures SQLite.
      if (options.dbExplicit) throw error;
      console.error(
        `No PostgreSQL at ${options.postgres} (${error}); SQLite only`,
      );
      options.dbs = ['sqlite'];
    } finally {
      await probe.destroy();
    }
  }
  const started = new Date();
  console.error(
    JSON.stringify({
      started: started.toISOString(),
      cpus: os.cpus().length,
      loadavg: os.loadavg().map(n => round(n, 2)),
      options: { ...options, postgres: undefined },
    }),
  );
  const scan = options.skipScan ? undefined : await scanBenchmark(options);
  const api: Record<string, Awaited<ReturnType<typeof apiBenchmark>>> = {};
  if (!options.skipApi) {
    for (const kind of options.dbs)
      api[kind] = await apiBenchmark(kind, options);
  }

  const lines: string[] = [];
  if (scan) {
    lines.push(
      `Scan: ${options.projects} projects, ${options.latencyMs} ms added latency per GitLab request`,
      '',
      '| Database | Concurrency | Phase | Wall time (s) | GitLab requests | Per project | Scanned / unchanged / failed |',
      '| --- | --: | --- | --: | --: | --: | --- |',
      ...scan.rows.map(
        r =>
          `| ${r.db} | ${r.concurrency} | ${r.phase} | ${r.seconds} | ${r.requests} | ${r.perProject} | ${r.scanned} / ${r.unchanged} / ${r.failed} |`,
      ),
      '',
      'Requests by route (first sweep, concurrency 4, first database):',
      '',
      '| Route | Requests | Per project |',
      '| --- | --: | --: |',
      ...Object.entries(scan.rows[0]?.routes ?? {})
        .sort((a, b) => b[1] - a[1])
        .map(
          ([route, n]) =>
            `| \`${route}\` | ${n} | ${round(n / options.projects, 2)} |`,
        ),
      '',
      `Unchanged rescan routes: ${JSON.stringify(scan.rows[1]?.routes ?? {})}`,
      '',
      '| Database | Push-to-result (ms) | GitLab requests | git clone+commit+push (s) |',
      '| --- | --: | --: | --: |',
      ...scan.pushes.map(
        p =>
          `| ${p.db} | ${p.pushToResultMs} | ${p.requests} | ${p.gitCloneCommitPushSeconds} |`,
      ),
      '',
      `Push scan routes: ${JSON.stringify(scan.pushes[0]?.routes ?? {})}`,
      '',
    );
  }
  for (const [kind, result] of Object.entries(api)) {
    lines.push(
      `API on ${kind}: ${options.entities} codebases, ${
        result.fill.results
      } results (fill: sync ${round(
        result.fill.syncSeconds,
      )} s, history ${round(result.fill.historySeconds)} s, current ${round(
        result.fill.currentSeconds,
      )} s); ${options.requests} requests each`,
      '',
      '| Request | p50 (ms) | p95 (ms) | max (ms) | Matched |',
      '| --- | --: | --: | --: | --: |',
      ...result.rows.map(
        r => `| ${r.query} | ${r.p50} | ${r.p95} | ${r.max} | ${r.matched} |`,
      ),
      '',
    );
  }
  console.log(lines.join('\n'));
  console.log(
    `Finished in ${round(
      (Date.now() - started.getTime()) / 1000,
    )} s; load average ${os
      .loadavg()
      .map(n => round(n, 2))
      .join(' ')}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
