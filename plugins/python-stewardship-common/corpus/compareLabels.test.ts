import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CheckResult,
  ConformanceReport,
  RepositoryClassification,
} from '../src';
import {
  compareRepository,
  configFile,
  corpusLabelsSchema,
  corpusTools,
  engineView,
  formatComparison,
  LabelledRepository,
  strayEntries,
  summarise,
  toolViews,
} from './compareLabels';

function result(
  id: string,
  status: CheckResult['status'],
  message: string,
  path?: string,
  blockedBy: string[] = [],
): CheckResult {
  return {
    id,
    title: id,
    family: 'testing',
    status,
    message,
    location: path ? { path } : undefined,
    docs: 'development-guidelines#testing-with-pytest',
    weight: 1,
    advisory: false,
    blockedBy,
  };
}

/** A classification as the engine reports it; fields added later default to empty. */
function classified(
  value: Pick<RepositoryClassification, 'type' | 'source' | 'reasons'> &
    Partial<RepositoryClassification>,
): RepositoryClassification {
  return {
    confidence: 'high',
    evidence: [],
    ...value,
  } as RepositoryClassification;
}

function report(
  results: CheckResult[],
  overrides: Partial<ConformanceReport> = {},
): ConformanceReport {
  return {
    schemaVersion: 1,
    projectRoot: '',
    projectRootReason:
      'pyproject.toml at the repository root declares the project',
    repositoryType: 'library',
    classification: classified({
      type: 'library',
      source: 'detected',
      reasons: [
        'library: packaging metadata in pyproject.toml and no console entry point',
      ],
    }),
    results,
    score: 50,
    level: null,
    levels: [],
    counts: { pass: 0, fail: 0, skip: 0, error: 0, total: 0 } as never,
    warnings: [],
    ...overrides,
  };
}

const noTools = Object.fromEntries(
  corpusTools.map(tool => [tool, null]),
) as LabelledRepository['tools'];

function label(
  overrides: Partial<LabelledRepository> = {},
): LabelledRepository {
  return {
    id: 'example',
    repo: 'owner/example',
    url: 'https://github.com/owner/example',
    hostedOn: 'github',
    commit: '0'.repeat(40),
    type: 'library',
    why: 'an importable package published to PyPI',
    projectRoot: '',
    packaging: {
      manager: 'hatch',
      buildBackend: 'hatchling.build',
      metadata: 'pyproject.toml [project]',
    },
    consoleScripts: [],
    dockerfile: null,
    tools: noTools,
    ...overrides,
  };
}

describe('the labels file', () => {
  const labels = corpusLabelsSchema.parse(
    JSON.parse(readFileSync(join(__dirname, 'labels.json'), 'utf8')),
  );

  it('labels at least fifteen repositories of all three types', () => {
    expect(labels.repositories.length).toBeGreaterThanOrEqual(15);
    expect(new Set(labels.repositories.map(r => r.type))).toEqual(
      new Set(['service', 'utility', 'library']),
    );
  });

  it('covers the packaging styles and a project in a subfolder', () => {
    const managers = new Set(labels.repositories.map(r => r.packaging.manager));
    for (const manager of ['poetry', 'uv', 'hatch', 'pdm', 'setuptools']) {
      expect(managers).toContain(manager);
    }
    expect(
      labels.repositories.some(r =>
        r.packaging.buildBackend?.startsWith('flit'),
      ),
    ).toBe(true);
    expect(labels.repositories.some(r => r.projectRoot !== '')).toBe(true);
  });

  it('rejects a label without a reason or with a malformed commit', () => {
    const [first] = labels.repositories;
    expect(
      corpusLabelsSchema.safeParse({
        description: '',
        repositories: [{ ...first, why: '' }],
      }).success,
    ).toBe(false);
    expect(
      corpusLabelsSchema.safeParse({
        description: '',
        repositories: [{ ...first, commit: 'main' }],
      }).success,
    ).toBe(false);
  });

  it('rejects duplicate ids', () => {
    const [first] = labels.repositories;
    expect(
      corpusLabelsSchema.safeParse({
        description: '',
        repositories: [first, first],
      }).success,
    ).toBe(false);
  });
});

describe('toolViews', () => {
  it('reads where the tool checks found settings', () => {
    const views = toolViews([
      result(
        'PYG-014',
        'pass',
        'pytest is declared and configured in pytest.ini; the guidelines want it in pyproject.toml (see PYG-012)',
        'pytest.ini',
      ),
      result(
        'PYG-011',
        'fail',
        '[tool.mypy] does not set python_version, so mypy checks against whatever interpreter runs it',
        'pyproject.toml',
      ),
      result(
        'PYG-007',
        'pass',
        'ruff formats the code (ruff.toml)',
        'ruff.toml',
      ),
      result(
        'PYG-008',
        'fail',
        '[tool.isort] sets profile = nothing; use profile = "black" so isort and black agree',
        'pyproject.toml',
      ),
      result(
        'PYG-009',
        'pass',
        'flake8 in setup.cfg matches black (line length 88, E203 ignored)',
        'setup.cfg',
      ),
      result(
        'PYG-010',
        'pass',
        'pylint is configured in .pylintrc (see PYG-012 about moving it)',
        '.pylintrc',
      ),
    ]);
    expect(views.pytest).toMatchObject({
      state: 'configured',
      path: 'pytest.ini',
    });
    expect(views.mypy).toMatchObject({
      state: 'configured',
      path: 'pyproject.toml',
    });
    expect(views.ruff).toMatchObject({
      state: 'configured',
      path: 'ruff.toml',
    });
    expect(views.black.state).toBe('not-configured');
    expect(views.isort).toMatchObject({
      state: 'configured',
      path: 'pyproject.toml',
    });
    expect(views.flake8).toMatchObject({
      state: 'configured',
      path: 'setup.cfg',
    });
    expect(views.pylint).toMatchObject({
      state: 'configured',
      path: '.pylintrc',
    });
    expect(views.coverage.state).toBe('not-reported');
    expect(views.preCommit.state).toBe('not-reported');
  });

  it('does not take "neither [tool.black] nor ruff" for black settings', () => {
    const views = toolViews([
      result(
        'PYG-007',
        'fail',
        'No formatter: pyproject.toml has neither [tool.black] nor ruff configuration',
        'pyproject.toml',
      ),
    ]);
    expect(views.black.state).toBe('not-configured');
    expect(views.ruff.state).toBe('not-configured');
  });

  it('says when PYG-007 reports black and cannot tell about ruff', () => {
    const views = toolViews([
      result(
        'PYG-007',
        'pass',
        'black is configured in [tool.black]',
        'pyproject.toml',
      ),
    ]);
    expect(views.black).toMatchObject({
      state: 'configured',
      path: 'pyproject.toml',
    });
    expect(views.ruff.state).toBe('not-reported');
  });

  it('takes files from the PYG-012 list of settings outside pyproject.toml', () => {
    expect(
      strayEntries(
        'Settings outside pyproject.toml: mypy.ini, tox.ini [coverage:run] and setup.cfg [tool:pytest]',
      ),
    ).toEqual([
      'mypy.ini',
      'tox.ini [coverage:run]',
      'setup.cfg [tool:pytest]',
    ]);
    const views = toolViews([
      result(
        'PYG-012',
        'fail',
        'Settings outside pyproject.toml: mypy.ini, tox.ini [coverage:run] and setup.cfg [tool:pytest]',
        'mypy.ini',
      ),
      result(
        'PYG-014',
        'fail',
        'pytest is not a dependency in pyproject.toml',
        'pyproject.toml',
      ),
      result(
        'PYG-011',
        'fail',
        'mypy is not configured: no [tool.mypy] in pyproject.toml',
        'pyproject.toml',
      ),
    ]);
    expect(views.coverage).toMatchObject({
      state: 'configured',
      path: 'tox.ini',
    });
    expect(views.pytest).toMatchObject({
      state: 'configured',
      path: 'setup.cfg',
    });
    expect(views.mypy).toMatchObject({ state: 'configured', path: 'mypy.ini' });
  });

  it('reads settings a failing check found in a legacy file', () => {
    const views = toolViews([
      result(
        'PYG-014',
        'fail',
        'pytest is configured in setup.cfg [tool:pytest]; the guidelines want it in pyproject.toml',
        'setup.cfg',
      ),
      result(
        'PYG-011',
        'fail',
        'mypy is configured in mypy.ini; the guidelines want it in pyproject.toml',
        'mypy.ini',
      ),
    ]);
    expect(views.pytest).toMatchObject({
      state: 'configured',
      path: 'setup.cfg',
    });
    expect(views.mypy).toMatchObject({ state: 'configured', path: 'mypy.ini' });
  });

  it('sees pre-commit only where a result points at its config', () => {
    expect(toolViews([]).preCommit.state).toBe('not-reported');
    const views = toolViews([
      result(
        'PYG-007',
        'pass',
        'black runs as a pre-commit hook (.pre-commit-config.yaml)',
        '.pre-commit-config.yaml',
      ),
    ]);
    expect(views.preCommit).toMatchObject({
      state: 'configured',
      path: '.pre-commit-config.yaml',
    });
    expect(views.black.state).toBe('not-configured');
  });

  it('marks a tool whose check was skipped as not seen', () => {
    const views = toolViews([
      result(
        'PYG-014',
        'skip',
        'Skipped because PYG-001 (fail) did not pass',
        undefined,
        ['PYG-001'],
      ),
    ]);
    expect(views.pytest.state).toBe('not-seen');
    expect(views.pytest.evidence).toContain('blocked by PYG-001');
    expect(views.mypy.state).toBe('not-seen');
  });
});

describe('engineView', () => {
  it('reads the console command and Dockerfile the classifier names', () => {
    const view = engineView(
      report([], {
        repositoryType: 'service',
        classification: classified({
          type: 'service',
          source: 'detected',
          reasons: ['service: docker/Dockerfile and the web framework fastapi'],
          closeCall: {
            alternative: 'utility',
            reason:
              'pyproject.toml also declares the console command start; set [tool.python-stewardship] type ...',
          },
        }),
      }),
    );
    expect(view.dockerfile).toBe('docker/Dockerfile');
    expect(view.consoleScript).toEqual({
      name: 'start',
      path: 'pyproject.toml',
    });
    expect(view.closeCall).toBe('utility');
  });

  it('knows a detected library has no console command, and says nothing for a declared type', () => {
    expect(engineView(report([])).consoleScript).toBeNull();
    expect(
      engineView(
        report([], {
          classification: classified({
            type: 'library',
            source: 'pyproject',
            reasons: [],
          }),
        }),
      ).consoleScript,
    ).toBeUndefined();
  });
});

describe('compareRepository and summarise', () => {
  it('agrees when the report matches the label', () => {
    const comparison = compareRepository(
      label({
        tools: {
          ...noTools,
          pytest: { config: 'pyproject.toml [tool.pytest.ini_options]' },
        },
      }),
      engineView(
        report([
          result(
            'PYG-014',
            'pass',
            'pytest is declared and configured in [tool.pytest.ini_options]',
            'pyproject.toml',
          ),
        ]),
      ),
    );
    expect(comparison.type.verdict).toBe('agree');
    expect(comparison.root.verdict).toBe('agree');
    expect(comparison.consoleScript.verdict).toBe('agree');
    expect(comparison.tools.find(t => t.tool === 'pytest')?.verdict).toBe(
      'agree',
    );
    expect(formatComparison(comparison)).toHaveLength(1);
  });

  it('lists each disagreement with what the engine said and what is right', () => {
    const comparison = compareRepository(
      label({
        type: 'utility',
        projectRoot: 'backend/',
        consoleScripts: ['tool'],
        consoleScriptsIn: 'setup.py',
        tools: { ...noTools, pytest: { config: 'pytest.ini [pytest]' } },
      }),
      engineView(
        report([
          result(
            'PYG-014',
            'skip',
            'Skipped because PYG-001 (fail) did not pass',
            undefined,
            ['PYG-001'],
          ),
        ]),
      ),
    );
    expect(comparison.type).toMatchObject({
      verdict: 'disagree',
      actual: 'library',
    });
    expect(comparison.typeOrCloseCall).toBe('disagree');
    expect(comparison.root.verdict).toBe('disagree');
    expect(comparison.consoleScript.verdict).toBe('disagree');
    const lines = formatComparison(comparison);
    expect(lines.join('\n')).toContain(
      'pytest: engine: not-seen; label: pytest.ini [pytest]',
    );
    expect(lines.join('\n')).toContain('root: engine: ""');
  });

  it('counts a close call naming the labelled type separately', () => {
    const view = engineView(
      report([], {
        repositoryType: 'utility',
        classification: classified({
          type: 'utility',
          source: 'detected',
          reasons: ['utility: console entry point httpx in pyproject.toml'],
          closeCall: {
            alternative: 'library',
            reason:
              'httpx/py.typed marks it as a typed importable library too; ...',
          },
        }),
      }),
    );
    const comparison = compareRepository(
      label({
        consoleScripts: ['httpx'],
        consoleScriptsIn: 'pyproject.toml',
        closeCall: 'utility',
      }),
      view,
    );
    expect(comparison.type.verdict).toBe('disagree');
    expect(comparison.typeOrCloseCall).toBe('agree');
    expect(comparison.consoleScript.verdict).toBe('agree');
    const totals = summarise([comparison]);
    expect(totals.type).toEqual({ agree: 0, compared: 1 });
    expect(totals.typeOrCloseCall).toEqual({ agree: 1, compared: 1 });
    expect(totals.configuredTools).toEqual({ agree: 0, compared: 0 });
    expect(totals.perTool.preCommit).toEqual({
      agree: 0,
      compared: 0,
      notCompared: 1,
    });
  });

  it('treats settings in another file than the labelled one as a disagreement', () => {
    const comparison = compareRepository(
      label({ tools: { ...noTools, mypy: { config: 'mypy.ini [mypy]' } } }),
      engineView(
        report([
          result(
            'PYG-011',
            'pass',
            'mypy is configured with python_version',
            'pyproject.toml',
          ),
        ]),
      ),
    );
    expect(comparison.tools.find(t => t.tool === 'mypy')).toMatchObject({
      verdict: 'disagree',
      expected: 'mypy.ini',
    });
    expect(configFile('backend/pyproject.toml [tool.ruff]')).toBe(
      'backend/pyproject.toml',
    );
  });
});
