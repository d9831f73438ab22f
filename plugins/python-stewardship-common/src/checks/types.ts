import type { CheckContext } from '../engine/CheckContext';
import type { CheckFamily } from './families';

/** @public */
export const repositoryTypes = ['service', 'utility', 'library'] as const;

/** @public */
export type RepositoryType = (typeof repositoryTypes)[number];

/**
 * `pass` and `fail` are verdicts; `skip` means the check could not apply
 * (with the reason); `error` means an input could not be read or parsed;
 * `exempt` means the repository opted out with a reason.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'fail' | 'skip' | 'error' | 'exempt';

/** Pages of the Python guidelines handbook (`docs/guidelines/<page>.md`). @public */
export const handbookPages = [
  'python-for-non-python-developers',
  'creating-a-codebase',
  'development-guidelines',
  'code-review-and-maintainership',
  'deployment',
] as const;

/** @public */
export type HandbookPage = (typeof handbookPages)[number];

/** Where a check is explained: a handbook page and a GitHub-style heading slug. @public */
export interface CheckDocs {
  page: HandbookPage;
  anchor: string;
}

/** @public */
export interface CheckLocation {
  path: string;
  line?: number;
}

/** What `evaluate` returns; the engine adds the check's metadata. @public */
export type CheckOutcome =
  | { status: 'pass'; message: string; location?: CheckLocation }
  | { status: 'fail'; message: string; location?: CheckLocation }
  | { status: 'skip'; message: string }
  | { status: 'error'; message: string; location?: CheckLocation };

/** How to fix a failure, with an example to copy. @public */
export interface CheckFix {
  summary: string;
  snippet?: {
    /** File the snippet belongs in, e.g. `pyproject.toml`. */
    path: string;
    language:
      | 'toml'
      | 'yaml'
      | 'ini'
      | 'dockerfile'
      | 'makefile'
      | 'markdown'
      | 'json'
      | 'text';
    content: string;
  };
}

/** Serialisable description of a check, safe to send to a browser. @public */
export interface CheckMetadata {
  /** Stable id, `PYG-NNN`; never reused for a different rule. */
  id: string;
  title: string;
  family: CheckFamily;
  appliesTo: readonly RepositoryType[];
  /** Share of the score, 1 (nice to have) to 3 (core guideline). */
  weight: 1 | 2 | 3;
  /** Advice the reference repositories follow but the guidelines do not demand. */
  advisory: boolean;
  /** Checks that must pass first; otherwise this one is skipped. */
  requires: readonly string[];
  rationale: string;
  fix: CheckFix;
  docs: CheckDocs;
}

/** A check: metadata plus a pure function of the repository. @public */
export interface CheckDefinition extends CheckMetadata {
  evaluate(context: CheckContext): CheckOutcome;
}

/** `<page>#<anchor>`, the handbook link of a check. @public */
export function checkDocsPath(check: Pick<CheckMetadata, 'docs'>): string {
  return `${check.docs.page}#${check.docs.anchor}`;
}
