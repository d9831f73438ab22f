import type { CheckResult } from '../engine/ConformanceReport';
import { conformanceLevels, ConformanceLevelId } from './levels';

/**
 * Whether a result counts against the repository. Exempt results and skips
 * that are not caused by a failed prerequisite are neutral. (Advisory
 * results are left out of the score and the levels by their callers.)
 */
export function countsAsMissing(result: CheckResult): boolean {
  return (
    result.status === 'fail' ||
    result.status === 'error' ||
    (result.status === 'skip' && result.blockedBy.length > 0)
  );
}

/**
 * Weighted score, 0 to 100: the weight of passing checks divided by the
 * weight of every check that passed or counts as missing, rounded down, so
 * 100 means nothing is missing. Advisory results do not count either way.
 * With nothing to judge the score is 100.
 */
export function scoreResults(results: readonly CheckResult[]): number {
  let earned = 0;
  let possible = 0;
  for (const result of results) {
    if (result.advisory) continue;
    if (result.status === 'pass') {
      earned += result.weight;
      possible += result.weight;
    } else if (countsAsMissing(result)) {
      possible += result.weight;
    }
  }
  return possible === 0 ? 100 : Math.floor((100 * earned) / possible);
}

/**
 * Per level: reached or not, and which applicable checks stand in the way.
 * Advisory results never stand in the way.
 */
export function assessLevels(results: readonly CheckResult[]) {
  const byId = new Map(results.map(result => [result.id, result]));
  return conformanceLevels.map(level => {
    const missing = level.checks.filter(id => {
      const result = byId.get(id);
      return (
        result !== undefined && !result.advisory && countsAsMissing(result)
      );
    });
    return {
      id: level.id,
      title: level.title,
      reached: missing.length === 0,
      missing,
    };
  });
}

/** The highest level reached with all levels below it, or undefined. */
export function highestLevel(
  levels: ReturnType<typeof assessLevels>,
): ConformanceLevelId | undefined {
  let reached: ConformanceLevelId | undefined;
  for (const level of levels) {
    if (!level.reached) break;
    reached = level.id;
  }
  return reached;
}
