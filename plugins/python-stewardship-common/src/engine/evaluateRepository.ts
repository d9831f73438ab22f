import type { GitlabProjectSettings } from '../settings/GitlabProjectSettings';
import { checks as defaultChecks } from '../checks/checks';
import { checkFamilies } from '../checks/families';
import {
  CheckDefinition,
  checkDocsPath,
  CheckOutcome,
  CheckStatus,
} from '../checks/types';
import { classifyFromFacts } from '../classify/classifyFromFacts';
import {
  resolveStewardshipOptions,
  StewardshipOptions,
  StewardshipOptionsInput,
} from '../options/stewardshipOptions';
import {
  assessLevels,
  highestLevel,
  scoreResults,
} from '../scoring/scoreResults';
import { RepositorySnapshot } from '../snapshot/RepositorySnapshot';
import { CheckContext } from './CheckContext';
import { CheckResult, ConformanceReport } from './ConformanceReport';
import { createRepositoryFacts } from './createRepositoryFacts';
import { readExemptions } from './readExemptions';

/** @public */
export interface EvaluateOptions {
  /** Organisation options; missing fields take the guidelines' defaults. */
  stewardship?: StewardshipOptionsInput;
  /** Forces the repository type (e.g. the CLI's `--type`). */
  type?: string;
  /** The entity's `python-stewardship.io/repository-type` annotation. */
  annotationType?: string;
  /** Only run these check ids or family ids. */
  select?: readonly string[];
  /** Leave out these check ids or family ids. */
  ignore?: readonly string[];
  /** Folder of the Python project; detected when omitted. */
  projectRoot?: string;
  /** Replaces the rule pack (tests, experiments). */
  checks?: readonly CheckDefinition[];
  /**
   * Exemptions granted outside the repository (the portal's approved
   * exemption requests): check id to the message the result shows. The
   * repository's own `[tool.python-stewardship] exempt` entries win.
   */
  exemptions?: Readonly<Record<string, string>>;
  /** The GitLab project's review settings, which only the portal reads. */
  gitlabSettings?: GitlabProjectSettings;
}

/**
 * Thrown for caller mistakes such as selecting an unknown check id.
 * Problems in the repository never throw; they become results.
 *
 * @public
 */
export class InvalidEvaluateOptionsError extends Error {
  readonly name = 'InvalidEvaluateOptionsError';
}

/**
 * Runs the rule pack against one repository snapshot. Deterministic: the
 * same files and options always give the same report.
 *
 * @public
 */
export function evaluateRepository(
  snapshot: RepositorySnapshot,
  options: EvaluateOptions = {},
): ConformanceReport {
  const stewardship = resolveStewardshipOptions(options.stewardship ?? {});
  const rulePack = options.checks ?? defaultChecks;
  const selected = selectChecks(rulePack, options.select, options.ignore);
  const unknownIds = [...stewardship.enforce, ...stewardship.advisory].filter(
    id => !rulePack.some(check => check.id === id),
  );
  if (unknownIds.length) {
    throw new InvalidEvaluateOptionsError(
      `Unknown check id in the organisation options' enforce/advisory lists: ${unknownIds.join(
        ', ',
      )}`,
    );
  }
  const facts = createRepositoryFacts(snapshot, {
    maxFileBytes: stewardship.maxFileBytes,
    projectRoot: options.projectRoot,
  });
  const classification = classifyFromFacts(facts, {
    explicitType: options.type,
    annotationType: options.annotationType,
  });
  const context: CheckContext = {
    ...facts,
    type: classification.type,
    options: stewardship,
    gitlabSettings: options.gitlabSettings,
  };
  const { exemptions, warnings } = readExemptions(
    facts,
    new Set(rulePack.map(c => c.id)),
  );
  for (const [id, message] of Object.entries(options.exemptions ?? {})) {
    if (!exemptions.has(id)) exemptions.set(id, message);
  }
  if (options.type && classification.source !== 'option') {
    warnings.push(
      `Ignored type "${options.type}"; expected service, utility or library`,
    );
  }

  const statusById = new Map<string, CheckStatus>();
  // Failed checks whose failure does not skip their dependents
  // (`blocksDependents: false`, e.g. PYG-001 on a setup.cfg project).
  const satisfied = new Set<string>();
  const results: CheckResult[] = [];
  for (const check of selected) {
    if (!check.appliesTo.includes(classification.type)) {
      continue;
    }
    const { result, blocksDependents } = runCheck(
      check,
      context,
      exemptions,
      statusById,
      satisfied,
      isAdvisory(check, stewardship),
    );
    statusById.set(check.id, result.status);
    if (!blocksDependents) satisfied.add(check.id);
    results.push(result);
  }

  const levels = assessLevels(results);
  const counts = {
    pass: 0,
    fail: 0,
    skip: 0,
    error: 0,
    exempt: 0,
    total: results.length,
  };
  for (const result of results) {
    counts[result.status]++;
  }
  return {
    schemaVersion: 1,
    commitId: snapshot.commitId,
    projectRoot: facts.projectRoot,
    projectRootReason: facts.projectRootReason,
    repositoryType: classification.type,
    classification,
    results,
    score: scoreResults(results),
    level: highestLevel(levels) ?? null,
    levels,
    counts,
    warnings: [
      ...classification.reasons.filter(r => r.startsWith('ignored')),
      ...warnings,
    ],
  };
}

/**
 * Whether a check is advisory for this organisation: its own default
 * (advisory for working-group and portal-default sources), unless the
 * options promote it (`enforce`, `enforceSources`) or demote it (`advisory`).
 *
 * @public
 */
export function isAdvisory(
  check: Pick<CheckDefinition, 'id' | 'advisory' | 'source'>,
  options: Pick<StewardshipOptions, 'enforce' | 'advisory' | 'enforceSources'>,
): boolean {
  if (options.enforce.includes(check.id)) return false;
  if (options.advisory.includes(check.id)) return true;
  // `source?.`: an organisation's plain-JS check module may lack one.
  const kind = check.source?.kind;
  if (kind && (options.enforceSources as string[]).includes(kind)) {
    return false;
  }
  return check.advisory;
}

function runCheck(
  check: CheckDefinition,
  context: CheckContext,
  exemptions: Map<string, string>,
  statusById: Map<string, CheckStatus>,
  satisfied: ReadonlySet<string>,
  advisory: boolean,
): { result: CheckResult; blocksDependents: boolean } {
  const base = {
    id: check.id,
    title: check.title,
    family: check.family,
    docs: checkDocsPath(check),
    weight: check.weight,
    advisory,
    ...(check.source ? { source: check.source.kind } : {}),
    blockedBy: [] as string[],
  };
  const exemption = exemptions.get(check.id);
  if (exemption !== undefined) {
    return {
      result: { ...base, status: 'exempt', message: exemption },
      blocksDependents: false,
    };
  }
  // A prerequisite that is not applicable or not selected does not block,
  // and neither does an exempt one: the team waived that rule, not the ones
  // built on it, which are judged on their own merits.
  // A failure marked `blocksDependents: false` does not block either: it is
  // about where something is declared, and the dependents can still read it.
  const blockedBy = check.requires.filter(id => {
    const status = statusById.get(id);
    return (
      status !== undefined &&
      status !== 'pass' &&
      status !== 'exempt' &&
      !satisfied.has(id)
    );
  });
  if (blockedBy.length) {
    return {
      result: {
        ...base,
        status: 'skip',
        blockedBy,
        message: `Skipped because ${blockedBy
          .map(id => `${id} (${statusById.get(id)})`)
          .join(', ')} did not pass`,
      },
      blocksDependents: true,
    };
  }
  let outcome: CheckOutcome;
  try {
    outcome = check.evaluate(context);
  } catch (error) {
    // A bug in one check must not take the whole report down.
    outcome = {
      status: 'error',
      message: `${check.id} failed unexpectedly: ${
        (error as Error)?.message ?? String(error)
      }`,
    };
  }
  const location = 'location' in outcome ? outcome.location : undefined;
  return {
    result: {
      ...base,
      status: outcome.status,
      message: outcome.message,
      ...(location ? { location: stripUndefined(location) } : {}),
    },
    blocksDependents: !(
      outcome.status === 'fail' && outcome.blocksDependents === false
    ),
  };
}

function stripUndefined(location: { path: string; line?: number }) {
  return location.line === undefined
    ? { path: location.path }
    : { path: location.path, line: location.line };
}

function selectChecks(
  rulePack: readonly CheckDefinition[],
  select: readonly string[] | undefined,
  ignore: readonly string[] | undefined,
): CheckDefinition[] {
  const families = new Set<string>(checkFamilies.map(f => f.id));
  const ids = new Set(rulePack.map(c => c.id));
  const normalize = (list: readonly string[] | undefined, flag: string) => {
    const values = (list ?? []).map(v => v.trim()).filter(Boolean);
    const unknown = values.filter(
      v => !ids.has(v.toUpperCase()) && !families.has(v.toLowerCase()),
    );
    if (unknown.length) {
      throw new InvalidEvaluateOptionsError(
        `Unknown check id or family in ${flag}: ${unknown.join(
          ', ',
        )}. Check ids look like PYG-001; families are ${[...families].join(
          ', ',
        )}`,
      );
    }
    return new Set(
      values.map(v =>
        ids.has(v.toUpperCase()) ? v.toUpperCase() : v.toLowerCase(),
      ),
    );
  };
  const selectSet = normalize(select, 'select');
  const ignoreSet = normalize(ignore, 'ignore');
  const matches = (set: Set<string>, check: CheckDefinition) =>
    set.has(check.id) || set.has(check.family);
  return (
    [...rulePack]
      // Code-unit order, not localeCompare: its first call loads the ICU
      // collator (about 5 ms and 3 MiB of a CLI run) for ids that are ASCII.
      .sort((a, b) => Number(a.id > b.id) - Number(a.id < b.id))
      .filter(
        check =>
          (selectSet.size === 0 || matches(selectSet, check)) &&
          !matches(ignoreSet, check),
      )
  );
}
