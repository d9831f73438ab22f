import type {
  CodebaseRow,
  Exemption,
  ExemptionState,
  LevelOrNone,
  RepositoryType,
  ResultSource,
} from '@internal/plugin-python-stewardship-common';
import { CodebaseDbRow, ExemptionDbRow } from './storeTypes';

export const LEVELS: LevelOrNone[] = ['gold', 'silver', 'bronze', 'none'];
export const TYPES: RepositoryType[] = ['service', 'utility', 'library'];

export const emptyLevels = (): Record<LevelOrNone, number> => ({
  bronze: 0,
  silver: 0,
  gold: 0,
  none: 0,
});

export function toCodebaseRow(row: CodebaseDbRow): CodebaseRow {
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

export function toExemption(row: ExemptionDbRow, now = new Date()): Exemption {
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

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
