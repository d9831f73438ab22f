import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  CodebasePage,
  CodebaseQuery,
  CodebaseRow,
  ConformanceReport,
  Exemption,
  ExemptionState,
  LevelOrNone,
  OrganisationSummary,
  RepositoryType,
  ResultSource,
  ScoreHistory,
  StoredResult,
} from '@internal/plugin-python-stewardship-common';
import { ruleCatalog } from '@internal/plugin-python-stewardship-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

/** What the catalog says about a Python codebase. */
export interface CodebaseInfo {
  entityRef: string;
  name: string;
  title?: string;
  type: RepositoryType | null;
  owner: string | null;
  maintainers: string[];
  projectPath: string | null;
}

/** What the scanner remembers to skip unchanged projects. */
export interface ScanState {
  commitId: string | null;
  rulePackVersion: string | null;
}

export interface NewResult {
  entityRef: string;
  source: ResultSource;
  commitId: string | null;
  rulePackVersion: string;
  report: ConformanceReport;
  createdAt?: Date;
  /** Where the scan read the project, kept for file links. */
  project?: { webUrl: string; defaultBranch: string | null };
}

/** The list query, with `member` resolved to the person's own and their groups' refs. */
export type CodebaseStoreQuery = Omit<CodebaseQuery, 'member'> & {
  memberRefs?: string[];
};

export type QueueReason = ResultSource | 'exemption';

export interface ClaimedScan {
  entityRef: string;
  reason: QueueReason;
  attempts: number;
}

const TREND_LENGTH = 30;
const LEVELS: LevelOrNone[] = ['gold', 'silver', 'bronze', 'none'];
const TYPES: RepositoryType[] = ['service', 'utility', 'library'];

const emptyLevels = (): Record<LevelOrNone, number> => ({
  bronze: 0,
  silver: 0,
  gold: 0,
  none: 0,
});

/** Unscanned codebases (no level) sort last either way. */
const LEVEL_RANK_SQL =
  "(CASE level WHEN 'gold' THEN 3 WHEN 'silver' THEN 2 WHEN 'bronze' THEN 1 WHEN 'none' THEN 0 END)";

const SORT_COLUMNS: Record<NonNullable<CodebaseQuery['sort']>, string> = {
  name: 'name',
  score: 'score',
  level: LEVEL_RANK_SQL,
  failing: 'failing',
  lastScanAt: 'last_scan_at',
  owner: 'owner',
  type: 'type',
};

type CodebaseDbRow = {
  entity_ref: string;
  name: string;
  title: string | null;
  type: string | null;
  owner: string | null;
  maintainers: string;
  project_path: string | null;
  project_web_url: string | null;
  default_branch: string | null;
  scan_commit_id: string | null;
  scan_rule_pack_version: string | null;
  latest_result_id: string | null;
  score: number | null;
  level: string | null;
  failing: number;
  failing_checks: string;
  trend: string;
  last_scan_at: string | null;
  source: string | null;
  last_error: string | null;
  last_error_at: string | null;
};

type ExemptionDbRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  expires_at: string;
  requested_by: string;
  requested_at: string;
  state: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
};

/**
 * Everything the conformance service keeps, in the plugin's own database
 * (SQLite on the embedded defaults, PostgreSQL in production). Dates are
 * stored as ISO strings, which sort the same on both.
 */
export class ConformanceStore {
  private constructor(private readonly db: Knex) {}

  static async create(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<ConformanceStore> {
    if (!options.skipMigrations) {
      await db.migrate.latest({
        directory: resolvePackagePath(
          '@internal/plugin-python-stewardship-backend',
          'migrations',
        ),
      });
    }
    return new ConformanceStore(db);
  }

  // ---------------------------------------------------------------- catalog

  /**
   * Makes the codebases table match the catalog: adds and updates every
   * given codebase and removes (with their results, queue entries and
   * exemptions) those that left the catalog. Returns the removed refs.
   */
  async syncCodebases(codebases: CodebaseInfo[]): Promise<string[]> {
    const keep = new Set(codebases.map(c => c.entityRef));
    return this.db.transaction(async tx => {
      const existing: Array<{ entity_ref: string }> = await tx(
        'codebases',
      ).select('entity_ref');
      const gone = existing.map(r => r.entity_ref).filter(r => !keep.has(r));
      for (const chunk of chunks(gone, 200)) {
        for (const table of [
          'codebases',
          'results',
          'failing_checks',
          'scan_queue',
          'exemptions',
        ]) {
          await tx(table).whereIn('entity_ref', chunk).delete();
        }
      }
      for (const chunk of chunks(codebases, 200)) {
        await tx('codebases')
          .insert(
            chunk.map(c => ({
              entity_ref: c.entityRef,
              name: c.name,
              title: c.title ?? null,
              type: c.type,
              owner: c.owner,
              maintainers: JSON.stringify(
                c.maintainers.map(m => m.toLowerCase()),
              ),
              project_path: c.projectPath,
              search_text: [c.name, c.title, c.projectPath]
                .filter(Boolean)
                .join(' ')
                .toLowerCase()
                .slice(0, 1024),
            })),
          )
          .onConflict('entity_ref')
          .merge([
            'name',
            'title',
            'type',
            'owner',
            'maintainers',
            'project_path',
            'search_text',
          ]);
      }
      return gone;
    });
  }

  async getCodebase(entityRef: string): Promise<
    | (CodebaseInfo & {
        project: { webUrl: string | null; defaultBranch: string | null };
        scanState: ScanState;
        /** When the newest stored scan result was made. */
        lastScanAt: string | null;
        lastError: { at: string; message: string } | null;
      })
    | undefined
  > {
    const row: CodebaseDbRow | undefined = await this.db('codebases')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    return {
      entityRef: row.entity_ref,
      name: row.name,
      title: row.title ?? undefined,
      type: row.type as RepositoryType | null,
      owner: row.owner,
      maintainers: JSON.parse(row.maintainers),
      projectPath: row.project_path,
      project: {
        webUrl: row.project_web_url,
        defaultBranch: row.default_branch,
      },
      lastScanAt: row.last_scan_at,
      scanState: {
        commitId: row.scan_commit_id,
        rulePackVersion: row.scan_rule_pack_version,
      },
      lastError:
        row.last_error && row.last_error_at
          ? { at: row.last_error_at, message: row.last_error }
          : null,
    };
  }

  async listCodebaseRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(
      'codebases',
    ).select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  /**
   * Codebases a sweep must look at: never scanned, scanned with another rule
   * pack, last error, last full scan before `fullScanBefore`, or a GitLab
   * project in `activePaths` (lower-case). The rest are known unchanged.
   */
  async codebasesNeedingScan(options: {
    activePaths: ReadonlySet<string>;
    rulePackVersion: string;
    fullScanBefore: Date;
  }): Promise<string[]> {
    const rows: Array<{
      entity_ref: string;
      project_path: string | null;
      scan_rule_pack_version: string | null;
      last_scan_at: string | null;
      last_error: string | null;
    }> = await this.db('codebases').select(
      'entity_ref',
      'project_path',
      'scan_rule_pack_version',
      'last_scan_at',
      'last_error',
    );
    const cutoff = options.fullScanBefore.toISOString();
    return rows
      .filter(
        row =>
          !row.last_scan_at ||
          row.last_scan_at < cutoff ||
          row.scan_rule_pack_version !== options.rulePackVersion ||
          row.last_error !== null ||
          (row.project_path !== null &&
            options.activePaths.has(row.project_path.toLowerCase())),
      )
      .map(row => row.entity_ref);
  }

  async findByProjectPath(projectPath: string): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db('codebases')
      .whereRaw('LOWER(project_path) = ?', [projectPath.toLowerCase()])
      .select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  // ---------------------------------------------------------------- results

  /**
   * Stores a result. Scans (schedule, push, manual) also become the
   * codebase's current state; CI uploads are kept apart and never replace it.
   */
  async recordResult(result: NewResult): Promise<StoredResult> {
    const id = randomUUID();
    const createdAt = (result.createdAt ?? new Date()).toISOString();
    const level = result.report.level ?? 'none';
    await this.db.transaction(async tx => {
      await tx('results').insert({
        id,
        entity_ref: result.entityRef,
        source: result.source,
        created_at: createdAt,
        commit_id: result.commitId,
        rule_pack_version: result.rulePackVersion,
        score: result.report.score,
        level,
        report: JSON.stringify(result.report),
      });
      if (result.source === 'ci-upload') return;
      const failingChecks = result.report.results
        .filter(r => r.status === 'fail' || r.status === 'error')
        .map(r => r.id)
        .sort();
      const current: { trend: string } | undefined = await tx('codebases')
        .where({ entity_ref: result.entityRef })
        .first('trend');
      const trend = [
        ...(current ? (JSON.parse(current.trend) as number[]) : []),
        result.report.score,
      ].slice(-TREND_LENGTH);
      await tx('codebases')
        .where({ entity_ref: result.entityRef })
        .update({
          ...(result.project
            ? {
                project_web_url: result.project.webUrl,
                default_branch: result.project.defaultBranch,
              }
            : {}),
          scan_commit_id: result.commitId,
          scan_rule_pack_version: result.rulePackVersion,
          latest_result_id: id,
          score: result.report.score,
          level,
          failing: failingChecks.length,
          failing_checks: JSON.stringify(failingChecks),
          trend: JSON.stringify(trend),
          last_scan_at: createdAt,
          source: result.source,
          last_error: null,
          last_error_at: null,
        });
      await tx('failing_checks')
        .where({ entity_ref: result.entityRef })
        .delete();
      for (const chunk of chunks(failingChecks, 100)) {
        await tx('failing_checks').insert(
          chunk.map(checkId => ({
            entity_ref: result.entityRef,
            check_id: checkId,
          })),
        );
      }
    });
    return {
      id,
      source: result.source,
      createdAt,
      commitId: result.commitId,
      rulePackVersion: result.rulePackVersion,
      report: result.report,
    };
  }

  /** A scan that could not finish; the previous result stays current. */
  async recordScanError(entityRef: string, message: string): Promise<void> {
    await this.db('codebases')
      .where({ entity_ref: entityRef })
      .update({
        last_error: message.slice(0, 2000),
        last_error_at: new Date().toISOString(),
      });
  }

  /** The project was unchanged: only clear an old error. */
  async recordUnchanged(entityRef: string): Promise<void> {
    await this.db('codebases')
      .where({ entity_ref: entityRef })
      .update({ last_error: null, last_error_at: null });
  }

  async latestResult(
    entityRef: string,
    kind: 'scan' | 'upload',
  ): Promise<StoredResult | null> {
    const query = this.db('results')
      .where({ entity_ref: entityRef })
      .orderBy('created_at', 'desc')
      .first();
    if (kind === 'upload') query.where({ source: 'ci-upload' });
    else query.whereNot({ source: 'ci-upload' });
    const row = await query;
    if (!row) return null;
    return {
      id: row.id,
      source: row.source,
      createdAt: row.created_at,
      commitId: row.commit_id,
      rulePackVersion: row.rule_pack_version,
      report: JSON.parse(row.report),
    };
  }

  async history(entityRef: string, since: Date): Promise<ScoreHistory> {
    const rows: Array<{
      created_at: string;
      score: number;
      level: string;
      source: string;
    }> = await this.db('results')
      .where({ entity_ref: entityRef })
      .where('created_at', '>=', since.toISOString())
      .whereNot({ source: 'ci-upload' })
      .orderBy('created_at', 'asc')
      .select('created_at', 'score', 'level', 'source');
    return {
      points: rows.map(r => ({
        at: r.created_at,
        score: r.score,
        level: r.level as LevelOrNone,
        source: r.source as ResultSource,
      })),
    };
  }

  /**
   * Deletes results older than the cut-off, keeping each codebase's newest
   * scan and newest upload. Returns how many were deleted.
   */
  async purgeHistory(olderThan: Date): Promise<number> {
    const keep = this.db('codebases')
      .whereNotNull('latest_result_id')
      .select('latest_result_id');
    return this.db('results')
      .where('created_at', '<', olderThan.toISOString())
      .whereNotIn('id', keep)
      .whereNotIn(
        'id',
        this.db('results as newest')
          .where('newest.source', 'ci-upload')
          .whereNotExists(
            this.db('results as newer')
              .whereRaw('newer.entity_ref = newest.entity_ref')
              .where('newer.source', 'ci-upload')
              .whereRaw('newer.created_at > newest.created_at'),
          )
          .select('newest.id'),
      )
      .delete();
  }

  // ---------------------------------------------------------------- queries

  async listCodebases(query: CodebaseStoreQuery): Promise<CodebasePage> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 25;
    const base = this.filtered(query);
    const [{ count }] = await base.clone().count({ count: '*' });
    const sortColumn = SORT_COLUMNS[query.sort ?? 'name'];
    const order = query.order ?? 'asc';
    const rows: CodebaseDbRow[] = await base
      .clone()
      .select('*')
      .orderByRaw(
        `${sortColumn} IS NULL, ${sortColumn} ${
          order === 'desc' ? 'desc' : 'asc'
        }`,
      )
      .orderBy('entity_ref', 'asc')
      .offset(offset)
      .limit(limit);
    return {
      items: rows.map(toCodebaseRow),
      totalCount: Number(count),
      offset,
      limit,
    };
  }

  /** Every matching row, for CSV export, in pages to bound memory. */
  async *allCodebases(query: CodebaseStoreQuery): AsyncGenerator<CodebaseRow> {
    const pageSize = 500;
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.listCodebases({
        ...query,
        offset,
        limit: pageSize,
      });
      yield* page.items;
      if (page.items.length < pageSize) return;
    }
  }

  private filtered(query: CodebaseStoreQuery) {
    const q = this.db('codebases');
    if (query.q) {
      q.whereRaw("search_text LIKE ? ESCAPE '\\'", [
        `%${escapeLike(query.q.toLowerCase())}%`,
      ]);
    }
    if (query.type) q.where({ type: query.type });
    if (query.owner)
      q.whereRaw('LOWER(owner) = ?', [query.owner.toLowerCase()]);
    if (query.level === 'none') q.where({ level: 'none' });
    else if (query.level) q.where({ level: query.level });
    if (query.failingCheck) {
      q.whereIn(
        'entity_ref',
        this.db('failing_checks')
          .where({ check_id: query.failingCheck })
          .select('entity_ref'),
      );
    }
    if (query.memberRefs) {
      const refs = query.memberRefs.map(r => r.toLowerCase());
      q.where(inner => {
        inner.whereRaw(
          `LOWER(owner) IN (${refs.map(() => '?').join(', ') || 'NULL'})`,
          refs,
        );
        // Maintainers are stored lower-cased JSON strings.
        for (const ref of refs) {
          inner.orWhereRaw("maintainers LIKE ? ESCAPE '\\'", [
            `%"${escapeLike(ref)}"%`,
          ]);
        }
      });
    }
    return q;
  }

  async summary(): Promise<OrganisationSummary> {
    const db = this.db;
    const [totals] = await db('codebases').select(
      db.raw('COUNT(*) as codebases'),
      db.raw('COUNT(score) as scanned'),
      db.raw('AVG(score) as average'),
      db.raw('MAX(last_scan_at) as last_scan_at'),
    );
    const byLevelRows: Array<{ level: string; n: number }> = await db(
      'codebases',
    )
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

  // ---------------------------------------------------------------- queue

  /** Adds codebases to the scan queue; one already waiting keeps its place. */
  async enqueue(entityRefs: string[], reason: QueueReason): Promise<void> {
    const now = new Date().toISOString();
    for (const chunk of chunks(entityRefs, 200)) {
      const insert = this.db('scan_queue')
        .insert(
          chunk.map(entityRef => ({
            entity_ref: entityRef,
            reason,
            queued_at: now,
          })),
        )
        .onConflict('entity_ref');
      // A manual or push request upgrades a waiting scheduled one, so it is
      // not skipped as unchanged.
      if (reason === 'schedule') await insert.ignore();
      else await insert.merge(['reason']);
    }
  }

  /**
   * Claims up to `limit` waiting scans for this worker. A claim is a lease:
   * if the worker dies, any instance claims the entry again after it runs
   * out. The conditional update makes two instances never claim one entry.
   */
  async claim(
    workerId: string,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedScan[]> {
    const now = new Date();
    const candidates: Array<{
      entity_ref: string;
      reason: string;
      attempts: number;
      lease_until: string | null;
    }> = await this.db('scan_queue')
      .where(q =>
        q
          .whereNull('lease_until')
          .orWhere('lease_until', '<', now.toISOString()),
      )
      .orderBy('queued_at', 'asc')
      .limit(limit * 2)
      .select('entity_ref', 'reason', 'attempts', 'lease_until');
    const claimed: ClaimedScan[] = [];
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    for (const candidate of candidates) {
      if (claimed.length >= limit) break;
      const updated = await this.db('scan_queue')
        .where({ entity_ref: candidate.entity_ref })
        .where(q =>
          candidate.lease_until === null
            ? q.whereNull('lease_until')
            : q.where('lease_until', candidate.lease_until),
        )
        .update({
          claimed_by: workerId,
          lease_until: leaseUntil,
          attempts: candidate.attempts + 1,
        });
      if (updated === 1) {
        claimed.push({
          entityRef: candidate.entity_ref,
          reason: candidate.reason as QueueReason,
          attempts: candidate.attempts + 1,
        });
      }
    }
    return claimed;
  }

  /** Removes a finished scan from the queue, unless someone re-queued it meanwhile. */
  async complete(entityRef: string, workerId: string): Promise<void> {
    await this.db('scan_queue')
      .where({ entity_ref: entityRef, claimed_by: workerId })
      .delete();
  }

  async queueLength(): Promise<number> {
    const [{ n }] = await this.db('scan_queue').count({ n: '*' });
    return Number(n);
  }

  // ---------------------------------------------------------------- runs

  async startRun(trigger: string, queued: number): Promise<string> {
    const id = randomUUID();
    await this.db('scan_runs').insert({
      id,
      started_at: new Date().toISOString(),
      trigger,
      queued,
    });
    return id;
  }

  async finishRun(
    id: string,
    counts: { scanned: number; unchanged: number; failed: number },
  ): Promise<void> {
    await this.db('scan_runs')
      .where({ id })
      .update({ ...counts, finished_at: new Date().toISOString() });
  }

  async lastRun() {
    return (
      (await this.db('scan_runs').orderBy('started_at', 'desc').first()) ?? null
    );
  }

  // ---------------------------------------------------------------- exemptions

  async createExemption(input: {
    entityRef: string;
    checkId: string;
    reason: string;
    expiresAt: string;
    requestedBy: string;
  }): Promise<Exemption> {
    const open = await this.db('exemptions')
      .where({ entity_ref: input.entityRef, check_id: input.checkId })
      .whereIn('state', ['requested', 'approved'])
      .where('expires_at', '>', new Date().toISOString())
      .first();
    if (open) {
      throw new ConflictError(
        `${input.checkId} already has a ${
          open.state
        } exemption for this codebase (until ${open.expires_at.slice(0, 10)})`,
      );
    }
    const row: ExemptionDbRow = {
      id: randomUUID(),
      entity_ref: input.entityRef,
      check_id: input.checkId,
      reason: input.reason,
      expires_at: input.expiresAt,
      requested_by: input.requestedBy,
      requested_at: new Date().toISOString(),
      state: 'requested',
      decided_by: null,
      decided_at: null,
      decision_comment: null,
    };
    await this.db('exemptions').insert(row);
    return toExemption(row);
  }

  async getExemption(id: string): Promise<Exemption> {
    const row: ExemptionDbRow | undefined = await this.db('exemptions')
      .where({ id })
      .first();
    if (!row) throw new NotFoundError(`No exemption with id ${id}`);
    return toExemption(row);
  }

  async listExemptions(entityRef: string): Promise<Exemption[]> {
    const rows: ExemptionDbRow[] = await this.db('exemptions')
      .where({ entity_ref: entityRef })
      .orderBy('requested_at', 'desc');
    return rows.map(row => toExemption(row));
  }

  /**
   * Approves, rejects or revokes. Only a request can be approved or
   * rejected, only an approved (unexpired) exemption revoked.
   */
  async decideExemption(
    id: string,
    decision: 'approve' | 'reject' | 'revoke',
    decidedBy: string,
    comment?: string,
  ): Promise<Exemption> {
    const current = await this.getExemption(id);
    const allowed: Record<typeof decision, ExemptionState> = {
      approve: 'requested',
      reject: 'requested',
      revoke: 'approved',
    };
    if (current.state !== allowed[decision]) {
      throw new ConflictError(
        `Cannot ${decision} an exemption that is ${current.state}`,
      );
    }
    const state: ExemptionState =
      decision === 'approve'
        ? 'approved'
        : decision === 'reject'
        ? 'rejected'
        : 'revoked';
    await this.db('exemptions')
      .where({ id, state: current.state })
      .update({
        state,
        decided_by: decidedBy,
        decided_at: new Date().toISOString(),
        decision_comment: comment ?? null,
      });
    return this.getExemption(id);
  }

  /** Approved, unexpired exemptions of one codebase, as the engine's option. */
  async activeExemptions(entityRef: string): Promise<Record<string, string>> {
    const rows: ExemptionDbRow[] = await this.db('exemptions')
      .where({ entity_ref: entityRef, state: 'approved' })
      .where('expires_at', '>', new Date().toISOString());
    return Object.fromEntries(
      rows.map(row => [
        row.check_id,
        `Exempt until ${row.expires_at.slice(
          0,
          10,
        )} (approved in the portal by ${row.decided_by}): ${row.reason}`,
      ]),
    );
  }

  /**
   * Codebases whose newest scan counted an exemption that has expired since,
   * so they are scanned again without anyone acting.
   */
  async codebasesWithExpiredExemptions(): Promise<string[]> {
    const now = new Date().toISOString();
    const rows: Array<{ entity_ref: string }> = await this.db('exemptions as e')
      .join('codebases as c', 'c.entity_ref', 'e.entity_ref')
      .where('e.state', 'approved')
      .where('e.expires_at', '<=', now)
      .whereRaw('c.last_scan_at < e.expires_at')
      .distinct('e.entity_ref');
    return rows.map(r => r.entity_ref);
  }
}

function toCodebaseRow(row: CodebaseDbRow): CodebaseRow {
  return {
    entityRef: row.entity_ref,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    type: row.type as RepositoryType | null,
    owner: row.owner,
    maintainers: JSON.parse(row.maintainers),
    projectPath: row.project_path,
    score: row.score,
    level: row.level as LevelOrNone | null,
    failing: row.failing,
    failingChecks: JSON.parse(row.failing_checks),
    lastScanAt: row.last_scan_at,
    source: row.source as ResultSource | null,
    trend: JSON.parse(row.trend),
  };
}

function toExemption(row: ExemptionDbRow, now = new Date()): Exemption {
  const expired =
    row.state === 'approved' && row.expires_at <= now.toISOString();
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    expiresAt: row.expires_at,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    state: expired ? 'expired' : (row.state as ExemptionState),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
