import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { RepositorySnapshot } from '../snapshot/RepositorySnapshot';
import { checks } from '../checks/checks';
import { defineCheck } from '../checks/support';
import { InvalidStewardshipOptionsError } from '../options/stewardshipOptions';
import {
  evaluateRepository,
  InvalidEvaluateOptionsError,
} from './evaluateRepository';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';

const library = () => loadFixtureFiles('conformant-library');

describe('evaluateRepository', () => {
  it('evaluates an empty repository without throwing: pyproject missing, dependents skipped', () => {
    const report = evaluateRepository(createMemorySnapshot({}));
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(report.repositoryType).toBe('library');
    expect(byId.get('PYG-001')).toMatchObject({
      status: 'fail',
      message: 'No pyproject.toml at the repository root or in any subfolder',
    });
    expect(byId.get('PYG-002')).toMatchObject({
      status: 'skip',
      blockedBy: ['PYG-001'],
    });
    // Only "no credentials committed" holds for a repository with no files.
    expect(
      report.results.filter(r => r.status === 'pass').map(r => r.id),
    ).toEqual(['PYG-045']);
    // Advisory results (working-group, portal default) do not count.
    expect(report.score).toBe(5);
    expect(report.level).toBeNull();
    expect(report.counts.total).toBe(report.results.length);
  });

  it("applies exemptions granted outside the repository, raising the score, and lets the repository's own win", () => {
    const files = library();
    delete files['poetry.lock'];
    const before = evaluateRepository(createMemorySnapshot(files));
    const failing = before.results.find(r => r.status === 'fail')!;
    const after = evaluateRepository(createMemorySnapshot(files), {
      exemptions: { [failing.id]: 'Approved in the portal until 2027-01-01' },
    });
    expect(after.results.find(r => r.id === failing.id)).toMatchObject({
      status: 'exempt',
      message: 'Approved in the portal until 2027-01-01',
    });
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.counts.exempt).toBe(before.counts.exempt + 1);
  });

  it('judges the checks built on an exempt prerequisite instead of skipping them', () => {
    const files = library();
    delete files['poetry.lock'];
    const pyproject = new TextDecoder().decode(files['pyproject.toml']);
    const exemptPyproject = (reason: string) =>
      `${pyproject}\n[tool.python-stewardship.ignore]\nPYG-003 = "${reason}"\n`;
    const report = evaluateRepository(
      createMemorySnapshot({
        ...files,
        'pyproject.toml': exemptPyproject(
          'lockfile is created by the first pipeline',
        ),
      }),
    );
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-003')).toMatchObject({
      status: 'exempt',
      message: 'lockfile is created by the first pipeline',
    });
    // PYG-042 requires PYG-003; the waiver does not hide the CI check.
    expect(byId.get('PYG-042')).toMatchObject({
      status: 'pass',
      blockedBy: [],
    });
  });

  it('reports a binary pyproject.toml and an oversized CI file as errors, not crashes', () => {
    const files: Record<string, string | Uint8Array> = library();
    files['pyproject.toml'] = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe,
    ]);
    files['.gitlab-ci.yml'] = `# ${'x'.repeat(2_000_000)}\n`;
    const report = evaluateRepository(createMemorySnapshot(files));
    const byId = new Map(report.results.map(r => [r.id, r]));
    expect(byId.get('PYG-001')).toMatchObject({
      status: 'error',
      message: 'pyproject.toml is not UTF-8 text',
    });
    expect(byId.get('PYG-020')).toMatchObject({
      status: 'error',
      location: { path: '.gitlab-ci.yml' },
    });
    expect(byId.get('PYG-020')!.message).toMatch(
      /2000003 bytes, more than the 1000000 bytes allowed/,
    );
  });

  it('honours the organisation size limit for snapshots that do not enforce one', () => {
    const snapshot: RepositorySnapshot = {
      listPaths: () => ['README.md'],
      readText: () => 'pytest and poetry install\n'.repeat(100),
    };
    const report = evaluateRepository(snapshot, {
      stewardship: { maxFileBytes: 100 },
      select: ['PYG-047'],
    });
    expect(report.results[0]).toMatchObject({
      status: 'error',
      message: 'README.md is larger than 100 bytes; not parsed',
    });
  });

  it('does not crash when a snapshot throws an unexpected error', () => {
    const snapshot: RepositorySnapshot = {
      listPaths: () => ['pyproject.toml'],
      readText: () => {
        throw new Error('network down');
      },
    };
    const report = evaluateRepository(snapshot, { select: ['PYG-001'] });
    expect(report.results[0]).toMatchObject({
      status: 'error',
      message: 'cannot read pyproject.toml: Error: network down',
    });
  });

  it('throws a clear error when the snapshot cannot list its files, rather than scoring an empty repository', () => {
    const failing: RepositorySnapshot = {
      listPaths: () => {
        throw new Error('GitLab returned 503');
      },
      readText: () => '',
    };
    expect(() => evaluateRepository(failing)).toThrow(
      'Cannot list the files of the repository snapshot: GitLab returned 503',
    );
    const wrongShape = {
      listPaths: () => 'pyproject.toml',
      readText: () => '',
    } as unknown as RepositorySnapshot;
    expect(() => evaluateRepository(wrongShape)).toThrow(
      'RepositorySnapshot.listPaths() must return an array of path strings',
    );
  });

  it('turns an exception inside a check into an error result for that check only', () => {
    const broken = defineCheck({
      ...checks[0],
      id: 'PYG-900',
      requires: [],
      evaluate: () => {
        throw new Error('boom');
      },
    });
    const report = evaluateRepository(createMemorySnapshot(library()), {
      checks: [checks[0], broken],
    });
    expect(report.results.map(r => [r.id, r.status])).toEqual([
      ['PYG-001', 'pass'],
      ['PYG-900', 'error'],
    ]);
    expect(report.results[1].message).toBe('PYG-900 failed unexpectedly: boom');
  });

  it('selects and ignores by check id and by family', () => {
    const snapshot = createMemorySnapshot(library());
    expect(
      evaluateRepository(snapshot, {
        select: ['pyg-001', 'security'],
      }).results.map(r => r.id),
    ).toEqual(['PYG-001', 'PYG-025', 'PYG-045', 'PYG-046']);
    const ignored = evaluateRepository(snapshot, {
      ignore: ['testing', 'PYG-001'],
    }).results.map(r => r.id);
    expect(ignored).not.toContain('PYG-001');
    expect(ignored).not.toContain('PYG-014');
    // PYG-002 requires PYG-001; an unselected prerequisite does not block it.
    expect(
      evaluateRepository(snapshot, { select: ['PYG-002'] }).results[0].status,
    ).toBe('pass');
  });

  it('names unknown ids in select or ignore', () => {
    expect(() =>
      evaluateRepository(createMemorySnapshot({}), {
        select: ['PYG-999', 'nonsense'],
      }),
    ).toThrow(
      new InvalidEvaluateOptionsError(
        'Unknown check id or family in select: PYG-999, nonsense. Check ids look like PYG-001; families are packaging, python-version, formatting-and-linting, type-checking, testing, continuous-integration, code-review-and-ownership, security, documentation, service-deployment, publishing',
      ),
    );
  });

  it('names invalid organisation options', () => {
    expect(() =>
      evaluateRepository(createMemorySnapshot({}), {
        stewardship: {
          minimumPythonVersion: 'three',
          allowedPackageManagers: ['conda'],
        } as never,
      }),
    ).toThrow(InvalidStewardshipOptionsError);
    expect(() =>
      evaluateRepository(createMemorySnapshot({}), {
        stewardship: { minimumPythonVersion: 'three' },
      }),
    ).toThrow(
      'Invalid python-stewardship options: minimumPythonVersion: must look like 3.12',
    );
  });

  it('applies organisation options: another package manager and a newer minimum Python', () => {
    const files = loadFixtureFiles('legacy-setuptools-library');
    const strict = evaluateRepository(createMemorySnapshot(files));
    const relaxed = evaluateRepository(createMemorySnapshot(files), {
      stewardship: {
        allowedPackageManagers: ['poetry', 'setuptools'],
        minimumPythonVersion: '3.8',
        packageNamePrefix: '',
      },
    });
    const status = (report: typeof strict, id: string) =>
      report.results.find(r => r.id === id)!.status;
    expect(status(strict, 'PYG-002')).toBe('fail');
    expect(status(relaxed, 'PYG-002')).toBe('pass');
    expect(status(relaxed, 'PYG-003')).toBe('skip');
    expect(status(strict, 'PYG-006')).toBe('fail');
    expect(status(relaxed, 'PYG-006')).toBe('pass');
    expect(relaxed.results.find(r => r.id === 'PYG-033')!.message).toBe(
      'pyproject.toml lacks authors, readme, homepage and repository',
    );
  });

  it('keeps working-group and portal-default checks advisory unless the organisation enforces them', () => {
    const files = library();
    delete files['renovate.json'];
    const plain = evaluateRepository(createMemorySnapshot(files));
    const renovate = (report: typeof plain) =>
      report.results.find(r => r.id === 'PYG-041')!;
    expect(renovate(plain)).toMatchObject({
      status: 'fail',
      advisory: true,
      source: 'working-group',
    });
    expect(plain.score).toBe(100);
    expect(plain.level).toBe('gold');

    const enforced = evaluateRepository(createMemorySnapshot(files), {
      stewardship: { enforce: ['pyg-041'] },
    });
    expect(renovate(enforced).advisory).toBe(false);
    expect(enforced.score).toBeLessThan(100);
    expect(enforced.level).toBe('silver');
    expect(enforced.levels.find(l => l.id === 'gold')!.missing).toEqual([
      'PYG-041',
    ]);

    const bySource = evaluateRepository(createMemorySnapshot(files), {
      stewardship: { enforceSources: ['working-group'] },
    });
    expect(renovate(bySource).advisory).toBe(false);
    expect(
      bySource.results
        .filter(r => r.source === 'portal-default')
        .every(r => r.advisory),
    ).toBe(true);
  });

  it('lets an organisation demote a guide check to advisory', () => {
    const files = library();
    delete files['poetry.lock'];
    const demoted = evaluateRepository(createMemorySnapshot(files), {
      stewardship: { advisory: ['PYG-003'] },
    });
    expect(demoted.results.find(r => r.id === 'PYG-003')).toMatchObject({
      status: 'fail',
      advisory: true,
      source: 'python-guide',
    });
    expect(demoted.score).toBe(100);
  });

  it('names unknown or contradictory check ids in enforce and advisory', () => {
    expect(() =>
      evaluateRepository(createMemorySnapshot({}), {
        stewardship: { enforce: ['PYG-999'] },
      }),
    ).toThrow(
      "Unknown check id in the organisation options' enforce/advisory lists: PYG-999",
    );
    expect(() =>
      evaluateRepository(createMemorySnapshot({}), {
        stewardship: { enforce: ['PYG-041'], advisory: ['PYG-041'] },
      }),
    ).toThrow(
      'Invalid python-stewardship options: advisory: PYG-041 cannot be both enforced and advisory; list each check in one of enforce or advisory',
    );
    expect(() =>
      evaluateRepository(createMemorySnapshot({}), {
        stewardship: { enforce: ['renovate'] },
      }),
    ).toThrow(
      'Invalid python-stewardship options: enforce.0: must be a check id such as PYG-041',
    );
  });

  it('uses the type given explicitly, then the annotation, over detection', () => {
    const snapshot = createMemorySnapshot(library());
    expect(
      evaluateRepository(snapshot, { type: 'service' }).repositoryType,
    ).toBe('service');
    expect(
      evaluateRepository(snapshot, { annotationType: 'utility' })
        .classification,
    ).toMatchObject({
      type: 'utility',
      source: 'annotation',
    });
    const invalid = evaluateRepository(snapshot, { type: 'daemon' });
    expect(invalid.repositoryType).toBe('library');
    expect(invalid.warnings).toContain(
      'Ignored type "daemon"; expected service, utility or library',
    );
  });

  it('is deterministic', () => {
    const files = loadFixtureFiles('legacy-service');
    expect(evaluateRepository(createMemorySnapshot(files))).toEqual(
      evaluateRepository(createMemorySnapshot(files)),
    );
  });

  it('reads each file at most once per evaluation', () => {
    const inner = createMemorySnapshot(library());
    const reads = new Map<string, number>();
    const counting: RepositorySnapshot = {
      listPaths: () => inner.listPaths(),
      readText: path => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return inner.readText(path);
      },
    };
    evaluateRepository(counting);
    expect([...reads.values()].every(count => count === 1)).toBe(true);
    expect(reads.get('pyproject.toml')).toBe(1);
  });
});

describe('project root detection', () => {
  it('ignores pyproject.toml files in virtualenvs and test fixtures', () => {
    const report = evaluateRepository(
      createMemorySnapshot({
        'tests/fixtures/sample/pyproject.toml': '[project]\nname = "sample"\n',
        '.venv/lib/python3.12/site-packages/x/pyproject.toml': '',
        'tools/cli/pyproject.toml': '[project]\nname = "gitlab-cli"\n',
        'tools/cli/deeper/pyproject.toml': '[project]\nname = "inner"\n',
      }),
      { select: ['PYG-001'] },
    );
    expect(report.projectRoot).toBe('tools/cli/');
  });
});

describe('tool settings where the tools read them', () => {
  const run = (files: Record<string, string>, id: string) =>
    evaluateRepository(createMemorySnapshot(files), { select: [id] })
      .results[0];

  it("reads pytest 9's [tool.pytest] table", () => {
    expect(
      run(
        {
          'pyproject.toml':
            '[project]\nname = "x"\n[project.optional-dependencies]\ntest = ["pytest"]\n[tool.pytest]\nstrict = true\n',
        },
        'PYG-014',
      ),
    ).toMatchObject({
      status: 'pass',
      message: 'pytest is declared and configured in [tool.pytest]',
    });
  });

  it('reads [tool.flake8] when the flake8-pyproject plugin is declared', () => {
    expect(
      run(
        {
          'pyproject.toml':
            '[project]\nname = "x"\n[dependency-groups]\ndev = ["flake8", "Flake8-pyproject", "black"]\n[tool.flake8]\nmax-line-length = 88\nextend-ignore = ["E203"]\n',
        },
        'PYG-009',
      ),
    ).toMatchObject({
      status: 'pass',
      message:
        'flake8 in pyproject.toml matches black (line length 88, E203 ignored)',
    });
  });

  it('reads coverage fail_under from .coveragerc and pytest from requirements files', () => {
    const files = {
      'pyproject.toml': '[project]\nname = "x"\n',
      'requirements-test.txt': 'pytest\npytest-cov\n',
      'pytest.ini': '[pytest]\n',
      '.coveragerc': '[run]\nbranch = True\n[report]\nfail_under = 90\n',
      '.gitlab-ci.yml': 'test:\n  script:\n    - pytest --cov=x\n',
    };
    expect(run(files, 'PYG-014').status).toBe('pass');
    expect(
      evaluateRepository(createMemorySnapshot(files), {
        select: ['PYG-014', 'PYG-015'],
        stewardship: { minimumCoverage: 95 },
      }).results[1].message,
    ).toBe('Coverage must fail under 95%; the configured threshold is 90%');
  });

  it('says when a setup.py keyword it needed was not statically readable', () => {
    const files = {
      'setup.py':
        'from setuptools import setup\n\nsetup(\n    name="x",\n    install_requires=open("requirements.in").read().splitlines(),\n)\n',
    };
    expect(run(files, 'PYG-014').message).toBe(
      "pytest is not a dependency in setup.py; setup.py's install_requires (line 5) is not statically readable, so it was not counted",
    );
  });

  it('counts a flake8 plugin as flake8 declared', () => {
    expect(
      run(
        {
          'pyproject.toml':
            '[tool.poetry]\nname = "x"\n[tool.poetry.dev-dependencies]\nwemake-python-styleguide = "*"\nblack = "*"\nisort = "*"\npylint = "*"\nmypy = "*"\n',
        },
        'PYG-013',
      ).status,
    ).toBe('pass');
  });

  it('counts pre-commit hooks as tools in use', () => {
    expect(
      run(
        {
          'pyproject.toml': '[project]\nname = "x"\n',
          '.pre-commit-config.yaml':
            'repos:\n  - repo: https://example.com/psf/black\n    rev: 24.3.0\n    hooks:\n      - id: black\n',
        },
        'PYG-007',
      ),
    ).toMatchObject({
      status: 'pass',
      message: 'black runs as a pre-commit hook (.pre-commit-config.yaml)',
    });
  });
});
