/** Counts from pytest's final summary line, e.g. `1 failed, 31 passed in 0.2s`. */
export interface PytestSummary {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  deselected: number;
}

const OUTCOMES: Record<string, keyof PytestSummary> = {
  passed: 'passed',
  failed: 'failed',
  error: 'errors',
  errors: 'errors',
  skipped: 'skipped',
  deselected: 'deselected',
};

/** Reads the last summary line of pytest's output; throws when there is none. */
export function parsePytestSummary(output: string): PytestSummary {
  const line = output
    .trim()
    .split('\n')
    .reverse()
    .find(candidate => /\d+ \w+.* in [\d.]+s/.test(candidate));
  if (!line) {
    throw new Error(`No pytest summary line in output:\n${output}`);
  }
  const summary: PytestSummary = {
    passed: 0,
    failed: 0,
    errors: 0,
    skipped: 0,
    deselected: 0,
  };
  for (const [, count, outcome] of line.matchAll(/(\d+) (\w+)/g)) {
    const key = OUTCOMES[outcome];
    if (key) summary[key] += Number(count);
  }
  return summary;
}
