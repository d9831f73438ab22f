/*
 * What the engine benchmark (`--dir`) and the corpus benchmark share: a git
 * checkout loaded the way the backend reads a project, and the timing loop.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConformanceReport,
  createMemorySnapshot,
  evaluateRepository,
  planConformanceFetch,
} from '../src';

/** A checkout as the backend sees a project: its tree and the fetched files. */
export interface LoadedCheckout {
  tree: string[];
  fetched: Record<string, string>;
  /** Fetch rounds the plan needed. */
  rounds: number;
}

/** Lists the tree with `git ls-files` and reads what `planConformanceFetch` asks for. */
export function loadCheckout(directory: string): LoadedCheckout {
  const listed = spawnSync('git', ['ls-files', '-z'], {
    cwd: directory,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (listed.status !== 0) {
    throw new Error(`${directory} is not a git checkout: ${listed.stderr}`);
  }
  const tree = listed.stdout.split('\0').filter(Boolean);
  const fetched: Record<string, string> = {};
  // A path the plan asks for but the checkout cannot give (a symlink, a
  // binary) stays missing, as it would for the backend; never ask twice.
  const attempted = new Set<string>();
  let rounds = 0;
  for (;;) {
    const next = planConformanceFetch(tree, fetched).filter(
      path => !attempted.has(path),
    );
    if (!next.length) break;
    rounds++;
    for (const path of next) {
      attempted.add(path);
      try {
        fetched[path] = readFileSync(join(directory, path), 'utf8');
      } catch {
        // left missing
      }
    }
  }
  return { tree, fetched, rounds };
}

/** Wall and CPU milliseconds per evaluation, each sorted ascending. */
export interface EvaluationTimes {
  wallMs: number[];
  cpuMs: number[];
  report: ConformanceReport;
}

/** Evaluates the checkout `warmup + runs` times and keeps the last `runs`. */
export function timeEvaluations(
  { tree, fetched }: LoadedCheckout,
  runs: number,
  warmup = 20,
): EvaluationTimes {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let report: ConformanceReport | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    report = evaluateRepository(
      createMemorySnapshot(fetched, undefined, { treePaths: tree }),
    );
    if (i >= warmup) {
      wallMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      const cpu = process.cpuUsage(cpuStarted);
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
  }
  wallMs.sort((a, b) => a - b);
  cpuMs.sort((a, b) => a - b);
  return { wallMs, cpuMs, report: report! };
}
