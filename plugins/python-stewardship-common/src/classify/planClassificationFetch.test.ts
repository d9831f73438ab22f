import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { classifyRepository } from './classifyRepository';
import { planClassificationFetch } from './planClassificationFetch';
import {
  fixtureRepoNames,
  loadFixtureFiles,
} from '../../fixtures/loadFixtureRepo';

describe('planClassificationFetch', () => {
  it.each(fixtureRepoNames())(
    'classifies %s the same from the planned files as from every file',
    name => {
      const all = loadFixtureFiles(name);
      const tree = Object.keys(all);
      const fetched: Record<string, string> = {};
      for (
        let round = planClassificationFetch(tree);
        round.length;
        round = planClassificationFetch(tree, fetched)
      ) {
        for (const path of round) {
          fetched[path] = new TextDecoder().decode(all[path]);
        }
      }
      const partial = classifyRepository(
        createMemorySnapshot(fetched, undefined, { treePaths: tree }),
      );
      expect(partial).toEqual(classifyRepository(createMemorySnapshot(all)));
    },
  );

  it('asks for the pyproject.toml of a project in a subfolder', () => {
    expect(
      planClassificationFetch([
        'README.md',
        'src/python/pyproject.toml',
        'src/python/Dockerfile',
      ]),
    ).toEqual(['src/python/pyproject.toml']);
  });

  it('asks for the legacy packaging files when there is no pyproject.toml', () => {
    expect(
      planClassificationFetch([
        'setup.py',
        'Dockerfile',
        'requirements-dev.txt',
        'docs/requirements.txt',
        'README.md',
      ]),
    ).toEqual(['setup.py', 'requirements-dev.txt']);
  });

  it('asks for nothing when there are no packaging files', () => {
    expect(planClassificationFetch(['README.md', 'Dockerfile'])).toEqual([]);
  });
});
