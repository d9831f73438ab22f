import { checks } from '../checks/checks';
import { defineCheck, fail, pass } from '../checks/support';
import { CheckDefinition } from '../checks/types';
import { evaluateRepository } from '../engine/evaluateRepository';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { composeRulePack, rulePackMetadata } from './composeRulePack';
import { testCheck } from './testCheck';

/** An organisation's own check: every service names its on-call rota. */
const onCallRota = defineCheck({
  id: 'ACME-001',
  title: 'The README names the on-call rota',
  family: 'documentation',
  appliesTo: ['service'],
  weight: 2,
  advisory: false,
  requires: [],
  source: { kind: 'portal-default' },
  rationale: 'Whoever is paged at night must find the rota.',
  fix: { summary: 'Add an "On call" section linking the rota.' },
  docs: { page: 'deployment', anchor: 'deploying-with-runway' },
  evaluate(context) {
    const readme = context.text('README.md');
    return readme.state === 'ok' && /on[- ]call/i.test(readme.value)
      ? pass('README names the on-call rota', { path: 'README.md' })
      : fail('README does not name the on-call rota', { path: 'README.md' });
  },
} as CheckDefinition);

describe('composeRulePack', () => {
  it("adds an organisation's check that the engine, scoring and catalog treat like any other", () => {
    const rulePack = composeRulePack([onCallRota]);
    expect(rulePack).toHaveLength(checks.length + 1);
    const report = evaluateRepository(
      createMemorySnapshot({ 'README.md': '# Svc\n\n## On call\n' }),
      { checks: rulePack, type: 'service' },
    );
    expect(report.results.find(r => r.id === 'ACME-001')).toMatchObject({
      status: 'pass',
      title: 'The README names the on-call rota',
    });
    expect(rulePackMetadata(rulePack).map(r => r.id)).toContain('ACME-001');
    expect(rulePackMetadata(rulePack)[0]).not.toHaveProperty('evaluate');
  });

  it('refuses bad ids, duplicates and unknown prerequisites, naming each', () => {
    expect(() =>
      composeRulePack([
        { ...onCallRota, id: 'acme1' },
        { ...onCallRota, id: 'PYG-001' },
        { ...onCallRota, id: 'ACME-002', requires: ['ACME-404'] },
      ]),
    ).toThrow(
      'Cannot add the organisation\'s checks: "acme1" is not a check id like ACME-001 (capital letters, a dash, three or more digits); PYG-001 is already a check of the rule pack; ACME-002 requires ACME-404, which is no check',
    );
  });
});

describe('testCheck', () => {
  it('runs one check alone on a few files', () => {
    expect(testCheck(onCallRota, { 'README.md': '# Svc\n' })).toMatchObject({
      status: 'fail',
      message: 'README does not name the on-call rota',
      location: { path: 'README.md' },
    });
  });
});
