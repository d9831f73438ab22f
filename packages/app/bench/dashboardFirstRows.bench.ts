/* eslint-disable no-console, @backstage/no-undeclared-imports, @backstage/no-relative-monorepo-imports --
 * a benchmark run from a checkout (node's transform, the repository's root
 * dependencies), not part of the app's build; it drives the backend's own
 * test helpers and the conformance store's seeding */
import knexFactory from 'knex';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs as parseCommandLine } from 'node:util';
import { BrowserContext, Page } from 'playwright-core';
import {
  BackendProcess,
  repoRoot,
  startBackendProcess,
  waitForCatalog,
} from '../../backend/src/testing/startBackendProcess';
import { demoCatalogProviders } from '../../backend/src/testing/demoCatalogProviders';
import { launchChromium } from '../../backend/src/__testUtils__/browser';
import { ConformanceStore } from '../../../plugins/python-stewardship-backend/src/database/ConformanceStore';
import {
  benchCodebases,
  fillApiDatabase,
} from '../../../plugins/python-stewardship-backend/bench/seedCodebases';

/**
 * The dashboard's benchmark (issue 10): with 10,000 codebases' results
 * stored, the time from navigation start until the Python codebases page
 * shows its first page of rows in headless Chromium, on the production
 * build served by the real backend, and the JavaScript the page downloads.
 *
 *   yarn workspace app bench [--entities 10000] [--days 365] [--loads 20]
 *     [--data-dir DIR] [--skip-build]
 *
 * 1. Builds the app (`yarn workspace app build`; the backend's app plugin
 *    serves packages/app/dist, as in production) unless --skip-build.
 * 2. Catalog: N Python Components (+ their 50 owner groups and 300
 *    maintainers) from a file location, ingested by a first run of the real
 *    backend (packages/backend) on SQLite files in DIR; the conformance
 *    service's database is in memory for that run.
 * 3. Conformance store: DIR/python-stewardship.sqlite filled by the backend
 *    benchmark's own seeding (plugins/python-stewardship-backend/bench/
 *    seedCodebases.ts): the same N codebases, `days` of daily history and a
 *    current result each (3.66 M results for 10,000 and 365).
 * 4. The backend again on DIR (catalog and results both there, so the
 *    conformance service's catalog sync keeps every codebase), GitLab a
 *    local stub answering 404 (nothing is scanned: every codebase has a
 *    result and the sweep is a day away).
 * 5. Chromium (Debian's, never a downloaded one) signs in as guest, then
 *    opens /python-codebases `loads` times with a cold cache (a new context
 *    each time, signed in) and `loads` times with a warm one (same context,
 *    after one uncounted load). Each load measures, in the page, from
 *    navigation start: the first row of the codebases table in the DOM and
 *    the next animation frame (when it is painted); the JavaScript fetched
 *    (transfer, encoded and decoded bytes from Resource Timing); and how
 *    long the summary and list API calls took. Any request to a host other
 *    than localhost fails the run.
 *
 * A DIR given with --data-dir is kept and reused when it holds the same
 * N and days (steps 2 and 3 take minutes); without it, a temp dir is used
 * and removed.
 */

function parseArgs(argv: string[]) {
  const { values: args } = parseCommandLine({
    args: argv,
    options: {
      entities: { type: 'string' },
      days: { type: 'string' },
      loads: { type: 'string' },
      'data-dir': { type: 'string' },
      'skip-build': { type: 'boolean' },
      profile: { type: 'string' },
    },
  });
  const num = (key: 'entities' | 'days' | 'loads', fallback: number) =>
    args[key] === undefined ? fallback : Number(args[key]);
  return {
    entities: num('entities', 10_000),
    days: num('days', 365),
    loads: num('loads', 20),
    dataDir: args['data-dir'] ?? '',
    skipBuild: args['skip-build'] === true,
    /** Write a CPU profile of one more cold and one more warm load, and print where the time went. */
    profile: args.profile ?? '',
    chromium: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
  };
}

type Options = ReturnType<typeof parseArgs>;

const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const kib = (bytes: number) => round(bytes / 1024, 1);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

const median = (values: number[]) => percentile(values, 50);

function progress(event: Record<string, unknown>) {
  console.error(JSON.stringify({ at: new Date().toISOString(), ...event }));
}

// ------------------------------------------------------------------ build

function buildApp(options: Options) {
  const dist = path.join(repoRoot, 'packages/app/dist');
  if (!options.skipBuild) {
    const started = Date.now();
    const result = spawnSync('yarn', ['workspace', 'app', 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error('yarn workspace app build failed');
    progress({ step: 'build', seconds: (Date.now() - started) / 1000 });
  } else if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`--skip-build, but ${dist} has no build`);
  }
  const staticDir = path.join(dist, 'static');
  const js = fs.readdirSync(staticDir).filter(f => f.endsWith('.js'));
  return {
    jsFiles: js.length,
    jsBytes: js.reduce(
      (sum, f) => sum + fs.statSync(path.join(staticDir, f)).size,
      0,
    ),
  };
}

// ------------------------------------------------------------------- data

/** The catalog's view of the seeded codebases, with their owners and maintainers. */
function catalogYaml(options: Options): string {
  const codebases = benchCodebases(options.entities);
  const docs: object[] = [];
  for (let i = 0; i < 50; i++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${i}` },
      spec: { type: 'team', children: [] },
    });
  }
  for (let i = 0; i < 300; i++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${i}` },
      spec: { memberOf: [`team-${i % 50}`] },
    });
  }
  for (const c of codebases) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: c.name,
        ...(c.title ? { title: c.title } : {}),
        tags: ['python'],
        annotations: {
          'gitlab.com/project-slug': c.projectPath,
          'python-stewardship.io/maintainers': c.maintainers.join(','),
          ...(c.type
            ? { 'python-stewardship.io/repository-type': c.type }
            : {}),
        },
      },
      spec: {
        type: c.type ?? 'service',
        lifecycle: 'production',
        owner: c.owner,
      },
    });
  }
  // JSON is YAML: one document per entity.
  return docs.map(doc => JSON.stringify(doc)).join('\n---\n');
}

/** A GitLab that knows nothing: the backend starts, and nothing is scanned. */
async function startGitlabStub() {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"404 Not Found"}');
  });
  server.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const host = `localhost:${port}`;
  return {
    integration: {
      host,
      apiBaseUrl: `http://${host}/api/v4`,
      baseUrl: `http://${host}`,
      token: 'bench-token',
    },
    requests: () => requests,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

type GitlabStub = Awaited<ReturnType<typeof startGitlabStub>>;

function backendOverrides(
  dataDir: string,
  gitlab: GitlabStub,
  conformanceInMemory: boolean,
) {
  return {
    backend: {
      database: {
        client: 'better-sqlite3',
        connection: { directory: dataDir },
        ...(conformanceInMemory
          ? {
              plugin: {
                'python-stewardship': { connection: ':memory:' },
              },
            }
          : {}),
      },
    },
    integrations: { gitlab: [gitlab.integration] },
    catalog: {
      ...demoCatalogProviders(gitlab, { discovery: false }),
      locations: [{ type: 'file', target: path.join(dataDir, 'catalog.yaml') }],
      processingInterval: { minutes: 60 },
    },
    pythonStewardship: {
      conformance: {
        // Every codebase has a result: only the sweep would scan, and it is
        // a day away.
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { hours: 24 },
        },
      },
    },
  };
}

async function guestToken(backend: BackendProcess): Promise<string> {
  const res = await fetch(`${backend.baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function codebaseCount(backend: BackendProcess): Promise<number> {
  const res = await fetch(
    `${backend.baseUrl}/api/python-stewardship/codebases?limit=1`,
    { headers: { authorization: `Bearer ${await guestToken(backend)}` } },
  );
  if (!res.ok) throw new Error(`codebases: ${res.status} ${await res.text()}`);
  return (await res.json()).totalCount;
}

async function prepareData(
  options: Options,
  dataDir: string,
  gitlab: GitlabStub,
) {
  const marker = path.join(dataDir, 'bench-ready.json');
  const wanted = { entities: options.entities, days: options.days };
  if (fs.existsSync(marker)) {
    const ready = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (ready.entities === wanted.entities && ready.days === wanted.days) {
      progress({ step: 'data', reused: dataDir, ...ready });
      return ready;
    }
  }
  for (const f of fs.readdirSync(dataDir)) {
    fs.rmSync(path.join(dataDir, f), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(dataDir, 'catalog.yaml'), catalogYaml(options));

  // The catalog ingests the components (SQLite file in dataDir).
  let started = Date.now();
  const first = await startBackendProcess({
    configFiles: ['app-config.yaml'],
    overrides: backendOverrides(dataDir, gitlab, true),
    readyTimeoutMs: 180_000,
  });
  let seen = -1;
  try {
    await waitForCatalog<{ totalItems: number }>(
      first,
      'entities/by-query?filter=kind=component,metadata.tags=python&limit=1',
      body => {
        if (body.totalItems !== seen) {
          seen = body.totalItems;
          progress({ step: 'catalog', components: seen });
        }
        return body.totalItems >= options.entities;
      },
      30 * 60_000,
    );
  } finally {
    await first.stop();
  }
  const catalogSeconds = (Date.now() - started) / 1000;
  progress({ step: 'catalog', seconds: catalogSeconds });

  // The conformance store, filled the way the backend's benchmark fills it.
  started = Date.now();
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dataDir, 'python-stewardship.sqlite') },
    useNullAsDefault: true,
  });
  let fill;
  try {
    const store = await ConformanceStore.create(db);
    fill = await fillApiDatabase('sqlite', db, store, options);
  } finally {
    await db.destroy();
  }
  const ready = {
    ...wanted,
    catalogSeconds,
    fillSeconds: (Date.now() - started) / 1000,
    results: fill.results,
  };
  progress({ step: 'seed', ...ready });
  fs.writeFileSync(marker, JSON.stringify(ready));
  return ready;
}

// ---------------------------------------------------------------- browser

const TABLE_ROW = 'table[aria-label="Python codebases"] tbody tr th a';

/**
 * Runs in the page before its scripts: notes when the first codebase row
 * enters the DOM and the animation frame after it (when it is painted).
 */
function installFirstRowProbe(selector: string) {
  const w = window as any;
  const observer = new MutationObserver(() => {
    if (w.__firstRowDom || !document.querySelector(selector)) return;
    w.__firstRowDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      w.__firstRowFrame = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface LoadResult {
  firstRowDomMs: number;
  firstRowFrameMs: number;
  domContentLoadedMs: number;
  js: { files: number; transfer: number; encoded: number; decoded: number };
  jsList: Array<{ name: string; decoded: number; transfer: number }>;
  jsAfterIdle: {
    files: number;
    transfer: number;
    encoded: number;
    decoded: number;
  };
  api: Record<string, number>;
  requests: number;
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname);
}

async function measureLoad(page: Page, url: string): Promise<LoadResult> {
  let requests = 0;
  const count = () => requests++;
  page.on('request', count);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as any).__firstRowFrame, null, {
    timeout: 60_000,
    polling: 50,
  });
  const scripts = () =>
    page.evaluate(() => {
      const entries = performance.getEntriesByType(
        'resource',
      ) as PerformanceResourceTiming[];
      const js = entries.filter(e => /\.js(\?|$)/.test(e.name));
      const sum = (
        key: 'transferSize' | 'encodedBodySize' | 'decodedBodySize',
      ) => js.reduce((total, e) => total + e[key], 0);
      const api: Record<string, number> = {};
      for (const e of entries) {
        const match = /\/api\/([^?]+)/.exec(e.name);
        if (match && e.initiatorType === 'fetch') {
          api[match[1]] = Math.round(e.responseEnd - e.startTime);
        }
      }
      const nav = performance.getEntriesByType(
        'navigation',
      )[0] as PerformanceNavigationTiming;
      return {
        jsList: js.map(e => ({
          name: e.name.replace(/^.*\//, ''),
          decoded: e.decodedBodySize,
          transfer: e.transferSize,
        })),
        js: {
          files: js.length,
          transfer: sum('transferSize'),
          encoded: sum('encodedBodySize'),
          decoded: sum('decodedBodySize'),
        },
        api,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
      };
    });
  const atFirstRows = await scripts();
  const probe = await page.evaluate(() => ({
    dom: (window as any).__firstRowDom as number,
    frame: (window as any).__firstRowFrame as number,
  }));
  // Then whatever the page still loads once the rows are there.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const afterIdle = await scripts();
  page.off('request', count);
  return {
    firstRowDomMs: round(probe.dom),
    firstRowFrameMs: round(probe.frame),
    domContentLoadedMs: round(atFirstRows.domContentLoadedMs),
    js: atFirstRows.js,
    jsList: afterIdle.jsList,
    jsAfterIdle: afterIdle.js,
    api: atFirstRows.api,
    requests,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** One load under the V8 sampling profiler: self time by script and by function. */
async function profileLoad(page: Page, url: string, file: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await measureLoad(page, url);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: {
      nodes: ProfileNode[];
      startTime: number;
      endTime: number;
      samples: number[];
      timeDeltas: number[];
    };
  };
  fs.writeFileSync(file, JSON.stringify(profile));
  // Self time per node from the samples' time deltas.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const script =
      node.callFrame.url.replace(/^.*\//, '') || node.callFrame.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${script}:${
      node.callFrame.lineNumber
    }`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => [name, round(ms)]);
  progress({
    profile: file,
    firstRowFrameMs: result.firstRowFrameMs,
    profiledMs: round((profile.endTime - profile.startTime) / 1000),
    byScript: top(byScript, 15),
    byFunction: top(byFunction, 15),
  });
}

/**
 * Asks the backend's liveness endpoint every 250 ms while the browser runs:
 * a slow answer is the whole backend process busy (its one thread), whatever
 * the page asked for.
 */
function watchBackend(backend: BackendProcess) {
  const samples: Array<{ at: number; ms: number }> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${backend.baseUrl}/.backstage/health/v1/liveness`).catch(
        () => undefined,
      );
      samples.push({ at: Date.now(), ms: performance.now() - started });
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const ms = samples.map(x => x.ms);
    const stalls = samples.filter(x => x.ms > 250);
    return {
      samples: samples.length,
      medianMs: round(median(ms)),
      maxMs: round(Math.max(...ms)),
      stallsOver250Ms: stalls.length,
      stalls: stalls.map(x => ({
        at: new Date(x.at).toISOString().slice(11, 23),
        ms: round(x.ms),
      })),
    };
  };
}

async function browserBenchmark(options: Options, backend: BackendProcess) {
  // Debian's Chromium with the e2e tests' flags (PORTAL_CHROMIUM overrides).
  const browser = await launchChromium();
  const outside: string[] = [];
  const watch = async (context: BrowserContext) => {
    context.on('request', request => {
      if (!isLocal(request.url())) outside.push(request.url());
    });
    await context.addInitScript(installFirstRowProbe, TABLE_ROW);
  };
  const url = `${backend.baseUrl}/python-codebases`;
  const viewport = { width: 1366, height: 900 };
  try {
    // Sign in once as guest; later contexts start signed in.
    const signIn = await browser.newContext({ viewport });
    await watch(signIn);
    const page = await signIn.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.locator(TABLE_ROW).first().waitFor({ timeout: 120_000 });
    const storageState = await signIn.storageState();
    await signIn.close();

    const cold: LoadResult[] = [];
    for (let i = 0; i < options.loads; i++) {
      const context = await browser.newContext({ viewport, storageState });
      await watch(context);
      const result = await measureLoad(await context.newPage(), url);
      await context.close();
      cold.push(result);
      const { jsList, ...shown } = result;
      progress({ cache: 'cold', load: i + 1, ...shown });
      if (i === 0) {
        progress({
          cache: 'cold',
          scripts: jsList.sort((a, b) => b.decoded - a.decoded),
        });
      }
    }

    const warmContext = await browser.newContext({ viewport, storageState });
    await watch(warmContext);
    const warmPage = await warmContext.newPage();
    await measureLoad(warmPage, url); // fills the cache, not counted
    const warm: LoadResult[] = [];
    for (let i = 0; i < options.loads; i++) {
      const result = await measureLoad(warmPage, url);
      warm.push(result);
      const { jsList: _list, ...shown } = result;
      progress({ cache: 'warm', load: i + 1, ...shown });
    }
    await warmContext.close();

    if (options.profile) {
      const coldContext = await browser.newContext({ viewport, storageState });
      await watch(coldContext);
      await profileLoad(
        await coldContext.newPage(),
        url,
        `${options.profile}-cold.cpuprofile`,
      );
      await coldContext.close();
      const again = await browser.newContext({ viewport, storageState });
      await watch(again);
      const againPage = await again.newPage();
      await measureLoad(againPage, url);
      await profileLoad(againPage, url, `${options.profile}-warm.cpuprofile`);
      await again.close();
    }

    if (outside.length) {
      throw new Error(
        `The page sent ${
          outside.length
        } requests to hosts other than localhost:\n${[...new Set(outside)].join(
          '\n',
        )}`,
      );
    }
    return { cold, warm, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------- main

function summarise(label: string, loads: LoadResult[]) {
  const dom = loads.map(l => l.firstRowDomMs);
  const frame = loads.map(l => l.firstRowFrameMs);
  const apiKeys = [...new Set(loads.flatMap(l => Object.keys(l.api)))].sort();
  return {
    label,
    firstRowFrame: { median: median(frame), p95: percentile(frame, 95) },
    firstRowDom: { median: median(dom), p95: percentile(dom, 95) },
    max: Math.max(...frame),
    domContentLoaded: median(loads.map(l => l.domContentLoadedMs)),
    js: loads[loads.length - 1].js,
    jsAfterIdle: loads[loads.length - 1].jsAfterIdle,
    api: Object.fromEntries(
      apiKeys.map(key => [
        key,
        median(loads.flatMap(l => (key in l.api ? [l.api[key]] : []))),
      ]),
    ),
    requests: median(loads.map(l => l.requests)),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.chromium)) {
    throw new Error(
      `No Chromium at ${options.chromium}: install Debian's (bash scripts/ensure-system-packages.sh) or set PORTAL_CHROMIUM; this benchmark never downloads a browser`,
    );
  }
  const started = new Date();
  progress({
    started: started.toISOString(),
    cpus: os.cpus().length,
    loadavg: os.loadavg().map(n => round(n, 2)),
    options,
  });
  const build = buildApp(options);
  progress({ step: 'build', ...build });

  const keep = Boolean(options.dataDir);
  const dataDir = keep
    ? path.resolve(options.dataDir)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const gitlab = await startGitlabStub();
  let backend: BackendProcess | undefined;
  try {
    const data = await prepareData(options, dataDir, gitlab);
    const gitlabBefore = gitlab.requests();
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      overrides: backendOverrides(dataDir, gitlab, false),
      readyTimeoutMs: 180_000,
    });
    const stored = await codebaseCount(backend);
    if (stored !== options.entities) {
      throw new Error(
        `The conformance service lists ${stored} codebases, not ${options.entities}`,
      );
    }
    const stopWatching = watchBackend(backend);
    const result = await browserBenchmark(options, backend);
    const liveness = await stopWatching();
    progress({ step: 'backend liveness while measuring', ...liveness });
    // The conformance service's catalog sync ran during the loads (every
    // 30 s): it kept every codebase.
    const after = await codebaseCount(backend);
    if (after !== options.entities) {
      throw new Error(`After the loads, ${after} codebases are listed`);
    }
    const cold = summarise('cold cache', result.cold);
    const warm = summarise('warm cache', result.warm);
    const lines = [
      `Dashboard: ${options.entities} codebases, ${data.results} results; ${options.loads} loads each; Chromium ${result.browserVersion}`,
      `Production build: ${build.jsFiles} JavaScript files, ${kib(
        build.jsBytes,
      )} KiB in packages/app/dist/static`,
      '',
      '| Cache | First rows painted, median (ms) | p95 (ms) | max (ms) | First row in DOM, median (ms) | DOMContentLoaded (ms) | JS files | JS transferred (KiB) | JS decoded (KiB) | JS after idle: files / decoded (KiB) | Requests |',
      '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
      ...[cold, warm].map(
        s =>
          `| ${s.label} | ${s.firstRowFrame.median} | ${
            s.firstRowFrame.p95
          } | ${s.max} | ${s.firstRowDom.median} | ${s.domContentLoaded} | ${
            s.js.files
          } | ${kib(s.js.transfer)} | ${kib(s.js.decoded)} | ${
            s.jsAfterIdle.files
          } / ${kib(s.jsAfterIdle.decoded)} | ${s.requests} |`,
      ),
      '',
      `API calls before the first rows (median ms, cold): ${JSON.stringify(
        cold.api,
      )}`,
      `API calls before the first rows (median ms, warm): ${JSON.stringify(
        warm.api,
      )}`,
      `Target (first rows under 1.5 s, median): cold ${
        cold.firstRowFrame.median < 1500 ? 'met' : 'NOT met'
      }, warm ${warm.firstRowFrame.median < 1500 ? 'met' : 'NOT met'}`,
      `Backend liveness while measuring: median ${liveness.medianMs} ms, max ${liveness.maxMs} ms, ${liveness.stallsOver250Ms} of ${liveness.samples} answers over 250 ms`,
      `GitLab requests while measuring (nothing scanned): ${
        gitlab.requests() - gitlabBefore
      }`,
    ];
    console.log(lines.join('\n'));
    console.log(
      `Finished in ${round(
        (Date.now() - started.getTime()) / 1000,
      )} s; load average ${os
        .loadavg()
        .map(n => round(n, 2))
        .join(' ')}`,
    );
  } finally {
    await backend?.stop();
    await gitlab.stop();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
