import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type {
  CodebasePage,
  CodebaseQuery,
  CodebaseRow,
  LevelOrNone,
  OrganisationSummary,
  RepositoryType,
  ResultSource,
  ScoreHistory,
  StoredResult,
} from '@internal/plugin-python-stewardship-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ExemptionStore } from './ExemptionStore';
import { chunks, escapeLike, toCodebaseRow } from './rowMapping';
import { ScanQueue } from './ScanQueue';
import {
  CodebaseDbRow,
  CodebaseInfo,
  CodebaseStoreQuery,
  NewResult,
  ScanState,
} from './storeTypes';
import { summariseCodebases } from './summariseCodebases';

export type {
  ClaimedScan,
  CodebaseInfo,
  CodebaseStoreQuery,
  NewResult,
  QueueReason,
  ScanState,
} from './storeTypes';

const TREND_LENGTH = 30;

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

/**
 * Everything the conformance service keeps, in the plugin's own database
 * (SQLite on the embedded defaults, PostgreSQL in production). Dates are
 * stored as ISO strings, which sort the same on both.
 */
export class ConformanceStore {
  readonly #queue: ScanQueue;
  readonly #exemptions: ExemptionStore;

  private constructor(private readonly db: Knex) {
    this.#queue = new ScanQueue(db);
    this.#exemptions = new ExemptionStore(db);
  }

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

  /** Codebases with neither a result nor an error yet: new in the catalog. */
  async neverScanned(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db('codebases')
      .whereNull('last_scan_at')
      .whereNull('last_error')
      .select('entity_ref');
    return rows.map(row => row.entity_ref);
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
    if (query.entityRefs) {
      // Stored refs are lower-case (toCodebaseInfo).
      q.whereIn(
        'entity_ref',
        query.entityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
      );
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
    return summariseCodebases(this.db);
  }

  // The queue, runs and exemptions live in their own classes; the store is
  // the one object the scanner and the router hold.
  enqueue: ScanQueue['enqueue'] = (...args) => this.#queue.enqueue(...args);
  claim: ScanQueue['claim'] = (...args) => this.#queue.claim(...args);
  complete: ScanQueue['complete'] = (...args) => this.#queue.complete(...args);
  queueLength: ScanQueue['queueLength'] = () => this.#queue.queueLength();
  startRun: ScanQueue['startRun'] = (...args) => this.#queue.startRun(...args);
  finishRun: ScanQueue['finishRun'] = (...args) =>
    this.#queue.finishRun(...args);
  lastRun: ScanQueue['lastRun'] = () => this.#queue.lastRun();
  createExemption: ExemptionStore['createExemption'] = (...args) =>
    this.#exemptions.createExemption(...args);
  getExemption: ExemptionStore['getExemption'] = (...args) =>
    this.#exemptions.getExemption(...args);
  listExemptions: ExemptionStore['listExemptions'] = (...args) =>
    this.#exemptions.listExemptions(...args);
  decideExemption: ExemptionStore['decideExemption'] = (...args) =>
    this.#exemptions.decideExemption(...args);
  activeExemptions: ExemptionStore['activeExemptions'] = (...args) =>
    this.#exemptions.activeExemptions(...args);
  codebasesWithExpiredExemptions: ExemptionStore['codebasesWithExpiredExemptions'] =
    () => this.#exemptions.codebasesWithExpiredExemptions();
}
