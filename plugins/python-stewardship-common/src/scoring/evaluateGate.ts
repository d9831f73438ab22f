import type {
  CheckResult,
  ConformanceReport,
} from '../engine/ConformanceReport';
import { countsAsMissing } from './scoreResults';

/** @public */
export interface GateResult {
  passed: boolean;
  /** Required (not advisory) checks that failed, errored or were blocked. */
  blocking: CheckResult[];
  /** One sentence saying why the gate passed or failed. */
  reason: string;
}

/**
 * The one gate policy of the rule pack, shared by the CLI's exit code and
 * the templates' gate before publishing. With `minimumScore` the score
 * decides; without it, no required check may fail, error or be blocked.
 * Advisory checks never block on their own, in either mode.
 *
 * @public
 */
export function evaluateGate(
  report: ConformanceReport,
  options: { minimumScore?: number } = {},
): GateResult {
  const blocking = report.results.filter(
    result => !result.advisory && countsAsMissing(result),
  );
  const list = blocking.map(result => result.id).join(', ');
  if (options.minimumScore !== undefined) {
    const passed = report.score >= options.minimumScore;
    return {
      passed,
      blocking,
      reason: passed
        ? `Score ${report.score} meets the minimum of ${options.minimumScore}`
        : `Score ${report.score} is below the minimum of ${
            options.minimumScore
          }${list ? `; required checks not passing: ${list}` : ''}`,
    };
  }
  return {
    passed: blocking.length === 0,
    blocking,
    reason: blocking.length
      ? `Required checks not passing: ${list}`
      : 'Every required check passes',
  };
}
