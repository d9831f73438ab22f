import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { chunks } from './rowMapping';
import { ClaimedScan, QueueReason } from './storeTypes';

/**
 * Scans waiting to run (`scan_queue`) and the sweeps that queued them
 * (`scan_runs`). Entries are claimed with a lease, so a restart resumes
 * where it stopped and two instances never claim one entry.
 */
export class ScanQueue {
  constructor(private readonly db: Knex) {}

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
}
