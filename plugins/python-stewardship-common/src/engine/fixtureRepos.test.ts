import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { CheckStatus } from '../checks/types';
import { evaluateRepository } from './evaluateRepository';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';

function evaluateFixture(name: string) {
  return evaluateRepository(
    createMemorySnapshot(loadFixtureFiles(name), 'abc123'),
  );
}

function statuses(name: string): Record<string, CheckStatus> {
  return Object.fromEntries(
    evaluateFixture(name).results.map(r => [r.id, r.status]),
  );
}

describe('fixture repositories', () => {
  it.each([
    ['conformant-service', 'service', 41],
    ['conformant-utility', 'utility', 38],
    ['conformant-library', 'library', 38],
  ])(
    '%s is detected as a %s and passes all %i applicable checks',
    (name, type, count) => {
      const report = evaluateFixture(name);
      expect(report.repositoryType).toBe(type);
      expect(report.classification.source).toBe('detected');
      // Only the project-settings checks, which need the GitLab API, are
      // left to the portal.
      expect(
        report.results
          .filter(r => r.status !== 'pass')
          .map(r => [r.id, r.status, r.message]),
      ).toEqual(
        ['PYG-030', 'PYG-031', 'PYG-032'].map(id => [
          id,
          'skip',
          'Evaluated by the portal from the GitLab project settings; files alone cannot show it',
        ]),
      );
      expect(report.counts).toEqual({
        pass: count,
        fail: 0,
        skip: 3,
        error: 0,
        exempt: 0,
        total: count + 3,
      });
      expect(report.score).toBe(100);
      expect(report.level).toBe('gold');
      expect(report.commitId).toBe('abc123');
      expect(report.warnings).toEqual([]);
      // Still 100 and gold when the organisation counts every advisory
      // recommendation: the templates' gate stays passable under any options.
      const strict = evaluateRepository(
        createMemorySnapshot(loadFixtureFiles(name), 'abc123'),
        {
          stewardship: { enforceSources: ['working-group', 'portal-default'] },
        },
      );
      expect({ score: strict.score, level: strict.level }).toEqual({
        score: 100,
        level: 'gold',
      });
    },
  );

  it("accepts the guidelines' classic toolchain (black, isort, flake8, pylint) in the library", () => {
    const report = evaluateFixture('conformant-library');
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-009')!.message).toContain(
      'flake8 in setup.cfg matches black',
    );
    expect(byId.get('PYG-021')!.message).toContain('black --check');
  });

  it('accepts ruff in place of black, isort and flake8 in the utility', () => {
    const report = evaluateFixture('conformant-utility');
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-007')!.message).toContain('ruff');
    expect(byId.get('PYG-008')!.message).toContain('ruff');
    expect(byId.get('PYG-021')!.message).toContain('ruff format --check');
  });

  it('reports the known gaps of a legacy service, with exemptions and their reasons', () => {
    const report = evaluateFixture('legacy-service');
    expect(report.classification).toMatchObject({
      type: 'service',
      source: 'pyproject',
    });
    expect(statuses('legacy-service')).toEqual({
      'PYG-001': 'pass',
      'PYG-002': 'pass',
      'PYG-003': 'fail',
      'PYG-004': 'fail',
      'PYG-005': 'pass',
      'PYG-006': 'fail',
      'PYG-007': 'pass',
      'PYG-008': 'pass',
      'PYG-009': 'fail',
      'PYG-010': 'pass',
      'PYG-011': 'pass',
      'PYG-012': 'fail',
      'PYG-013': 'fail',
      'PYG-014': 'fail',
      'PYG-015': 'skip',
      'PYG-016': 'fail',
      'PYG-017': 'skip',
      'PYG-018': 'fail',
      'PYG-019': 'fail',
      'PYG-020': 'pass',
      'PYG-021': 'fail',
      'PYG-022': 'fail',
      'PYG-023': 'fail',
      'PYG-024': 'fail',
      'PYG-025': 'fail',
      'PYG-026': 'fail',
      'PYG-027': 'fail',
      'PYG-028': 'fail',
      'PYG-029': 'skip',
      'PYG-030': 'skip',
      'PYG-031': 'skip',
      'PYG-032': 'skip',
      'PYG-036': 'fail',
      'PYG-037': 'fail',
      'PYG-038': 'exempt',
      'PYG-039': 'fail',
      'PYG-040': 'fail',
      'PYG-041': 'fail',
      'PYG-042': 'skip',
      'PYG-044': 'skip',
      'PYG-045': 'fail',
      'PYG-046': 'fail',
      'PYG-047': 'fail',
      'PYG-048': 'fail',
    });
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-038')!.message).toBe(
      'Shipped only to self-hosted customers; not deployed on GitLab.com',
    );
    expect(byId.get('PYG-009')).toMatchObject({
      message: 'flake8 max-line-length is 160 but black formats to 120',
      location: { path: 'setup.cfg', line: 1 },
    });
    expect(byId.get('PYG-004')!.location).toEqual({
      path: 'pyproject.toml',
      line: 11,
    });
    expect(byId.get('PYG-015')).toMatchObject({ blockedBy: ['PYG-014'] });
    expect(byId.get('PYG-045')!.message).toBe(
      'Credential files are committed: .pypirc',
    );
    expect(report.warnings).toEqual([
      'pyproject.toml: [tool.python-stewardship.ignore] names unknown check PYG-099',
      'pyproject.toml: the exemption for PYG-040 needs a reason string, so it is not applied',
    ]);
    expect(report.level).toBeNull();
  });

  it('reports the known gaps of a legacy setuptools library', () => {
    expect(statuses('legacy-setuptools-library')).toMatchObject({
      'PYG-001': 'pass',
      'PYG-002': 'fail',
      'PYG-003': 'skip',
      'PYG-005': 'fail',
      'PYG-006': 'fail',
      'PYG-007': 'pass',
      'PYG-011': 'pass',
      'PYG-014': 'pass',
      'PYG-016': 'pass',
      'PYG-017': 'fail',
      'PYG-020': 'fail',
      'PYG-021': 'skip',
      'PYG-033': 'fail',
      'PYG-043': 'fail',
      'PYG-047': 'pass',
    });
  });

  it('turns a malformed pyproject.toml into an error that names the line, and skips what depends on it', () => {
    const report = evaluateFixture('malformed-pyproject');
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-001')).toMatchObject({
      status: 'error',
      location: { path: 'pyproject.toml', line: 5 },
    });
    expect(byId.get('PYG-001')!.message).toMatch(
      /^pyproject.toml is not valid TOML/,
    );
    for (const id of [
      'PYG-002',
      'PYG-005',
      'PYG-007',
      'PYG-011',
      'PYG-014',
      'PYG-021',
      'PYG-033',
    ]) {
      expect(byId.get(id)).toMatchObject({ status: 'skip' });
    }
    expect(byId.get('PYG-020')!.status).toBe('pass');
    expect(report.classification.type).toBe('library');
  });

  it('turns malformed CI YAML into an error with its line for every check that reads it', () => {
    const byId = new Map(
      evaluateFixture('malformed-ci').results.map(r => [r.id, r]),
    );
    expect(byId.get('PYG-020')).toMatchObject({
      status: 'error',
      location: { path: '.gitlab-ci.yml', line: 7 },
    });
    expect(byId.get('PYG-027')!.status).toBe('error');
    expect(byId.get('PYG-021')).toMatchObject({
      status: 'skip',
      blockedBy: ['PYG-020'],
    });
    expect(byId.get('PYG-003')!.status).toBe('pass');
  });

  it('finds the Python project in a monorepo subfolder and keeps repository files at the top', () => {
    const report = evaluateFixture('monorepo-subfolder');
    expect(report.projectRoot).toBe('services/search-api/');
    expect(report.repositoryType).toBe('service');
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-001')!.location).toEqual({
      path: 'services/search-api/pyproject.toml',
    });
    expect(byId.get('PYG-026')).toMatchObject({
      status: 'pass',
      location: { path: 'CODEOWNERS', line: 2 },
    });
    expect(byId.get('PYG-021')).toMatchObject({
      status: 'pass',
      location: { path: 'services/search-api/Makefile' },
    });
    expect(byId.get('PYG-036')!.status).toBe('pass');
    expect(byId.get('PYG-037')!.status).toBe('fail');
    expect(report.level).toBe('silver');
  });
});

/**
 * The expected status of every applicable check, per fixture. A change here
 * is a change in what the rule pack reports for a known repository.
 */
const EXPECTED_STATUSES: Record<string, Record<string, CheckStatus>> = {
  'legacy-setuptools-library': {
    'PYG-001': 'pass',
    'PYG-002': 'fail',
    'PYG-003': 'skip',
    'PYG-004': 'skip',
    'PYG-005': 'fail',
    'PYG-006': 'fail',
    'PYG-007': 'pass',
    'PYG-008': 'fail',
    'PYG-009': 'fail',
    'PYG-010': 'fail',
    'PYG-011': 'pass',
    'PYG-012': 'pass',
    'PYG-013': 'fail',
    'PYG-014': 'pass',
    'PYG-015': 'fail',
    'PYG-016': 'pass',
    'PYG-017': 'fail',
    'PYG-018': 'fail',
    'PYG-019': 'fail',
    'PYG-020': 'fail',
    'PYG-021': 'skip',
    'PYG-022': 'skip',
    'PYG-023': 'skip',
    'PYG-024': 'fail',
    'PYG-025': 'skip',
    'PYG-026': 'fail',
    'PYG-027': 'fail',
    'PYG-028': 'fail',
    'PYG-029': 'skip',
    'PYG-030': 'skip',
    'PYG-031': 'skip',
    'PYG-032': 'skip',
    'PYG-033': 'fail',
    'PYG-034': 'skip',
    'PYG-041': 'fail',
    'PYG-042': 'skip',
    'PYG-043': 'fail',
    'PYG-044': 'fail',
    'PYG-045': 'pass',
    'PYG-046': 'fail',
    'PYG-047': 'pass',
  },
  'malformed-pyproject': {
    'PYG-001': 'error',
    'PYG-002': 'skip',
    'PYG-003': 'skip',
    'PYG-004': 'skip',
    'PYG-005': 'skip',
    'PYG-006': 'skip',
    'PYG-007': 'skip',
    'PYG-008': 'skip',
    'PYG-009': 'skip',
    'PYG-010': 'skip',
    'PYG-011': 'skip',
    'PYG-012': 'skip',
    'PYG-013': 'skip',
    'PYG-014': 'skip',
    'PYG-015': 'skip',
    'PYG-016': 'fail',
    'PYG-017': 'skip',
    'PYG-018': 'fail',
    'PYG-019': 'fail',
    'PYG-020': 'pass',
    'PYG-021': 'skip',
    'PYG-022': 'fail',
    'PYG-023': 'skip',
    'PYG-024': 'fail',
    'PYG-025': 'fail',
    'PYG-026': 'fail',
    'PYG-027': 'fail',
    'PYG-028': 'fail',
    'PYG-029': 'skip',
    'PYG-030': 'skip',
    'PYG-031': 'skip',
    'PYG-032': 'skip',
    'PYG-033': 'skip',
    'PYG-034': 'fail',
    'PYG-041': 'fail',
    'PYG-042': 'skip',
    'PYG-043': 'fail',
    'PYG-044': 'skip',
    'PYG-045': 'pass',
    'PYG-046': 'fail',
    'PYG-047': 'fail',
  },
  'malformed-ci': {
    'PYG-001': 'pass',
    'PYG-002': 'pass',
    'PYG-003': 'pass',
    'PYG-004': 'pass',
    'PYG-005': 'pass',
    'PYG-006': 'pass',
    'PYG-007': 'pass',
    'PYG-008': 'pass',
    'PYG-009': 'pass',
    'PYG-010': 'pass',
    'PYG-011': 'pass',
    'PYG-012': 'pass',
    'PYG-013': 'pass',
    'PYG-014': 'pass',
    'PYG-015': 'fail',
    'PYG-016': 'fail',
    'PYG-017': 'skip',
    'PYG-018': 'fail',
    'PYG-019': 'fail',
    'PYG-020': 'error',
    'PYG-021': 'skip',
    'PYG-022': 'skip',
    'PYG-023': 'skip',
    'PYG-024': 'fail',
    'PYG-025': 'skip',
    'PYG-026': 'fail',
    'PYG-027': 'error',
    'PYG-028': 'fail',
    'PYG-029': 'skip',
    'PYG-030': 'skip',
    'PYG-031': 'skip',
    'PYG-032': 'skip',
    'PYG-033': 'pass',
    'PYG-034': 'skip',
    'PYG-041': 'fail',
    'PYG-042': 'skip',
    'PYG-043': 'fail',
    'PYG-044': 'pass',
    'PYG-045': 'pass',
    'PYG-046': 'fail',
    'PYG-047': 'fail',
  },
  'monorepo-subfolder': {
    'PYG-001': 'pass',
    'PYG-002': 'pass',
    'PYG-003': 'pass',
    'PYG-004': 'pass',
    'PYG-005': 'pass',
    'PYG-006': 'pass',
    'PYG-007': 'pass',
    'PYG-008': 'pass',
    'PYG-009': 'pass',
    'PYG-010': 'pass',
    'PYG-011': 'pass',
    'PYG-012': 'pass',
    'PYG-013': 'pass',
    'PYG-014': 'pass',
    'PYG-015': 'pass',
    'PYG-016': 'pass',
    'PYG-017': 'pass',
    'PYG-018': 'pass',
    'PYG-019': 'fail',
    'PYG-020': 'pass',
    'PYG-021': 'pass',
    'PYG-022': 'pass',
    'PYG-023': 'pass',
    'PYG-024': 'pass',
    'PYG-025': 'fail',
    'PYG-026': 'pass',
    'PYG-027': 'fail',
    'PYG-028': 'fail',
    'PYG-029': 'skip',
    'PYG-030': 'skip',
    'PYG-031': 'skip',
    'PYG-032': 'skip',
    'PYG-036': 'pass',
    'PYG-037': 'fail',
    'PYG-038': 'fail',
    'PYG-039': 'fail',
    'PYG-040': 'fail',
    'PYG-041': 'fail',
    'PYG-042': 'fail',
    'PYG-044': 'pass',
    'PYG-045': 'pass',
    'PYG-046': 'pass',
    'PYG-047': 'pass',
    'PYG-048': 'pass',
  },
};

describe('expected status of every check', () => {
  it.each(Object.keys(EXPECTED_STATUSES))('%s', name => {
    expect(statuses(name)).toEqual(EXPECTED_STATUSES[name]);
  });
});
