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
import { toReviewSettings } from './toReviewSettings';

/** Rounds of `planConformanceFetch`; it usually settles after two. */
const MAX_FETCH_ROUNDS = 5;

/** GitLab's GraphQL `blobs(paths:)` limit: what one request can read. */
const BLOBS_PER_REQUEST = 100;

/** YAML files that look like CI configuration a `.gitlab-ci.yml` includes. */
function looksLikeCiInclude(path: string): boolean {
  return (
    /\.ya?ml$/.test(path) &&
    (/gitlab-ci[^/]*$/.test(path) ||
      path.startsWith('.gitlab/') ||
      /(^|\/)\.?ci\//.test(path))
  );
}

/**
 * The fetch plan learns of a CI file's local includes only once it has read
 * that file, which would cost a second round of reads. Read the likely
 * ones (YAML files named like `*gitlab-ci*`, or under `.gitlab/`, `ci/` or
 * `.ci/`) with the first round, in the room its request has left.
 */
function ciIncludeCandidates(
  tree: readonly string[],
  planned: ReadonlySet<string>,
  room: number,
): string[] {
  if (room <= 0) return [];
  return tree
    .filter(path => !planned.has(path) && looksLikeCiInclude(path))
    .slice(0, room);
}

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
 * Scans one GitLab project. One GraphQL request gives the project, its
 * default branch's commit, the branch rules and the first 100 paths of
 * the file list (`GitlabReader.projectOverview`). When neither that commit
 * nor the rule pack changed since the last scan, and the last full scan is
 * less than a day old, that is all: the project is unchanged. Otherwise the
 * rest of the file list (only past 100 files), the files the fetch plan
 * names (GraphQL `blobs`, one request per round, usually one round) and
 * whether authors may approve (one REST request) are read, and the shared
 * engine evaluates the files with the review settings.
 *
 * Requests for a project of up to 100 files in one fetch round: 3 when it
 * is read, 1 when it is unchanged. When the caller forces a read or the
 * last scan says one is due anyway, the author-approval request goes out
 * beside the first one, so a read takes two rounds of latency.
 */
export async function scanProject(
  reader: GitlabReader,
  input: ScanProjectInput,
): Promise<ScanProjectOutcome> {
  const fullScanDue =
    input.force ||
    !input.previous ||
    input.previous.rulePackVersion !== input.rulePackVersion ||
    !input.lastFullScanAt ||
    Date.now() - Date.parse(input.lastFullScanAt) >= FULL_SCAN_MAX_AGE_MS;
  const readAuthorApproval = () => {
    const pending = reader.authorCanApprove(input.projectPath);
    // Awaited below, unless the overview fails first.
    pending.catch(() => {});
    return pending;
  };
  let authorCanApprove: Promise<boolean> | undefined = fullScanDue
    ? readAuthorApproval()
    : undefined;
  const head = await reader.projectOverview(input.projectPath);
  if (!fullScanDue && input.previous!.commitId === head.commitId) {
    return { kind: 'unchanged', commitId: head.commitId };
  }
  if (head.defaultBranch) authorCanApprove ??= readAuthorApproval();
  const files: Record<string, string> = {};
  let tree: string[] = [];
  if (head.commitId) {
    tree = head.treeCursor
      ? [
          ...head.treePaths,
          ...(await reader.listMoreFiles(
            head.pathWithNamespace,
            head.commitId,
            head.treeCursor,
          )),
        ]
      : head.treePaths;
    const requested = new Set<string>();
    // Files read on a guess in the first round, handed over when a later
    // round asks for them; never evaluated unless planned.
    const guessed = new Map<string, string | null>();
    for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
      const wanted = planConformanceFetch(tree, files).filter(
        path => !requested.has(path),
      );
      if (!wanted.length) break;
      wanted.forEach(path => requested.add(path));
      const toRead: string[] = [];
      for (const path of wanted) {
        const content = guessed.get(path);
        if (content === undefined) toRead.push(path);
        else if (content !== null) files[path] = content;
      }
      if (!toRead.length) continue;
      const guesses =
        round === 0
          ? ciIncludeCandidates(
              tree,
              new Set(toRead),
              BLOBS_PER_REQUEST - toRead.length,
            )
          : [];
      guesses.forEach(path => guessed.set(path, null));
      for (const file of await reader.readFiles(
        head.pathWithNamespace,
        head.commitId,
        [...toRead, ...guesses],
      )) {
        if (guessed.has(file.path)) guessed.set(file.path, file.content);
        else files[file.path] = file.content;
      }
    }
  }
  const gitlabSettings =
    head.defaultBranch && authorCanApprove
      ? toReviewSettings(head, await authorCanApprove, input.maintainers)
      : undefined;
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
