import fc from 'fast-check';
import { stringify } from 'smol-toml';
import { checks } from '../checks/checks';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { evaluateRepository } from './evaluateRepository';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';

/** Scalars and small containers of the kinds TOML can hold. */
const tomlValue = fc.letrec(tie => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      '>=3.12',
      '^3.11',
      'black',
      'I',
      'E',
      'poetry.core.masonry.api',
      'service',
      'x',
    ),
    fc.integer({ min: -5, max: 200 }),
    fc.boolean(),
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        'python',
        'version',
        'select',
        'line-length',
        'profile',
        'include',
        'name',
      ),
      tie('any'),
      {
        maxKeys: 3,
      },
    ),
  ),
})).any;

/** The keys the checks read, each given an arbitrary value. */
const pyproject = fc.record(
  {
    project: fc.dictionary(
      fc.constantFrom(
        'name',
        'version',
        'requires-python',
        'dependencies',
        'scripts',
        'optional-dependencies',
        'urls',
        'dynamic',
        'authors',
      ),
      tomlValue,
      { maxKeys: 5 },
    ),
    'build-system': fc.dictionary(
      fc.constantFrom('build-backend', 'requires'),
      tomlValue,
      { maxKeys: 2 },
    ),
    'dependency-groups': fc.dictionary(
      fc.constantFrom('test', 'lint'),
      tomlValue,
      { maxKeys: 2 },
    ),
    tool: fc.dictionary(
      fc.constantFrom(
        'poetry',
        'black',
        'isort',
        'ruff',
        'mypy',
        'pylint',
        'pytest',
        'coverage',
        'python-stewardship',
        'uv',
        'pdm',
      ),
      fc.dictionary(
        fc.constantFrom(
          'dependencies',
          'group',
          'scripts',
          'line-length',
          'profile',
          'lint',
          'select',
          'python_version',
          'ini_options',
          'type',
          'ignore',
          'report',
          'target-version',
        ),
        tomlValue,
        { maxKeys: 4 },
      ),
      { maxKeys: 6 },
    ),
  },
  { requiredKeys: [] },
);

const base = loadFixtureFiles('conformant-service');

describe('evaluateRepository on arbitrary pyproject.toml shapes', () => {
  it('never throws and returns one result per applicable check', () => {
    fc.assert(
      fc.property(pyproject, table => {
        const report = evaluateRepository(
          createMemorySnapshot({ ...base, 'pyproject.toml': stringify(table) }),
        );
        const applicable = checks
          .filter(check => check.appliesTo.includes(report.repositoryType))
          .map(check => check.id);
        expect(report.results.map(result => result.id)).toEqual(applicable);
        // Wrong types must be handled by the checks, not caught by the engine's safety net.
        expect(
          report.results.filter(result =>
            result.message.includes('failed unexpectedly'),
          ),
        ).toEqual([]);
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});
