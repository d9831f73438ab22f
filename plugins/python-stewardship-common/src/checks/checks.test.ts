import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checks, ruleCatalog } from './checks';
import { checkFamilies } from './families';
import { handbookPages, repositoryTypes } from './types';
import { renderChecksMarkdown } from './renderChecksMarkdown';
import { conformanceLevels } from '../scoring/levels';

describe('rule pack', () => {
  it('has at least 40 checks with unique, well-formed, ordered ids', () => {
    expect(checks.length).toBeGreaterThanOrEqual(40);
    const ids = checks.map(check => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(id => /^PYG-\d{3}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('covers every family', () => {
    const used = new Set(checks.map(check => check.family));
    expect(checkFamilies.map(f => f.id).filter(f => !used.has(f))).toEqual([]);
  });

  it.each(checks.map(check => [check.id, check] as const))(
    '%s has complete metadata',
    (_id, check) => {
      expect(check.title.length).toBeGreaterThan(5);
      expect(check.rationale.length).toBeGreaterThan(40);
      expect(check.fix.summary.length).toBeGreaterThan(10);
      expect(check.appliesTo.length).toBeGreaterThan(0);
      expect(
        check.appliesTo.every(type => repositoryTypes.includes(type)),
      ).toBe(true);
      expect([1, 2, 3]).toContain(check.weight);
      expect(handbookPages).toContain(check.docs.page);
      // GitHub-style heading slug: lowercase words joined by hyphens.
      expect(check.docs.anchor).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    },
  );

  it('only requires earlier checks that apply to at least the same repository types', () => {
    const byId = new Map(checks.map(check => [check.id, check]));
    for (const check of checks) {
      for (const required of check.requires) {
        const prerequisite = byId.get(required);
        expect(prerequisite).toBeDefined();
        expect(required < check.id).toBe(true);
        expect(
          check.appliesTo.every(type => prerequisite!.appliesTo.includes(type)),
        ).toBe(true);
      }
    }
  });

  it('exposes a serialisable catalog without evaluate functions', () => {
    expect(ruleCatalog).toHaveLength(checks.length);
    expect(JSON.parse(JSON.stringify(ruleCatalog))).toEqual(ruleCatalog);
    expect(ruleCatalog.some(entry => 'evaluate' in entry)).toBe(false);
  });

  it('defines levels over real checks, each containing the one below and closed under requires', () => {
    const byId = new Map(checks.map(check => [check.id, check]));
    let previous: readonly string[] = [];
    for (const level of conformanceLevels) {
      expect(level.checks.every(id => byId.has(id))).toBe(true);
      expect(previous.every(id => level.checks.includes(id))).toBe(true);
      for (const id of level.checks) {
        expect(
          byId
            .get(id)!
            .requires.every(required => level.checks.includes(required)),
        ).toBe(true);
      }
      previous = level.checks;
    }
  });
});

describe('CHECKS.md', () => {
  const file = join(__dirname, '../../CHECKS.md');

  it('matches the rule pack (regenerate with UPDATE_CHECKS_MD=1)', () => {
    const expected = renderChecksMarkdown(ruleCatalog);
    if (process.env.UPDATE_CHECKS_MD) {
      writeFileSync(file, expected);
    }
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
