/**
 * The conformance service's REST API (`/api/python-stewardship`), as types
 * both sides share: the backend's router returns exactly these shapes and the
 * frontend's client reads them. Dates are ISO 8601 strings.
 *
 * Routes (all need a signed-in user unless noted):
 * - `GET /summary` → {@link OrganisationSummary}
 * - `GET /codebases?…` ({@link CodebaseQuery}) → {@link CodebasePage}; `GET /codebases.csv?…` → CSV of all matching rows
 * - `GET /entities/:kind/:namespace/:name/report` → {@link EntityConformance} (404 for an unknown entity)
 * - `GET /entities/:kind/:namespace/:name/history?days=N` → {@link ScoreHistory}
 * - `POST /entities/:kind/:namespace/:name/refresh` → {@link EntityConformance} after a fresh scan (owners, maintainers, admins)
 * - `GET /entities/:kind/:namespace/:name/exemptions` → `{ items: Exemption[] }`
 * - `POST /entities/:kind/:namespace/:name/exemptions` ({@link ExemptionRequest}) → {@link Exemption} (any signed-in user)
 * - `POST /exemptions/:id/decision` ({@link ExemptionDecision}) → {@link Exemption} (owners, maintainers, admins)
 * - `GET /rules` → `{ items: CheckMetadata[] }`
 * - `POST /uploads` (CI token) with `{ entityRef or projectPath, report }`
 * - `GET /badges/:kind/:namespace/:name.svg` (public only where config allows)
 */
import type { ConformanceReport } from '../engine/ConformanceReport';
import type { RepositoryType } from '../checks/types';
import type { ConformanceLevelId } from '../scoring/levels';

/** Where a stored result came from. @public */
export type ResultSource = 'schedule' | 'push' | 'manual' | 'ci-upload';

/** A level, or `none` for a scanned codebase that reached no level. @public */
export type LevelOrNone = ConformanceLevelId | 'none';

/** `GET /summary`: the organisation at a glance. @public */
export interface OrganisationSummary {
  /** Python codebases in the catalog (scanned or not). */
  codebases: number;
  /** Codebases with at least one stored scan result. */
  scanned: number;
  byLevel: Record<LevelOrNone, number>;
  byType: Record<RepositoryType, number>;
  /** Average score (0-100) over scanned codebases, `null` when none is scanned. */
  averageScore: number | null;
  /** Checks failing in the most codebases, most first (at most 10). */
  mostFailedChecks: Array<{
    checkId: string;
    title: string;
    /** Handbook section, `<page>#<anchor>`. */
    docs: string;
    failing: number;
  }>;
  /** One row per owner group, by entity ref. */
  owners: Array<{
    owner: string;
    codebases: number;
    averageScore: number | null;
    byLevel: Record<LevelOrNone, number>;
  }>;
  /** When the newest stored result was made, `null` before the first scan. */
  lastScanAt: string | null;
}

/** Sort keys of `GET /codebases`. @public */
export const codebaseSortKeys = [
  'name',
  'score',
  'level',
  'failing',
  'lastScanAt',
  'owner',
  'type',
] as const;

/** @public */
export type CodebaseSortKey = (typeof codebaseSortKeys)[number];

/** Query of `GET /codebases` (and `GET /codebases.csv`). @public */
export interface CodebaseQuery {
  /** Matches name, title and GitLab path, case-insensitive. */
  q?: string;
  /**
   * Only these codebases, by entity ref (case-insensitive; at most 100, e.g.
   * the rows of one catalog table page). Without `limit`, the page holds them all.
   */
  entityRefs?: string[];
  type?: RepositoryType;
  /** Owner entity ref, e.g. `group:default/python-maintainers`. */
  owner?: string;
  level?: LevelOrNone;
  /** Only codebases where this check fails, e.g. `PYG-014`. */
  failingCheck?: string;
  /** Only codebases this user ref owns (directly or through a group) or maintains. */
  member?: string;
  sort?: CodebaseSortKey;
  order?: 'asc' | 'desc';
  /** 0-based row offset. */
  offset?: number;
  /** Page size, 1-200, default 25. */
  limit?: number;
}

/** One row of the codebases list. @public */
export interface CodebaseRow {
  /** e.g. `component:default/payments-api`. */
  entityRef: string;
  name: string;
  title?: string;
  type: RepositoryType | null;
  owner: string | null;
  /** User or group entity refs. */
  maintainers: string[];
  /** GitLab project path, e.g. `payments/payments-api`. */
  projectPath: string | null;
  /** 0-100, `null` before the first result. */
  score: number | null;
  level: LevelOrNone | null;
  failing: number;
  /** Ids of the failing checks, ordered by id. */
  failingChecks: string[];
  lastScanAt: string | null;
  source: ResultSource | null;
  /** Scores of the last (up to) 30 stored results, oldest first. */
  trend: number[];
}

/** `GET /codebases`. @public */
export interface CodebasePage {
  items: CodebaseRow[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** @public */
export const exemptionStates = [
  'requested',
  'approved',
  'rejected',
  'expired',
  'revoked',
] as const;

/** @public */
export type ExemptionState = (typeof exemptionStates)[number];

/** A request not to count one check for one codebase until a date. @public */
export interface Exemption {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  /** Date (ISO) after which it stops counting without anyone acting. */
  expiresAt: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** `expired` is computed: an approved exemption past its date. */
  state: ExemptionState;
}

/** `POST /entities/:kind/:namespace/:name/exemptions`. @public */
export interface ExemptionRequest {
  checkId: string;
  reason: string;
  /** A date in the future, at most a year ahead. */
  expiresAt: string;
}

/** `POST /exemptions/:id/decision`. @public */
export interface ExemptionDecision {
  decision: 'approve' | 'reject' | 'revoke';
  comment?: string;
}

/** `GET /entities/:kind/:namespace/:name/report`. @public */
export interface EntityConformance {
  entityRef: string;
  projectPath: string | null;
  /** Link to the GitLab project, for file and line links. */
  projectWebUrl: string | null;
  defaultBranch: string | null;
  /** Newest scan result (schedule, push or manual), with approved exemptions applied. */
  scan: StoredResult | null;
  /** Newest CI upload, kept apart from scans. */
  upload: StoredResult | null;
  exemptions: Exemption[];
  /** The last scan attempt failed (e.g. project not found); the previous result stays. */
  lastError: { at: string; message: string } | null;
  /** What the signed-in user may do here. */
  viewer: { canRefresh: boolean; canDecideExemptions: boolean };
  /** The command that runs the same checks locally. */
  localCommand: string;
}

/** One stored result. @public */
export interface StoredResult {
  id: string;
  source: ResultSource;
  createdAt: string;
  commitId: string | null;
  rulePackVersion: string;
  report: ConformanceReport;
}

/** `GET /entities/:kind/:namespace/:name/history`. @public */
export interface ScoreHistory {
  points: Array<{
    at: string;
    score: number;
    level: LevelOrNone;
    source: ResultSource;
  }>;
}
