import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadGitlabCi } from './gitlabCi';
import { Parsed } from './Parsed';
import { evaluateRepository } from '../engine/evaluateRepository';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';

/** Values of every shape GitLab keywords might wrongly be given. */
const value = fc.letrec(tie => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      '.base',
      'lint',
      'ci/a.yml',
      'make lint',
      '$CI_COMMIT_TAG',
      'python:3.12',
    ),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        'local',
        'template',
        'project',
        'file',
        'script',
        'extends',
        'name',
        'value',
        'paths',
      ),
      tie('any'),
      {
        maxKeys: 3,
      },
    ),
  ),
})).any;

const keyword = fc.constantFrom(
  'include',
  'stages',
  'variables',
  'default',
  'image',
  'cache',
  'before_script',
  'workflow',
  '.base',
  'lint',
  'test',
  'publish',
);
const jobKey = fc.constantFrom(
  'script',
  'before_script',
  'extends',
  'image',
  'variables',
  'rules',
  'stage',
  'artifacts',
  'cache',
  'coverage',
  'id_tokens',
);

const config = fc.dictionary(
  keyword,
  fc.oneof(value, fc.dictionary(jobKey, value, { maxKeys: 5 })),
  { maxKeys: 8 },
);

describe('loadGitlabCi on arbitrary configuration shapes', () => {
  it('never throws and always returns ok or error', () => {
    fc.assert(
      fc.property(config, config, (root, included) => {
        const files: Record<string, string> = {
          '.gitlab-ci.yml': stringify({
            include: [{ local: 'ci/a.yml' }],
            ...root,
          }),
          'ci/a.yml': stringify(included),
        };
        const read = (path: string): Parsed<string> =>
          path in files
            ? { state: 'ok', path, value: files[path], text: files[path] }
            : { state: 'missing', path };
        const result = loadGitlabCi('.gitlab-ci.yml', read, Object.keys(files));
        expect(['ok', 'error']).toContain(result.state);
        const jobs = result.state === 'ok' ? result.value.jobs : [];
        const commands = jobs.flatMap(job => job.commands);
        expect(commands.filter(command => typeof command !== 'string')).toEqual(
          [],
        );
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});

describe('the rule pack on arbitrary CI configuration shapes', () => {
  const base = loadFixtureFiles('conformant-service');

  it('handles every shape inside the checks, never through the engine safety net', () => {
    fc.assert(
      fc.property(config, config, (root, included) => {
        const report = evaluateRepository(
          createMemorySnapshot({
            ...base,
            '.gitlab-ci.yml': stringify({
              include: [{ local: 'ci/a.yml' }],
              ...root,
            }),
            'ci/a.yml': stringify(included),
          }),
        );
        expect(
          report.results.filter(r => r.message.includes('failed unexpectedly')),
        ).toEqual([]);
      }),
      { numRuns: 200, seed: 4242 },
    );
  });
});
