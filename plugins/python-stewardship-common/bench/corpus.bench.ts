/*
 * Benchmark of the engine on the labelled corpus (corpus/labels.json): each
 * present checkout is listed with `git ls-files` and fetched into memory the
 * way the backend does (planConformanceFetch), then evaluated many times.
 * Prints each repository's median and p95, and the median and p95 across
 * repositories of the per-repository medians.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs plugins/python-stewardship-common/bench/corpus.bench.ts --checkouts /tmp/corpus
 *
 * Options: --checkouts DIR (default /tmp/corpus), --runs N evaluations per
 * repository after 20 warm-up ones (default 200), --json, --cache off|on|both
 * (default off: every evaluation parses every file, as a first scan does;
 * only where the engine has parse caches).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { loadLabels } from '../corpus/compareWithLabels';
import { loadCheckout, timeEvaluations } from './timeCheckout';

const args = process.argv.slice(2);
const option = (name: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const checkouts = option('--checkouts') ?? '/tmp/corpus';
const runs = Number(option('--runs')) || 200;
const asJson = args.includes('--json');
const cacheArg = option('--cache') ?? 'off';

/** The engine's parse-cache switch, where the engine has one. */
function parseCacheSwitch(): ((enabled: boolean) => void) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../src/parsers/parseCache').setParseCachesEnabled;
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

const round = (value: number) => Number(value.toFixed(3));

interface RepositoryTiming {
  id: string;
  files: number;
  fetched: number;
  fetchedKiB: number;
  medianMs: number;
  p95Ms: number;
  cpuMedianMs: number;
  type: string;
  score: number;
}

function timeRepository(id: string, directory: string): RepositoryTiming {
  const checkout = loadCheckout(directory);
  const { tree, fetched } = checkout;
  const {
    wallMs: times,
    cpuMs: cpuTimes,
    report,
  } = timeEvaluations(checkout, runs);
  return {
    id,
    files: tree.length,
    fetched: Object.keys(fetched).length,
    fetchedKiB: Math.round(
      Object.values(fetched).reduce((sum, text) => sum + text.length, 0) / 1024,
    ),
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    cpuMedianMs: round(percentile(cpuTimes, 50)),
    type: report.repositoryType,
    score: report.score,
  };
}

function runCorpus(cache: 'off' | 'on') {
  const toggle = parseCacheSwitch();
  toggle?.(cache === 'on');
  const timings: RepositoryTiming[] = [];
  const skipped: string[] = [];
  for (const label of loadLabels().repositories) {
    const directory = join(checkouts, label.id);
    if (!existsSync(join(directory, '.git'))) {
      skipped.push(label.id);
      continue;
    }
    timings.push(timeRepository(label.id, directory));
  }
  const medians = timings.map(t => t.medianMs).sort((a, b) => a - b);
  const p95s = timings.map(t => t.p95Ms).sort((a, b) => a - b);
  return {
    parseCaches: toggle ? cache : 'not in this engine',
    repositories: timings.length,
    runsPerRepository: runs,
    skipped,
    acrossRepositories: medians.length
      ? {
          medianOfMediansMs: percentile(medians, 50),
          p95OfMediansMs: percentile(medians, 95),
          maxMedianMs: medians[medians.length - 1],
          maxP95Ms: p95s[p95s.length - 1],
        }
      : undefined,
    timings,
  };
}

function main() {
  const modes: Array<'off' | 'on'> =
    cacheArg === 'both' ? ['off', 'on'] : [cacheArg as 'off' | 'on'];
  if (!modes.every(mode => mode === 'off' || mode === 'on')) {
    throw new Error('--cache takes off, on or both');
  }
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${
    os.cpus().length
  } cores, Node ${process.version}, load average ${os
    .loadavg()
    .map(load => load.toFixed(1))
    .join(' ')}`;
  const results = modes.map(runCorpus);
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ machine, results }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const result of results) {
    lines.push(
      `parse caches: ${result.parseCaches}; ${
        result.repositories
      } repositories, ${result.runsPerRepository} evaluations each${
        result.skipped.length
          ? ` (skipped, no checkout: ${result.skipped.join(', ')})`
          : ''
      }`,
    );
    for (const t of result.timings) {
      lines.push(
        `  ${t.id}: ${t.files} files, ${t.fetched} fetched (${t.fetchedKiB} KiB); median ${t.medianMs} ms, p95 ${t.p95Ms} ms, CPU median ${t.cpuMedianMs} ms; ${t.type}, score ${t.score}`,
      );
    }
    const across = result.acrossRepositories;
    if (across) {
      lines.push(
        `  per repository: median ${across.medianOfMediansMs} ms, p95 ${across.p95OfMediansMs} ms (of the per-repository medians); slowest median ${across.maxMedianMs} ms, worst p95 ${across.maxP95Ms} ms`,
      );
    }
  }
  lines.push(`machine: ${machine}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
