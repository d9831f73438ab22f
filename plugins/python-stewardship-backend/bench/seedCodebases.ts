import {
  CheckStatus,
  ConformanceReport,
  createMemorySnapshot,
  evaluateRepository,
} from '@internal/plugin-python-stewardship-common';
import { Knex } from 'knex';
import {
  CodebaseInfo,
  ConformanceStore,
} from '../src/database/ConformanceStore';

/**
 * The benchmarks' stored state: 10,000 (or N) codebases with a year of
 * daily history and a current result each. Used by the conformance
 * service's benchmark (bench/conformance.bench.ts) and the dashboard's
 * browser benchmark (packages/app/bench/dashboardFirstRows.bench.ts).
 */

export type DbKind = 'sqlite' | 'postgres';

const baseReport = evaluateRepository(createMemorySnapshot({}));
const checkIds = baseReport.results.map(r => r.id);

/** Deterministic pseudo-random numbers per codebase. */
export function hash(i: number, salt: number): number {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

function levelFor(score: number): ConformanceReport['level'] {
  if (score >= 90) return 'gold';
  if (score >= 75) return 'silver';
  if (score >= 50) return 'bronze';
  return null;
}

/** A real report shape with a varied score, level and 0-8 failing checks. */
export function reportFor(i: number): ConformanceReport {
  const score = hash(i, 1) % 101;
  const failing = new Set(
    checkIds.filter((_, j) => hash(i, j + 7) % 100 < 100 - score),
  );
  // Keep at most eight, so scores and failures roughly agree.
  const kept = new Set([...failing].slice(0, 8));
  return {
    ...baseReport,
    score,
    level: levelFor(score),
    results: baseReport.results.map(result => {
      let status: CheckStatus =
        result.status === 'fail' ? 'pass' : result.status;
      if (kept.has(result.id)) status = 'fail';
      return { ...result, status };
    }),
  };
}

const TYPES = ['service', 'library', 'utility', null] as const;

/**
 * N synthetic codebases: three types and untyped, 50 owner groups
 * (`group:default/team-N`), two of 300 maintainers (`user:default/user-N`) each.
 */
export function benchCodebases(count: number): CodebaseInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    entityRef: `component:default/synthetic-${i}`,
    name: `synthetic-${i}`,
    title: i % 3 === 0 ? `Synthetic service ${i}` : undefined,
    type: TYPES[i % TYPES.length],
    owner: `group:default/team-${i % 50}`,
    maintainers: [
      `user:default/user-${i % 300}`,
      `user:default/user-${(i * 7) % 300}`,
    ],
    projectPath: `synthetic/batch-${String(Math.floor(i / 100)).padStart(
      3,
      '0',
    )}/project-${i}`,
  }));
}

/**
 * Fills a fresh conformance database with {@link benchCodebases}: `days` of
 * daily history per codebase generated inside the database, then the
 * current result of each through the store's own `recordResult`.
 */
export async function fillApiDatabase(
  kind: DbKind,
  db: Knex,
  store: ConformanceStore,
  options: { entities: number; days: number },
) {
  const codebases = benchCodebases(options.entities);
  const timings = { syncSeconds: 0, historySeconds: 0, currentSeconds: 0 };
  let started = Date.now();
  await store.syncCodebases(codebases);
  timings.syncSeconds = (Date.now() - started) / 1000;

  // A year of daily history, generated inside the database, before the
  // current results so those stay the newest. Score and level per day vary
  // with the codebase and the day; the report JSON is small.
  started = Date.now();
  const days = options.days;
  const scoreSql = `((LENGTH(entity_ref) * 37 + d * 13 + CAST(SUBSTR(name, 11) AS INTEGER) * 7) % 101)`;
  const levelSql = `(CASE WHEN ${scoreSql} >= 90 THEN 'gold' WHEN ${scoreSql} >= 75 THEN 'silver' WHEN ${scoreSql} >= 50 THEN 'bronze' ELSE 'none' END)`;
  if (kind === 'sqlite') {
    await db.raw(`
      INSERT INTO results (id, entity_ref, source, created_at, commit_id, rule_pack_version, score, level, report)
      WITH RECURSIVE days(d) AS (SELECT 1 UNION ALL SELECT d + 1 FROM days WHERE d < ${days})
      SELECT 'h' || d || '-' || SUBSTR(name, 11), entity_ref, 'schedule',
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || d || ' days'),
        printf('%040d', d), 'bench', ${scoreSql}, ${levelSql},
        '{"score":' || ${scoreSql} || ',"history":true}'
      FROM codebases CROSS JOIN days`);
  } else {
    await db.raw(`
      INSERT INTO results (id, entity_ref, source, created_at, commit_id, rule_pack_version, score, level, report)
      SELECT 'h' || d || '-' || SUBSTR(name, 11), entity_ref, 'schedule',
        to_char((now() AT TIME ZONE 'utc') - d * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        lpad(d::text, 40, '0'), 'bench', ${scoreSql}, ${levelSql},
        '{"score":' || ${scoreSql} || ',"history":true}'
      FROM codebases CROSS JOIN generate_series(1, ${days}) AS d`);
    await db.raw('ANALYZE');
  }
  timings.historySeconds = (Date.now() - started) / 1000;

  // The current state through the store's normal path.
  started = Date.now();
  const workers = kind === 'sqlite' ? 1 : 4;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < codebases.length) {
        const i = next++;
        await store.recordResult({
          entityRef: codebases[i].entityRef,
          source: 'schedule',
          commitId: hash(i, 3).toString(16).padStart(40, '0'),
          rulePackVersion: 'bench',
          report: reportFor(i),
        });
      }
    }),
  );
  if (kind === 'postgres') await db.raw('ANALYZE');
  timings.currentSeconds = (Date.now() - started) / 1000;
  const [{ n }] = await db('results').count({ n: '*' });
  return { ...timings, results: Number(n) };
}
