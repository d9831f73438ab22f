import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Exemption,
  ExemptionState,
} from '@internal/plugin-python-stewardship-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { toExemption } from './rowMapping';
import { ExemptionDbRow } from './storeTypes';

/**
 * Requests not to count one check for one codebase until a date, with who
 * asked and who decided. `expired` is computed on read, so an exemption
 * stops counting on its date without anyone acting.
 */
export class ExemptionStore {
  constructor(private readonly db: Knex) {}

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
    const outcome: Record<typeof decision, ExemptionState> = {
      approve: 'approved',
      reject: 'rejected',
      revoke: 'revoked',
    };
    const state = outcome[decision];
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
