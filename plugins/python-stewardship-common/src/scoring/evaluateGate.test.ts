import { evaluateRepository } from '../engine/evaluateRepository';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { evaluateGate } from './evaluateGate';

describe('evaluateGate', () => {
  const empty = evaluateRepository(createMemorySnapshot({}));

  it('blocks on required checks that fail, error or are blocked, never on advisory ones', () => {
    const gate = evaluateGate(empty);
    expect(gate.passed).toBe(false);
    expect(gate.blocking.length).toBeGreaterThan(0);
    expect(gate.blocking.every(r => !r.advisory)).toBe(true);
    expect(gate.blocking.map(r => r.status)).toContain('skip');
    expect(gate.reason).toMatch(/^Required checks not passing: PYG-001/);

    const onlyAdvisoryFailing = {
      ...empty,
      results: empty.results.map(r => ({
        ...r,
        advisory: r.status !== 'pass',
      })),
    };
    expect(evaluateGate(onlyAdvisoryFailing)).toMatchObject({
      passed: true,
      blocking: [],
      reason: 'Every required check passes',
    });
  });

  it('lets the score decide when a minimum is given, and says what blocks', () => {
    expect(evaluateGate(empty, { minimumScore: 0 }).passed).toBe(true);
    const gate = evaluateGate(empty, { minimumScore: 100 });
    expect(gate.passed).toBe(false);
    expect(gate.reason).toMatch(
      new RegExp(
        `^Score ${empty.score} is below the minimum of 100; required checks not passing: PYG-001`,
      ),
    );
  });
});
