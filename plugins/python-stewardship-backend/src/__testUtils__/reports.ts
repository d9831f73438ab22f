import {
  CheckStatus,
  ConformanceReport,
  createMemorySnapshot,
  evaluateRepository,
} from '@internal/plugin-python-stewardship-common';

const base = evaluateRepository(createMemorySnapshot({}));

/** A real report of an empty repository, with score, level and failing checks set as a test needs. */
export function reportWith(
  overrides: {
    score?: number;
    level?: ConformanceReport['level'];
    failing?: string[];
  } = {},
): ConformanceReport {
  const failing = new Set(overrides.failing ?? ['PYG-001']);
  return {
    ...base,
    score: overrides.score ?? base.score,
    level: overrides.level === undefined ? base.level : overrides.level,
    results: base.results.map(result => {
      // The empty repository's own failures become skips unless asked for.
      let status: CheckStatus =
        result.status === 'fail' ? 'skip' : result.status;
      if (failing.has(result.id)) status = 'fail';
      return { ...result, status };
    }),
  };
}
