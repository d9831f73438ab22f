/*
 * Benchmark of the conformance engine: evaluates 1,000 in-memory repository
 * snapshots of realistic size and prints median and p95 time per repository
 * and peak memory.
 *
 *   yarn workspace @internal/plugin-python-stewardship-common bench
 *   node -r @backstage/cli/config/nodeTransform.cjs plugins/python-stewardship-common/bench/engine.bench.ts
 *
 * Options: --repos N (default 1000), --json (machine-readable output),
 * --dir PATH (repeatable): instead, time real checkouts, fetched the way the
 * backend does (planConformanceFetch), 200 evaluations each.
 *
 * Every figure is taken twice: with the parsers' content caches off (each
 * evaluation parses every file, as the first scan of a repository does) and
 * on (as in a long-running backend, where a file unchanged since the last
 * scan, or shared with another repository, is not parsed again).
 * --cache off|on runs only one of the two.
 */
import os from 'node:os';
import { createMemorySnapshot, evaluateRepository } from '../src';
import { loadFixtureFiles } from '../fixtures/loadFixtureRepo';
import { loadCheckout, timeEvaluations } from './timeCheckout';
import { setParseCachesEnabled } from '../src/parsers/parseCache';

const args = process.argv.slice(2);
const repoCount = Number(args[args.indexOf('--repos') + 1]) || 1000;
const asJson = args.includes('--json');
const directories = args.flatMap((arg, i) =>
  arg === '--dir' ? [args[i + 1]] : [],
);
const jsonResults: unknown[] = [];
const cacheArg = args.includes('--cache')
  ? args[args.indexOf('--cache') + 1]
  : 'both';
if (!['on', 'off', 'both'].includes(cacheArg)) {
  throw new Error('--cache takes off, on or both');
}
const cacheModes = (cacheArg === 'both' ? ['off', 'on'] : [cacheArg]) as Array<
  'off' | 'on'
>;

const TEMPLATES = [
  'conformant-service',
  'conformant-utility',
  'conformant-library',
  'legacy-service',
  'legacy-setuptools-library',
  'monorepo-subfolder',
].map(name => {
  const decoder = new TextDecoder();
  return Object.fromEntries(
    Object.entries(loadFixtureFiles(name)).map(([path, bytes]) => [
      path,
      decoder.decode(bytes),
    ]),
  );
});

/** Deterministic pseudo-random numbers, so every run measures the same repositories. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** A poetry.lock entry about the size real ones have (hashes included). */
function lockEntry(name: string, next: () => number): string {
  const hash = () =>
    Math.floor(next() * 1e16)
      .toString(16)
      .padStart(14, '0')
      .repeat(5);
  return `[[package]]\nname = "${name}"\nversion = "1.${Math.floor(
    next() * 30,
  )}.0"\ndescription = "Package ${name}"\noptional = false\npython-versions = ">=3.9"\ngroups = ["main"]\nfiles = [\n    {file = "${name}-1.0.0-py3-none-any.whl", hash = "sha256:${hash()}"},\n    {file = "${name}-1.0.0.tar.gz", hash = "sha256:${hash()}"},\n]\n\n[package.dependencies]\ntyping-extensions = ">=4.0"\n\n`;
}

/**
 * One repository: a fixture as the base, plus a few hundred source and test
 * modules and a lockfile with 80 to 200 packages, which is what a typical
 * GitLab Python service or library looks like.
 */
function buildRepository(index: number): Record<string, string> {
  const next = random(index + 1);
  const files: Record<string, string> = {
    ...TEMPLATES[index % TEMPLATES.length],
  };
  const root = files['pyproject.toml'] ? '' : 'services/search-api/';
  const moduleCount = 150 + Math.floor(next() * 450);
  for (let i = 0; i < moduleCount; i++) {
    const folder = `pkg_${index}/area_${i % 12}`;
    files[
      `${root}${folder}/module_${i}.py`
    ] = `"""Module ${i}."""\n\n\ndef handler_${i}(value: int) -> int:\n    return value * ${i}\n`;
    if (i % 2 === 0) {
      files[
        `${root}tests/${folder}/test_module_${i}.py`
      ] = `def test_handler_${i}():\n    assert True\n`;
    }
  }
  const lockPath = `${root}poetry.lock`;
  if (files[lockPath]) {
    const extra = 80 + Math.floor(next() * 120);
    const entries = Array.from({ length: extra }, (_, i) =>
      lockEntry(`dependency-${i}`, next),
    );
    files[lockPath] = entries.join('') + files[lockPath];
  }
  return files;
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function main(cache: 'off' | 'on') {
  setParseCachesEnabled(cache === 'on');
  for (let i = 0; i < 50; i++) {
    evaluateRepository(createMemorySnapshot(buildRepository(repoCount + i)));
  }
  const fileCounts: number[] = [];
  const bytes: number[] = [];

  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  let peakHeap = 0;
  const times: number[] = [];
  // CPU time as well as wall time: on a shared machine, waiting for a core
  // inflates wall time but not CPU time.
  const cpuTimes: number[] = [];
  let checksRun = 0;
  for (let index = 0; index < repoCount; index++) {
    // Built one at a time, outside the timed section, so the measured memory
    // is the engine's rather than a thousand repositories held at once.
    const files = buildRepository(index);
    fileCounts.push(Object.keys(files).length);
    bytes.push(
      Object.values(files).reduce((sum, text) => sum + text.length, 0),
    );
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    const report = evaluateRepository(createMemorySnapshot(files));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    checksRun += report.results.length;
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }
  fileCounts.sort((a, b) => a - b);
  bytes.sort((a, b) => a - b);
  const sorted = [...times].sort((a, b) => a - b);
  const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
  const total = times.reduce((sum, t) => sum + t, 0);
  const result = {
    parseCaches: cache,
    repositories: repoCount,
    filesPerRepository: {
      median: percentile(fileCounts, 50),
      max: fileCounts[fileCounts.length - 1],
    },
    kilobytesPerRepository: {
      median: Math.round(percentile(bytes, 50) / 1024),
      max: Math.round(bytes[bytes.length - 1] / 1024),
    },
    checksEvaluated: checksRun,
    msPerRepository: {
      median: Number(percentile(sorted, 50).toFixed(3)),
      p95: Number(percentile(sorted, 95).toFixed(3)),
      max: Number(sorted[sorted.length - 1].toFixed(3)),
      mean: Number((total / times.length).toFixed(3)),
    },
    cpuMsPerRepository: {
      median: Number(percentile(sortedCpu, 50).toFixed(3)),
      p95: Number(percentile(sortedCpu, 95).toFixed(3)),
    },
    loadAverage: os.loadavg().map(load => Number(load.toFixed(2))),
    totalSeconds: Number((total / 1000).toFixed(2)),
    baselineRssMiB: Math.round(baselineRss / 1024 / 1024),
    peakRssMiB: Math.round(peakRss / 1024 / 1024),
    peakHeapUsedMiB: Math.round(peakHeap / 1024 / 1024),
    machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${
      os.cpus().length
    } cores, ${Math.round(
      os.totalmem() / 1024 ** 3,
    )} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`,
  };
  if (asJson) {
    jsonResults.push(result);
    return;
  }
  process.stdout.write(
    [
      `Parse caches ${cache}:`,
      `Evaluated ${result.repositories} repositories (median ${result.filesPerRepository.median} files, ${result.kilobytesPerRepository.median} KiB; ${result.checksEvaluated} check results)`,
      `per repository: median ${result.msPerRepository.median} ms, p95 ${result.msPerRepository.p95} ms, max ${result.msPerRepository.max} ms (total ${result.totalSeconds} s)`,
      `CPU time per repository: median ${
        result.cpuMsPerRepository.median
      } ms, p95 ${
        result.cpuMsPerRepository.p95
      } ms (load average ${result.loadAverage.join(' ')})`,
      `peak memory: RSS ${result.peakRssMiB} MiB (${result.baselineRssMiB} MiB before the timed loop), heap used ${result.peakHeapUsedMiB} MiB (process total, one repository's test data at a time)`,
      `machine: ${result.machine}`,
      '',
    ].join('\n'),
  );
}

/** Times a real git checkout: tree from `git ls-files`, contents fetched as the backend would. */
function benchDirectory(directory: string, cache: 'off' | 'on') {
  setParseCachesEnabled(cache === 'on');
  const checkout = loadCheckout(directory);
  const { tree, fetched, rounds } = checkout;
  const {
    wallMs: times,
    cpuMs: cpuTimes,
    report,
  } = timeEvaluations(checkout, 200);
  const ciBytes = Object.entries(fetched)
    .filter(
      ([path]) =>
        /\.ya?ml$/.test(path) &&
        (path === '.gitlab-ci.yml' || path.startsWith('.gitlab/')),
    )
    .reduce((sum, [, text]) => sum + text.length, 0);
  process.stdout.write(
    `${directory} (parse caches ${cache}): ${tree.length} files, ${
      Object.keys(fetched).length
    } fetched in ${rounds} rounds (CI YAML ${Math.round(
      ciBytes / 1024,
    )} KiB); score ${report.score}, level ${
      report.level ?? 'none'
    }; median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(
      times,
      95,
    ).toFixed(2)} ms; CPU median ${percentile(cpuTimes, 50).toFixed(
      2,
    )} ms (load average ${os.loadavg()[0].toFixed(1)})\n`,
  );
}

for (const cache of cacheModes) {
  if (directories.length) {
    directories.forEach(directory => benchDirectory(directory, cache));
  } else {
    main(cache);
  }
}
if (asJson && jsonResults.length) {
  process.stdout.write(
    `${JSON.stringify(
      jsonResults.length === 1 ? jsonResults[0] : jsonResults,
      null,
      2,
    )}\n`,
  );
}
