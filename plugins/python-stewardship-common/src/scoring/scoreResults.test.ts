import type { CheckResult } from '../engine/ConformanceReport';
import { assessLevels, highestLevel, scoreResults } from './scoreResults';

function result(
  id: string,
  status: CheckResult['status'],
  weight = 1,
  blockedBy: string[] = [],
): CheckResult {
  return {
    id,
    title: id,
    family: 'packaging',
    status,
    message: 'm',
    docs: 'p#a',
    weight,
    advisory: false,
    blockedBy,
  };
}

describe('scoreResults', () => {
  it('weighs passes against everything that counts as missing, rounding down', () => {
    expect(
      scoreResults([
        result('A', 'pass', 3),
        result('B', 'fail', 1),
        result('C', 'error', 2),
      ]),
    ).toBe(50);
    expect(scoreResults([result('A', 'pass', 2), result('B', 'fail', 1)])).toBe(
      66,
    );
  });

  it('treats exemptions and independent skips as neutral, but skips caused by failed prerequisites as missing', () => {
    expect(
      scoreResults([
        result('A', 'pass'),
        result('B', 'exempt'),
        result('C', 'skip'),
      ]),
    ).toBe(100);
    expect(
      scoreResults([result('A', 'pass'), result('B', 'skip', 1, ['X'])]),
    ).toBe(50);
  });

  it('gives 100 when nothing can be judged', () => {
    expect(scoreResults([])).toBe(100);
  });
});

describe('levels', () => {
  it('reaches a level only when its applicable checks are not missing, and only on top of the lower ones', () => {
    const bronzeOnly = [
      ...['PYG-001', 'PYG-002', 'PYG-018', 'PYG-020', 'PYG-026', 'PYG-045'].map(
        id => result(id, 'pass'),
      ),
      result('PYG-003', 'fail'),
    ];
    const levels = assessLevels(bronzeOnly);
    expect(levels.map(l => [l.id, l.reached])).toEqual([
      ['bronze', true],
      ['silver', false],
      ['gold', false],
    ]);
    expect(levels[1].missing).toEqual(['PYG-003']);
    expect(highestLevel(levels)).toBe('bronze');
    expect(
      highestLevel(assessLevels([result('PYG-001', 'fail')])),
    ).toBeUndefined();
  });
});
