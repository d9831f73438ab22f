import type {
  CodebaseQuery,
  ConformanceReport,
  RepositoryType,
  ResultSource,
} from '@internal/plugin-python-stewardship-common';

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

/** A `codebases` row. */
export type CodebaseDbRow = {
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

/** An `exemptions` row. */
export type ExemptionDbRow = {
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
