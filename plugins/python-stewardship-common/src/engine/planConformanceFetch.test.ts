import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { evaluateRepository } from './evaluateRepository';
import { planConformanceFetch } from './planConformanceFetch';
import {
  fixtureRepoNames,
  loadFixtureFiles,
} from '../../fixtures/loadFixtureRepo';

/** Fetches in rounds, the way the GitLab scanner does, and counts the rounds. */
function fetchInRounds(all: Record<string, Uint8Array>) {
  const tree = Object.keys(all);
  const fetched: Record<string, string> = {};
  let rounds = 0;
  for (
    let next = planConformanceFetch(tree, fetched);
    next.length;
    next = planConformanceFetch(tree, fetched)
  ) {
    rounds++;
    for (const path of next) {
      fetched[path] = new TextDecoder().decode(all[path]);
    }
  }
  return { tree, fetched, rounds };
}

describe('planConformanceFetch', () => {
  it.each(fixtureRepoNames())(
    'fetching only the planned files of %s gives the same report',
    name => {
      const all = loadFixtureFiles(name);
      const { tree, fetched, rounds } = fetchInRounds(all);
      expect(rounds).toBeLessThanOrEqual(3);
      expect(Object.keys(fetched).length).toBeLessThan(30);
      const partial = evaluateRepository(
        createMemorySnapshot(fetched, 'c1', { treePaths: tree }),
      );
      const full = evaluateRepository(createMemorySnapshot(all, 'c1'));
      expect(partial).toEqual(full);
    },
  );

  it('asks for local CI includes in a second round', () => {
    const all = loadFixtureFiles('conformant-library');
    const tree = Object.keys(all);
    const first = planConformanceFetch(tree);
    expect(first).toContain('.gitlab-ci.yml');
    expect(first).not.toContain('.gitlab/ci/lint.gitlab-ci.yml');
    const second = planConformanceFetch(tree, {
      '.gitlab-ci.yml': new TextDecoder().decode(all['.gitlab-ci.yml']),
    });
    expect(second).toContain('.gitlab/ci/lint.gitlab-ci.yml');
    expect(second).not.toContain('.gitlab-ci.yml');
  });

  it('reports a planned-but-unfetched file as an error, not as missing', () => {
    const report = evaluateRepository(
      createMemorySnapshot({}, undefined, { treePaths: ['pyproject.toml'] }),
      { select: ['PYG-001'] },
    );
    expect(report.results[0]).toMatchObject({
      status: 'error',
      message:
        'pyproject.toml exists but its content was not loaded into the snapshot',
    });
  });
});
