import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { loadFixtureFiles } from '../../fixtures/loadFixtureRepo';
import { evaluateRepository } from './evaluateRepository';
import { planConformanceFetch } from './planConformanceFetch';
import {
  findDockerfile,
  findTestFiles,
  parseEntryPointNames,
} from './projectFacts';
import { chooseProjectRoot } from './findProjectRoot';

function evaluateFixture(name: string) {
  return evaluateRepository(createMemorySnapshot(loadFixtureFiles(name)));
}

function result(report: ReturnType<typeof evaluateFixture>, id: string) {
  return report.results.find(r => r.id === id);
}

describe('findDockerfile', () => {
  it('prefers the top-level Dockerfile, then the shallowest one', () => {
    expect(findDockerfile(['docker/Dockerfile', 'Dockerfile'])).toBe(
      'Dockerfile',
    );
    expect(
      findDockerfile([
        'deploy/k8s/Dockerfile',
        'docker/Dockerfile.dev',
        'docker/Dockerfile',
      ]),
    ).toBe('docker/Dockerfile');
    expect(findDockerfile(['Containerfile', 'docker/Dockerfile'])).toBe(
      'Containerfile',
    );
    expect(
      findDockerfile(['.venv/lib/x/Dockerfile', 'tests/fixtures/Dockerfile']),
    ).toBeUndefined();
  });
});

describe('parseEntryPointNames', () => {
  it('reads setup.cfg console_scripts, one a line or joined', () => {
    expect(
      parseEntryPointNames(
        'tidewatch = tidewatch.cli:main tide-x = t.x:run [extra]',
      ),
    ).toEqual(['tidewatch', 'tide-x']);
    expect(parseEntryPointNames('')).toEqual([]);
  });
});

describe('docker-subfolder-service', () => {
  const report = evaluateFixture('docker-subfolder-service');

  it('is a service because of docker/Dockerfile, and PYG-036 reads that file', () => {
    expect(report.repositoryType).toBe('service');
    expect(report.classification.reasons).toContain(
      'service: docker/Dockerfile and the web framework fastapi',
    );
    expect(result(report, 'PYG-036')?.message).not.toMatch(/missing/);
    expect(result(report, 'PYG-036')?.location?.path).toBe('docker/Dockerfile');
  });

  it('asks the scanner to fetch docker/Dockerfile', () => {
    const tree = Object.keys(loadFixtureFiles('docker-subfolder-service'));
    expect(planConformanceFetch(tree)).toContain('docker/Dockerfile');
  });
});

describe('setupcfg-cli-utility', () => {
  const report = evaluateFixture('setupcfg-cli-utility');

  it('sees the console scripts declared in setup.cfg and types it as a utility', () => {
    expect(report.repositoryType).toBe('utility');
    expect(report.classification.reasons).toContain(
      'utility: console entry point tidewatch in setup.cfg',
    );
  });

  it('PYG-035 passes and says where the command is declared', () => {
    expect(result(report, 'PYG-035')).toMatchObject({
      status: 'pass',
      message:
        'Provides the tidewatch command, declared in setup.cfg; the guidelines want it in [project.scripts]',
      location: { path: 'setup.cfg', line: 16 },
    });
  });

  it('asks the scanner to fetch the legacy configuration files', () => {
    const tree = Object.keys(loadFixtureFiles('setupcfg-cli-utility'));
    expect(planConformanceFetch(tree)).toEqual(
      expect.arrayContaining(['setup.cfg', 'setup.py', 'pyproject.toml']),
    );
  });
});

describe('uv-workspace-service', () => {
  const report = evaluateFixture('uv-workspace-service');

  it('evaluates the workspace member, and says why', () => {
    expect(report.projectRoot).toBe('backend/');
    expect(report.projectRootReason).toBe(
      'the root pyproject.toml is a workspace ([tool.uv.workspace] members); backend/ is its first member with a pyproject.toml',
    );
    expect(report.repositoryType).toBe('service');
    expect(result(report, 'PYG-001')?.status).toBe('pass');
  });

  it('the fetch plan follows the workspace in its second round', () => {
    const files = loadFixtureFiles('uv-workspace-service');
    const text = (path: string) => new TextDecoder().decode(files[path]);
    const tree = Object.keys(files);
    const first = planConformanceFetch(tree);
    expect(first).toContain('pyproject.toml');
    expect(first).not.toContain('backend/pyproject.toml');
    const fetched = Object.fromEntries(first.map(p => [p, text(p)]));
    expect(first).toContain('backend/Dockerfile');
    expect(planConformanceFetch(tree, fetched)).toEqual(
      expect.arrayContaining(['backend/pyproject.toml']),
    );
  });
});

describe('chooseProjectRoot', () => {
  const read = (files: Record<string, string>) => (path: string) => files[path];

  it('keeps a root that declares the project', () => {
    expect(
      chooseProjectRoot(
        ['pyproject.toml', 'docs/pyproject.toml'],
        read({ 'pyproject.toml': '[project]\nname = "x"\n' }),
      ).root,
    ).toBe('');
  });

  it('keeps a Poetry root in non-package mode, which may have no name', () => {
    expect(
      chooseProjectRoot(
        ['pyproject.toml', 'tools/pyproject.toml'],
        read({
          'pyproject.toml':
            '[tool.poetry]\npackage-mode = false\n[tool.poetry.dependencies]\npython = "^3.12"\n',
        }),
      ).root,
    ).toBe('');
  });

  it('follows a tools-only root to the only project below it', () => {
    expect(
      chooseProjectRoot(
        ['pyproject.toml', 'app/pyproject.toml'],
        read({ 'pyproject.toml': '[tool.black]\nline-length = 100\n' }),
      ),
    ).toEqual({
      root: 'app/',
      reason:
        'the root pyproject.toml only configures tools; app/pyproject.toml is the only project below it',
    });
  });

  it('matches workspace member globs', () => {
    expect(
      chooseProjectRoot(
        [
          'pyproject.toml',
          'packages/core/pyproject.toml',
          'packages/cli/pyproject.toml',
        ],
        read({
          'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*"]\n',
        }),
      ).root,
    ).toBe('packages/cli/');
  });
});

describe('setupcfg-pytest-library', () => {
  it('PYG-014 sees pytest configured in setup.cfg [tool:pytest] and says where the guidelines want it', () => {
    const report = evaluateFixture('setupcfg-pytest-library');
    expect(result(report, 'PYG-014')).toMatchObject({
      status: 'pass',
      message:
        'pytest is declared and configured in setup.cfg [tool:pytest]; the guidelines want it in pyproject.toml (see PYG-012)',
      location: { path: 'setup.cfg', line: 4 },
    });
  });
});

describe('findTestFiles', () => {
  const paths = [
    'pkg/test_utils.py',
    'pkg/core.py',
    'tests/test_core.py',
    'tests/core_test.py',
    'tests/checks.py',
    '.venv/lib/test_x.py',
    'build/test_old.py',
  ];

  it("uses pytest's defaults, skipping norecursedirs", () => {
    expect(
      findTestFiles(paths, {
        testpaths: [],
        pythonFiles: [],
        norecursedirs: [],
      }),
    ).toEqual([
      'pkg/test_utils.py',
      'tests/test_core.py',
      'tests/core_test.py',
    ]);
  });

  it('keeps to testpaths (globs too) and python_files', () => {
    expect(
      findTestFiles(paths, {
        testpaths: ['test*'],
        pythonFiles: ['check*.py'],
        norecursedirs: [],
      }),
    ).toEqual(['tests/checks.py']);
  });

  it('falls back to the whole project when no testpath exists, as pytest does', () => {
    expect(
      findTestFiles(paths, {
        testpaths: ['missing'],
        pythonFiles: [],
        norecursedirs: ['pkg'],
      }),
    ).toEqual([
      'tests/test_core.py',
      'tests/core_test.py',
      'build/test_old.py',
    ]);
  });
});

describe('chooseProjectRoot without pyproject.toml', () => {
  it('takes the folder of setup.py, else of the requirements files (not docs/)', () => {
    expect(chooseProjectRoot(['README.md', 'python/setup.py']).root).toBe(
      'python/',
    );
    expect(
      chooseProjectRoot([
        'docs/requirements.txt',
        'services/nginx/Dockerfile',
        'services/web/requirements.txt',
        'services/web/Dockerfile',
      ]),
    ).toEqual({
      root: 'services/web/',
      reason:
        'no pyproject.toml, setup.py or setup.cfg anywhere; services/web/ holds the shallowest requirements file or Pipfile',
    });
  });

  it('never takes a .devcontainer Dockerfile for the project', () => {
    expect(
      findDockerfile(['.devcontainer/Dockerfile', 'docker/Dockerfile']),
    ).toBe('docker/Dockerfile');
  });
});
