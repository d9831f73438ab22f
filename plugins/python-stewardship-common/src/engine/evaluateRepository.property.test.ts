import fc from 'fast-check';
import { checks } from '../checks/checks';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { evaluateRepository } from './evaluateRepository';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';

const CONFIG_FILES = [
  'pyproject.toml',
  '.gitlab-ci.yml',
  '.gitlab/ci/lint.gitlab-ci.yml',
  'setup.cfg',
  'Dockerfile',
  'CODEOWNERS',
  '.gitlab/CODEOWNERS',
  'Makefile',
  'poetry.lock',
  '.tool-versions',
  '.gitignore',
  'Dangerfile',
];

const fixtures = [
  'conformant-service',
  'conformant-utility',
  'conformant-library',
  'legacy-service',
].map(name => {
  const decoder = new TextDecoder();
  const files: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(loadFixtureFiles(name))) {
    files[path] = decoder.decode(bytes);
  }
  return files;
});

type Mutation = (text: string) => string | Uint8Array;

/** Edits that real configs suffer: truncation, stray text, lost lines, duplicated lines, binary garbage. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map(at => (text: string) => text.slice(0, Math.floor(text.length * at))),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    )
    .map(([at, insert]) => (text: string) => {
      const i = Math.floor(text.length * at);
      return text.slice(0, i) + insert + text.slice(i);
    }),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(
        '[',
        ']',
        '"',
        ':',
        '\t',
        '- ',
        '{',
        '&a',
        '*a',
        '<<: *a',
        '!reference [',
        '\\',
        '\n  ',
        '=',
        '#',
      ),
    )
    .map(([at, token]) => (text: string) => {
      const i = Math.floor(text.length * at);
      return text.slice(0, i) + token + text.slice(i);
    }),
  fc.integer({ min: 0, max: 200 }).map(
    n => (text: string) =>
      text
        .split('\n')
        .filter((_, i) => i % (n + 2) !== 0)
        .join('\n'),
  ),
  fc.integer({ min: 0, max: 200 }).map(
    n => (text: string) =>
      text
        .split('\n')
        .flatMap((line, i) => (i === n ? [line, line] : [line]))
        .join('\n'),
  ),
  fc.uint8Array({ maxLength: 64 }).map(bytes => () => bytes),
);

describe('evaluateRepository on mutated real configuration files', () => {
  it('never throws and returns exactly one result per applicable check', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fixtures.length - 1 }),
        fc.array(fc.tuple(fc.constantFrom(...CONFIG_FILES), mutation), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.constantFrom('service', 'utility', 'library'), {
          nil: undefined,
        }),
        (fixtureIndex, mutations, type) => {
          const files: Record<string, string | Uint8Array> = {
            ...fixtures[fixtureIndex],
          };
          for (const [path, mutate] of mutations) {
            const current = files[path];
            files[path] = mutate(typeof current === 'string' ? current : '');
          }
          const report = evaluateRepository(createMemorySnapshot(files), {
            type,
          });
          const applicable = checks
            .filter(check => check.appliesTo.includes(report.repositoryType))
            .map(c => c.id);
          expect(report.results.map(r => r.id)).toEqual(applicable);
          for (const result of report.results) {
            expect(['pass', 'fail', 'skip', 'error', 'exempt']).toContain(
              result.status,
            );
            expect(typeof result.message).toBe('string');
            expect(result.message.length).toBeGreaterThan(0);
          }
          expect(report.score).toBeGreaterThanOrEqual(0);
          expect(report.score).toBeLessThanOrEqual(100);
          expect(report.counts.total).toBe(applicable.length);
          expect(
            report.results.filter(r =>
              r.message.includes('failed unexpectedly'),
            ),
          ).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
