import {
  CheckDefinition,
  ConformanceReport,
  createMemorySnapshot,
  evaluateRepository,
  planConformanceFetch,
  StewardshipOptionsInput,
} from '@internal/plugin-python-stewardship-common';
import { GitlabReader } from '@internal/plugin-python-stewardship-node';
import { ScanState } from '../database/ConformanceStore';
import { readReviewSettings } from './readReviewSettings';

/** Rounds of `planConformanceFetch`; it usually settles after two. */
const MAX_FETCH_ROUNDS = 5;

export interface ScanProjectInput {
  projectPath: string;
  /** The catalog's `spec.type` or type annotation, which settles close calls. */
  annotationType?: string;
  /** What the last scan saw; with `force` unset, an unchanged project is not read again. */
  previous: ScanState | null;
  rulePackVersion: string;
  force: boolean;
  exemptions: Record<string, string>;
  stewardship?: StewardshipOptionsInput;
  /** The rule pack, when an organisation added checks to it. */
  checks?: readonly CheckDefinition[];
  /** The catalog's maintainer refs, which PYG-031 looks for among approvers. */
  maintainers: string[];
  /**
   * When the last full scan ran. Project settings change without commits, so
   * an unchanged project is still read in full once this is older than a day.
   */
  lastFullScanAt?: string | null;
}

/** Settings can change without a commit; re-read them at least this often. */
export const FULL_SCAN_MAX_AGE_MS = 24 * 3600 * 1000;

export type ScanProjectOutcome =
  | { kind: 'unchanged'; commitId: string | null }
  | {
      kind: 'scanned';
      report: ConformanceReport;
      commitId: string | null;
      webUrl: string;
      defaultBranch: string | null;
      filesRead: number;
    };

/**
 * Scans one GitLab project: its head (two requests), and when the default
 * branch's commit or the rule pack changed since the last scan (or the last
 * full scan is a day old), its tree, the files the engine needs (read
 * through GraphQL in as few requests as the fetch plan allows) and the
 * review settings (three requests); then the shared engine evaluates it.
 */
export async function scanProject(
  reader: GitlabReader,
  input: ScanProjectInput,
): Promise<ScanProjectOutcome> {
  const head = await reader.projectHead(input.projectPath);
  if (
    !input.force &&
    input.previous &&
    input.previous.commitId === head.commitId &&
    input.previous.rulePackVersion === input.rulePackVersion &&
    input.lastFullScanAt &&
    Date.now() - Date.parse(input.lastFullScanAt) < FULL_SCAN_MAX_AGE_MS
  ) {
    return { kind: 'unchanged', commitId: head.commitId };
  }
  const files: Record<string, string> = {};
  let tree: string[] = [];
  if (head.commitId) {
    tree = await reader.listFiles(head.id, head.commitId);
    const requested = new Set<string>();
    for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
      const wanted = planConformanceFetch(tree, files).filter(
        path => !requested.has(path),
      );
      if (!wanted.length) break;
      wanted.forEach(path => requested.add(path));
      for (const file of await reader.readFiles(
        head.pathWithNamespace,
        head.commitId,
        wanted,
      )) {
        files[file.path] = file.content;
      }
    }
  }
  const gitlabSettings = await readReviewSettings(
    reader,
    head,
    input.maintainers,
  );
  const snapshot = createMemorySnapshot(files, head.commitId ?? undefined, {
    treePaths: tree,
  });
  const report = evaluateRepository(snapshot, {
    annotationType: input.annotationType,
    exemptions: input.exemptions,
    stewardship: input.stewardship,
    gitlabSettings,
    checks: input.checks,
  });
  return {
    kind: 'scanned',
    report,
    commitId: head.commitId,
    webUrl: head.webUrl,
    defaultBranch: head.defaultBranch,
    filesRead: Object.keys(files).length,
  };
}
