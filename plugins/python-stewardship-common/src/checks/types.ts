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
  | {
      status: 'fail';
      message: string;
      location?: CheckLocation;
      /**
       * `false` when the failure is about where something is declared, not
       * whether it can be read, so the checks that require this one still
       * judge the repository (PYG-001 for a setup.py/setup.cfg project). The
       * failure still counts in the score and levels.
       */
      blocksDependents?: boolean;
    }
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

/**
 * Kinds of authority a rule can rest on:
 * - `python-guide`: the company's published Python development guide;
 * - `code-review-guidelines`: the company-wide code review guidelines, which
 *   the Python guide says apply to Python projects too;
 * - `working-group`: a recommendation of the Python stewardship working
 *   group, taken from the habits of one reference codebase;
 * - `portal-default`: a choice made by this portal, not by any guideline.
 *
 * @public
 */
export const checkSourceKinds = [
  'python-guide',
  'code-review-guidelines',
  'working-group',
  'portal-default',
] as const;

/** @public */
export type CheckSourceKind = (typeof checkSourceKinds)[number];

/**
 * Where a rule comes from. Working-group recommendations name the codebase
 * whose practice they follow (e.g. the AI Gateway).
 *
 * @public
 */
export type CheckSource =
  | { kind: 'python-guide' }
  | { kind: 'code-review-guidelines' }
  | { kind: 'working-group'; codebase: string }
  | { kind: 'portal-default' };

/**
 * Source kinds whose checks are advisory unless an organisation promotes
 * them: nobody outside the portal or one codebase agreed on them.
 *
 * @public
 */
export const advisorySourceKinds: readonly CheckSourceKind[] = [
  'working-group',
  'portal-default',
];

/**
 * The label a rule's source carries, in the handbook and the rule catalog,
 * e.g. `Python guide` or `Working-group recommendation (AI Gateway)`.
 *
 * @public
 */
export function checkSourceLabel(source: CheckSource): string {
  switch (source.kind) {
    case 'python-guide':
      return 'Python guide';
    case 'code-review-guidelines':
      return 'Code review guidelines';
    case 'working-group':
      return `Working-group recommendation (${source.codebase})`;
    case 'portal-default':
    default:
      return 'Portal default';
  }
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
  /**
   * Advisory by default: the check is reported but does not lower the score
   * or block a level. Always true for `working-group` and `portal-default`
   * sources; also true for what the guide only recommends or what applies
   * only to some deployments. Organisation options (`enforce`, `advisory`)
   * change it per check.
   */
  advisory: boolean;
  /** Whose rule this is; shown next to the rule in the handbook and catalog. */
  source: CheckSource;
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
