import type {
  LevelOrNone,
  OrganisationSummary,
  RepositoryType,
} from '@internal/plugin-python-stewardship-common';
import { ruleCatalog } from '@internal/plugin-python-stewardship-common';
import { Knex } from 'knex';
import { emptyLevels, LEVELS, TYPES } from './rowMapping';

/**
 * The organisation at a glance, from the `codebases` and `failing_checks`
 * tables only (a handful of grouped queries, whatever the history size).
 */
export async function summariseCodebases(
  db: Knex,
): Promise<OrganisationSummary> {
  const [totals] = await db('codebases').select(
    db.raw('COUNT(*) as codebases'),
    db.raw('COUNT(score) as scanned'),
    db.raw('AVG(score) as average'),
    db.raw('MAX(last_scan_at) as last_scan_at'),
  );
  const byLevelRows: Array<{ level: string; n: number }> = await db('codebases')
    .whereNotNull('level')
    .groupBy('level')
    .select('level', db.raw('COUNT(*) as n'));
  const byTypeRows: Array<{ type: string; n: number }> = await db('codebases')
    .whereNotNull('type')
    .groupBy('type')
    .select('type', db.raw('COUNT(*) as n'));
  const failRows: Array<{ check_id: string; n: number }> = await db(
    'failing_checks',
  )
    .groupBy('check_id')
    .select('check_id', db.raw('COUNT(*) as n'))
    .orderBy([
      { column: 'n', order: 'desc' },
      { column: 'check_id', order: 'asc' },
    ])
    .limit(10);
  const ownerRows: Array<{
    owner: string;
    level: string | null;
    n: number;
    total: number | null;
    scored: number;
  }> = await db('codebases')
    .whereNotNull('owner')
    .groupBy('owner', 'level')
    .select(
      'owner',
      'level',
      db.raw('COUNT(*) as n'),
      db.raw('SUM(score) as total'),
      db.raw('COUNT(score) as scored'),
    );

  const byLevel = emptyLevels();
  for (const row of byLevelRows) {
    if (LEVELS.includes(row.level as LevelOrNone)) {
      byLevel[row.level as LevelOrNone] = Number(row.n);
    }
  }
  const byType = { service: 0, utility: 0, library: 0 } as Record<
    RepositoryType,
    number
  >;
  for (const row of byTypeRows) {
    if (TYPES.includes(row.type as RepositoryType)) {
      byType[row.type as RepositoryType] = Number(row.n);
    }
  }
  const rules = new Map(ruleCatalog.map(r => [r.id, r]));
  const owners = new Map<
    string,
    OrganisationSummary['owners'][number] & { total: number; scored: number }
  >();
  for (const row of ownerRows) {
    const entry = owners.get(row.owner) ?? {
      owner: row.owner,
      codebases: 0,
      averageScore: null,
      byLevel: emptyLevels(),
      total: 0,
      scored: 0,
    };
    entry.codebases += Number(row.n);
    entry.total += Number(row.total ?? 0);
    entry.scored += Number(row.scored);
    if (row.level && LEVELS.includes(row.level as LevelOrNone)) {
      entry.byLevel[row.level as LevelOrNone] += Number(row.n);
    }
    owners.set(row.owner, entry);
  }
  return {
    codebases: Number(totals.codebases),
    scanned: Number(totals.scanned),
    byLevel,
    byType,
    averageScore:
      totals.average === null || totals.average === undefined
        ? null
        : Math.round(Number(totals.average)),
    mostFailedChecks: failRows.map(row => {
      const rule = rules.get(row.check_id);
      return {
        checkId: row.check_id,
        title: rule?.title ?? row.check_id,
        docs: rule ? `${rule.docs.page}#${rule.docs.anchor}` : '',
        failing: Number(row.n),
      };
    }),
    owners: [...owners.values()]
      .map(({ total, scored, ...owner }) => ({
        ...owner,
        averageScore: scored ? Math.round(total / scored) : null,
      }))
      .sort(
        (a, b) => b.codebases - a.codebases || a.owner.localeCompare(b.owner),
      ),
    lastScanAt: totals.last_scan_at ?? null,
  };
}
