import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { CheckStatus } from '../checks/types';
import { evaluateRepository } from './evaluateRepository';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';
import { createRepositoryFacts } from './createRepositoryFacts';

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
      // setup.cfg [mypy] without python_version: judged as [tool.mypy] would be.
      'PYG-011': 'fail',
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

describe('legacy-setuppy-library: judged on what it has', () => {
  const report = evaluateFixture('legacy-setuppy-library');
  const byId = new Map(report.results.map(r => [r.id, r]));

  it('fails PYG-001 without skipping the checks that require it', () => {
    expect(byId.get('PYG-001')).toMatchObject({
      status: 'fail',
      message:
        'No pyproject.toml; the packaging metadata is in setup.py setup(), setup.cfg [metadata] and setup.cfg [options]; dependencies are listed in requirements-dev.txt and requirements.txt; the guidelines want the metadata in [project] of pyproject.toml',
      location: { path: 'setup.py' },
    });
    const requiresPyg001 = report.results.filter(r =>
      [
        'PYG-005',
        'PYG-007',
        'PYG-009',
        'PYG-011',
        'PYG-014',
        'PYG-021',
      ].includes(r.id),
    );
    expect(requiresPyg001.map(r => [r.id, r.status])).toEqual([
      ['PYG-005', 'pass'],
      ['PYG-007', 'pass'],
      ['PYG-009', 'pass'],
      ['PYG-011', 'pass'],
      ['PYG-014', 'pass'],
      ['PYG-021', 'pass'],
    ]);
    expect(report.score).toBeGreaterThan(30);
  });

  it('names where each setting was found and where the guidelines want it', () => {
    expect(byId.get('PYG-014')!.message).toBe(
      'pytest is declared and configured in pytest.ini; the guidelines want it in pyproject.toml (see PYG-012)',
    );
    expect(byId.get('PYG-008')).toMatchObject({
      status: 'pass',
      message:
        'isort uses the black profile, configured in setup.cfg [isort]; the guidelines want it in pyproject.toml (see PYG-012)',
      location: { path: 'setup.cfg', line: 17 },
    });
    expect(byId.get('PYG-011')!.message).toBe(
      'mypy is configured in setup.cfg [mypy] with python_version; the guidelines want it in pyproject.toml (see PYG-012)',
    );
    expect(byId.get('PYG-044')).toMatchObject({
      status: 'pass',
      message: 'filterwarnings has "error" in pytest.ini [pytest]',
    });
    // python_requires from setup.py, with its line.
    expect(byId.get('PYG-006')).toMatchObject({
      status: 'fail',
      location: { path: 'setup.py', line: 12 },
    });
    expect(byId.get('PYG-013')!.message).toBe(
      'setup.py, setup.cfg, requirements-dev.txt and requirements.txt do not declare pylint (or ruff), and no pre-commit hook runs it',
    );
  });

  it('merges setup.py over setup.cfg and reads requirements files as groups', () => {
    const files = loadFixtureFiles('legacy-setuppy-library');
    const facts = createRepositoryFacts(createMemorySnapshot(files), {
      maxFileBytes: 1_000_000,
    });
    const packaging = facts.packaging();
    expect(packaging.name).toMatchObject({
      value: 'skerry',
      where: 'setup.py setup()',
    });
    expect(packaging.pythonConstraint).toMatchObject({
      value: '>=3.9',
      path: 'setup.py',
    });
    expect(packaging.model.mainDependencies).toEqual(['attrs', 'requests']);
    expect(packaging.model.dependencyGroups.dev).toEqual(
      expect.arrayContaining(['pytest', 'pytest-cov', 'black', 'mypy']),
    );
    // extras_require={"test": TEST_REQUIRES}: a constant bound once.
    expect(packaging.model.dependencyGroups.test).toEqual([
      'pytest',
      'pytest-cov',
    ]);
    expect(packaging.notStaticallyReadable).toEqual([
      {
        path: 'setup.py',
        keyword: 'packages',
        expression: 'find_packages(exclude=["tests"])',
        line: 13,
      },
      {
        path: 'setup.py',
        keyword: 'long_description',
        expression: 'LONG_DESCRIPTION',
        line: 19,
      },
    ]);
    expect(packaging.metadata.version?.where).toBe('setup.cfg [metadata]');
  });
});

describe('setuppy-cli-utility: console scripts in setup.py', () => {
  const report = evaluateFixture('setuppy-cli-utility');

  it('is typed as a utility from setup.py entry_points, with confidence', () => {
    expect(report.classification).toMatchObject({
      type: 'utility',
      source: 'detected',
      confidence: 'high',
      reasons: ['utility: console entry point mooring in setup.py'],
    });
    expect(report.classification.evidence).toContainEqual({
      fact: 'console command mooring',
      path: 'setup.py',
    });
  });

  it('sees entry_points and scripts', () => {
    const facts = createRepositoryFacts(
      createMemorySnapshot(loadFixtureFiles('setuppy-cli-utility')),
      { maxFileBytes: 1_000_000 },
    );
    expect(facts.consoleScripts().map(s => s.name)).toEqual([
      'mooring',
      'mooring-report',
      'mooring-legacy',
    ]);
    expect(report.results.find(r => r.id === 'PYG-035')).toMatchObject({
      status: 'pass',
      location: { path: 'setup.py', line: 14 },
    });
  });
});

describe('package-test-module-library: test_*.py inside the package', () => {
  it('collects what pytest would (testpaths, python_files), not the package module', () => {
    const report = evaluateFixture('package-test-module-library');
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-016')).toMatchObject({
      status: 'pass',
      message: '1 test files under tests/, fixtures in tests/conftest.py',
    });
    expect(byId.get('PYG-017')).toMatchObject({
      status: 'pass',
      message: 'All 1 unit test files mirror a source module',
    });
  });
});

/**
 * The expected status of every applicable check, per fixture. A change here
 * is a change in what the rule pack reports for a known repository.
 */
const EXPECTED_STATUSES: Record<string, Record<string, CheckStatus>> = {
  'legacy-setuppy-library': {
    'PYG-001': 'fail',
    'PYG-002': 'fail',
    'PYG-003': 'skip',
    'PYG-004': 'skip',
    'PYG-005': 'pass',
    'PYG-006': 'fail',
    'PYG-007': 'pass',
    'PYG-008': 'pass',
    'PYG-009': 'pass',
    'PYG-010': 'fail',
    'PYG-011': 'pass',
    'PYG-012': 'fail',
    'PYG-013': 'fail',
    'PYG-014': 'pass',
    'PYG-015': 'pass',
    'PYG-016': 'pass',
    'PYG-017': 'pass',
    'PYG-018': 'fail',
    'PYG-019': 'fail',
    'PYG-020': 'pass',
    'PYG-021': 'pass',
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
    'PYG-033': 'fail',
    'PYG-034': 'fail',
    'PYG-041': 'fail',
    'PYG-042': 'skip',
    'PYG-043': 'fail',
    'PYG-044': 'pass',
    'PYG-045': 'pass',
    'PYG-046': 'fail',
    'PYG-047': 'pass',
  },
  'setuppy-cli-utility': {
    'PYG-001': 'fail',
    'PYG-002': 'fail',
    'PYG-003': 'skip',
    'PYG-004': 'skip',
    'PYG-005': 'fail',
    'PYG-006': 'fail',
    'PYG-007': 'pass',
    'PYG-008': 'fail',
    'PYG-009': 'pass',
    'PYG-010': 'fail',
    'PYG-011': 'fail',
    'PYG-012': 'pass',
    'PYG-013': 'fail',
    'PYG-014': 'fail',
    'PYG-015': 'skip',
    'PYG-016': 'fail',
    'PYG-017': 'skip',
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
    'PYG-035': 'pass',
    'PYG-041': 'fail',
    'PYG-042': 'skip',
    'PYG-044': 'skip',
    'PYG-045': 'pass',
    'PYG-046': 'fail',
    'PYG-047': 'fail',
  },
  'package-test-module-library': {
    'PYG-001': 'pass',
    'PYG-002': 'fail',
    'PYG-003': 'skip',
    'PYG-004': 'skip',
    'PYG-005': 'fail',
    'PYG-006': 'pass',
    'PYG-007': 'fail',
    'PYG-008': 'fail',
    'PYG-009': 'fail',
    'PYG-010': 'fail',
    'PYG-011': 'fail',
    'PYG-012': 'pass',
    'PYG-013': 'fail',
    'PYG-014': 'pass',
    'PYG-015': 'fail',
    'PYG-016': 'pass',
    'PYG-017': 'pass',
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
    'PYG-047': 'fail',
  },
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
