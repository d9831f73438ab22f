import { parsePytestSummary } from './pytestSummary';

describe('parsePytestSummary', () => {
  it('reads a passing run of pytest -q', () => {
    const output =
      '......                                  [100%]\n26 passed in 0.21s\n';

    expect(parsePytestSummary(output)).toEqual({
      passed: 26,
      failed: 0,
      errors: 0,
      skipped: 0,
      deselected: 0,
    });
  });

  it('reads every outcome of a mixed run, and the last summary only', () => {
    const output = [
      '3 passed in 0.1s',
      'F.sE',
      '=== short test summary info ===',
      'FAILED tests/test_a.py::test_b - assert 1 == 2',
      '1 failed, 31 passed, 2 skipped, 4 deselected, 1 error in 0.52s',
    ].join('\n');

    expect(parsePytestSummary(output)).toEqual({
      passed: 31,
      failed: 1,
      errors: 1,
      skipped: 2,
      deselected: 4,
    });
  });

  it('reads the decorated summary of pytest without -q', () => {
    expect(
      parsePytestSummary('===== 6 passed, 26 deselected in 0.11s =====').passed,
    ).toBe(6);
  });

  it('fails when pytest never got to a summary', () => {
    expect(() => parsePytestSummary('ImportError: no module fastapi')).toThrow(
      'No pytest summary line',
    );
  });
});
