import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CheckDefinition,
  StewardshipOptionsInput,
  StoredResult,
} from '@internal/plugin-python-stewardship-common';
import { GitlabReader } from '@internal/plugin-python-stewardship-node';
import { randomUUID } from 'node:crypto';
import {
  CodebaseInfo,
  ConformanceStore,
  QueueReason,
} from '../database/ConformanceStore';
import { FULL_SCAN_MAX_AGE_MS, scanProject } from './scanProject';

/** GitLab's `last_activity_at` moves at most once an hour. */
const ACTIVITY_SLACK_MS = 3600 * 1000;

export interface ConformanceScannerOptions {
  store: ConformanceStore;
  reader: GitlabReader;
  logger: LoggerService;
  /** Reads the catalog's Python codebases. */
  readCodebases: () => Promise<CodebaseInfo[]>;
  rulePackVersion: string;
  /** The organisation's options (`pythonStewardship.options`). */
  stewardship?: StewardshipOptionsInput;
  /** The rule pack with the organisation's own checks; the built-ins when absent. */
  checks?: readonly CheckDefinition[];
  concurrency: number;
  leaseMs: number;
  historyDays: number;
}

export interface SweepCounts {
  queued: number;
  scanned: number;
  unchanged: number;
  failed: number;
}

/**
 * Runs scans: the scheduled sweep (catalog sync, queue every codebase, work
 * the queue), one codebase on demand, and the queue for push events. The
 * queue lives in the database with leases, so a restart resumes where it
 * stopped and several instances share the work without scanning a project
 * twice.
 */
export class ConformanceScanner {
  readonly workerId = randomUUID();
  #draining: Promise<SweepCounts> | undefined;

  constructor(private readonly options: ConformanceScannerOptions) {}

  /** Mirrors the catalog; purges results of codebases that left it. */
  async syncCatalog(): Promise<void> {
    const codebases = await this.options.readCodebases();
    const removed = await this.options.store.syncCodebases(codebases);
    if (removed.length) {
      this.options.logger.info(
        `Removed the results of ${removed.length} codebases that left the catalog`,
        { removed: removed.slice(0, 20).join(', ') },
      );
    }
  }

  /**
   * The scheduled task: sync with the catalog, queue what may have changed,
   * scan, purge old history. After the first sweep, one listing of the
   * projects GitLab saw activity on since the previous sweep decides what
   * to look at, so an unchanged codebase costs no request at all.
   */
  async sweep(): Promise<SweepCounts> {
    const { store, logger } = this.options;
    const started = Date.now();
    const requestsBefore = this.options.reader.requestCount;
    await this.syncCatalog();
    await store.enqueue(
      await store.codebasesWithExpiredExemptions(),
      'exemption',
    );
    await store.enqueue(await this.codebasesToCheck(), 'schedule');
    const queued = await store.queueLength();
    const runId = await store.startRun('schedule', queued);
    const counts = await this.drain();
    await store.finishRun(runId, counts);
    const purged = await store.purgeHistory(
      new Date(Date.now() - this.options.historyDays * 24 * 3600 * 1000),
    );
    logger.info(
      `Conformance sweep: ${counts.scanned} scanned, ${
        counts.unchanged
      } unchanged, ${counts.failed} failed of ${queued} queued in ${
        Date.now() - started
      } ms, ${
        this.options.reader.requestCount - requestsBefore
      } GitLab requests; ${purged} old results purged`,
    );
    return { ...counts, queued };
  }

  /**
   * The frequent, cheap task: mirror the catalog, scan codebases that
   * appeared since (a new repository, or the catalog filling up after a
   * start), and work whatever is queued (push events, scans an instance
   * left behind when it stopped). Known codebases wait for the sweep.
   */
  async scanNewAndQueued(): Promise<SweepCounts> {
    await this.syncCatalog();
    await this.options.store.enqueue(
      await this.options.store.neverScanned(),
      'schedule',
    );
    return this.drain();
  }

  /**
   * Every codebase on the first sweep; afterwards only those whose project
   * had activity since the previous sweep began (minus an hour: GitLab
   * updates `last_activity_at` at most hourly, so a push within an hour of
   * earlier activity leaves it unchanged, yet still later than that mark),
   * plus those never scanned, scanned with another rule pack, failing, or
   * not read in full for a day (project settings change without activity).
   */
  private async codebasesToCheck(): Promise<string[]> {
    const { store, reader, rulePackVersion } = this.options;
    const previous = await store.lastRun();
    if (!previous?.finished_at) return store.listCodebaseRefs();
    const since = new Date(Date.parse(previous.started_at) - ACTIVITY_SLACK_MS);
    const activePaths = new Set(
      (await reader.listProjectsActiveSince(since)).map(path =>
        path.toLowerCase(),
      ),
    );
    return store.codebasesNeedingScan({
      activePaths,
      rulePackVersion,
      fullScanBefore: new Date(Date.now() - FULL_SCAN_MAX_AGE_MS),
    });
  }

  /**
   * Works the queue until it is empty, `concurrency` scans at a time. A
   * second call while one runs joins it.
   */
  drain(): Promise<SweepCounts> {
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  async #drain(): Promise<SweepCounts> {
    const { store, concurrency, leaseMs } = this.options;
    const counts = { queued: 0, scanned: 0, unchanged: 0, failed: 0 };
    for (;;) {
      const claimed = await store.claim(this.workerId, concurrency, leaseMs);
      if (!claimed.length) return counts;
      await Promise.all(
        claimed.map(async claim => {
          const outcome = await this.scanOne(claim.entityRef, claim.reason);
          counts[outcome] += 1;
          await store.complete(claim.entityRef, this.workerId);
        }),
      );
    }
  }

  /** Queues codebases (push events, exemption decisions) and works the queue in the background. */
  async requestScan(entityRefs: string[], reason: QueueReason): Promise<void> {
    if (!entityRefs.length) return;
    await this.options.store.enqueue(entityRefs, reason);
    this.drain().catch(error =>
      this.options.logger.error('Conformance scan queue failed', error),
    );
  }

  /**
   * Scans one codebase now. Scheduled scans skip unchanged projects; every
   * other reason reads the project again. Errors are stored on the codebase,
   * never thrown, so one broken project does not stop a sweep.
   */
  async scanOne(
    entityRef: string,
    reason: QueueReason,
  ): Promise<'scanned' | 'unchanged' | 'failed'> {
    const { store, logger, reader, rulePackVersion } = this.options;
    const codebase = await store.getCodebase(entityRef);
    if (!codebase) return 'unchanged';
    if (!codebase.projectPath) {
      await store.recordScanError(
        entityRef,
        'The entity has no gitlab.com/project-slug annotation, so the portal cannot tell which GitLab project to scan',
      );
      return 'failed';
    }
    try {
      const outcome = await scanProject(reader, {
        projectPath: codebase.projectPath,
        annotationType: codebase.type ?? undefined,
        previous: codebase.scanState,
        rulePackVersion,
        force: reason !== 'schedule',
        exemptions: await store.activeExemptions(entityRef),
        maintainers: codebase.maintainers,
        lastFullScanAt: codebase.lastScanAt,
        stewardship: this.options.stewardship,
        checks: this.options.checks,
      });
      if (outcome.kind === 'unchanged') {
        await store.recordUnchanged(entityRef);
        return 'unchanged';
      }
      await store.recordResult({
        entityRef,
        source: reason === 'exemption' ? 'manual' : reason,
        commitId: outcome.commitId,
        rulePackVersion,
        report: outcome.report,
        project: {
          webUrl: outcome.webUrl,
          defaultBranch: outcome.defaultBranch,
        },
      });
      return 'scanned';
    } catch (error) {
      const message = describeScanError(error, codebase.projectPath);
      logger.warn(`Could not scan ${entityRef}: ${message}`);
      await store.recordScanError(entityRef, message);
      return 'failed';
    }
  }

  /** Scans one codebase now and returns its newest stored scan. */
  async refresh(entityRef: string): Promise<StoredResult | null> {
    await this.scanOne(entityRef, 'manual');
    return this.options.store.latestResult(entityRef, 'scan');
  }
}

function describeScanError(error: unknown, projectPath: string): string {
  const status = (error as { cause?: { response?: { status?: number } } })
    ?.cause?.response?.status;
  if (status === 404) {
    return `GitLab project ${projectPath} was not found, or the portal's GitLab token cannot read it`;
  }
  if (status === 401 || status === 403) {
    return `GitLab refused the portal's token for ${projectPath} (HTTP ${status}); check integrations.gitlab`;
  }
  const message = (error as Error)?.message ?? String(error);
  return status ? `GitLab answered HTTP ${status}: ${message}` : message;
}
