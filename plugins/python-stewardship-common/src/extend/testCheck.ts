import type { CheckDefinition } from '../checks/types';
import type { CheckResult } from '../engine/ConformanceReport';
import {
  evaluateRepository,
  EvaluateOptions,
} from '../engine/evaluateRepository';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';

/**
 * Runs one check, alone, on a repository given as a map of files: the
 * per-check test helper for organisations that add their own checks (and
 * for ours). The check's prerequisites do not block it here.
 *
 * @public
 */
export function testCheck(
  check: CheckDefinition,
  files: Record<string, string>,
  options: Omit<EvaluateOptions, 'checks' | 'select'> = {},
): CheckResult {
  const report = evaluateRepository(createMemorySnapshot(files), {
    type: check.appliesTo[0],
    ...options,
    checks: [{ ...check, requires: [] }],
  });
  const result = report.results.find(r => r.id === check.id);
  if (!result) {
    throw new Error(
      `${check.id} did not run: it does not apply to ${report.repositoryType} repositories`,
    );
  }
  return result;
}
