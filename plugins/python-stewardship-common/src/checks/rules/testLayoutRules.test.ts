import { createMemorySnapshot } from '../../snapshot/createMemorySnapshot';
import { evaluateRepository } from '../../engine/evaluateRepository';

function run(files: Record<string, string>) {
  const report = evaluateRepository(
    createMemorySnapshot({
      'pyproject.toml': '[project]\nname = "x"\n',
      ...files,
    }),
    {
      select: ['PYG-016', 'PYG-017'],
    },
  );
  return Object.fromEntries(
    report.results.map(r => [r.id, { status: r.status, message: r.message }]),
  );
}

describe('test layout rules (PYG-016, PYG-017)', () => {
  it('accepts a conftest.py at the project root, as the AI Gateway has', () => {
    expect(
      run({
        'conftest.py': '',
        'app/core.py': '',
        'tests/app/test_core.py': '',
      })['PYG-016'],
    ).toEqual({
      status: 'pass',
      message: '1 test files under tests/, fixtures in conftest.py',
    });
  });

  it('accepts mirrors with or without the top-level package folder, and src layouts', () => {
    const result = run({
      'tests/conftest.py': '',
      'ai_gateway/api/server.py': '',
      'src/lib_pkg/parse.py': '',
      'tests/api/test_server.py': '',
      'tests/ai_gateway/api/test_server.py': '',
      'tests/lib_pkg/test_parse.py': '',
      'tests/integration/test_end_to_end.py': '',
    });
    expect(result['PYG-017']).toEqual({
      status: 'pass',
      message: 'All 3 unit test files mirror a source module',
    });
  });

  it('names the test files that mirror nothing', () => {
    const result = run({
      'tests/conftest.py': '',
      'app/server.py': '',
      'tests/api/v1/test_v1_server.py': '',
    });
    expect(result['PYG-017']).toEqual({
      status: 'fail',
      message:
        '1 of 1 unit test files have no module at the mirrored path, e.g. tests/api/v1/test_v1_server.py',
    });
  });

  it('skips the mirror rule when only integration tests exist', () => {
    expect(
      run({ 'tests/conftest.py': '', 'tests/integration/test_api.py': '' })[
        'PYG-017'
      ].status,
    ).toBe('skip');
  });
});

describe('README rule (PYG-047)', () => {
  const readme = (text: string) =>
    evaluateRepository(createMemorySnapshot({ 'README.md': text }), {
      select: ['PYG-047'],
    }).results[0];

  it('accepts a Testing section that links to a testing guide', () => {
    expect(
      readme(
        '# Svc\n\n`poetry install`\n\n## Testing\n\nSee [test doc](docs/tests.md).\n',
      ).status,
    ).toBe('pass');
  });

  it('says what is missing', () => {
    expect(readme('# Svc\n\nA service.\n')).toMatchObject({
      status: 'fail',
      message:
        'README.md does not explain how to install or how to run the tests',
    });
  });
});

describe('test layout rules: what pytest collects', () => {
  it('mirrors through a tests/unit/ layer and test_-prefixed folders, and leaves integration_tests alone', () => {
    const result = run({
      'tests/conftest.py': '',
      'gitlab/config.py': '',
      'app/api/routes/articles.py': '',
      'tests/unit/test_config.py': '',
      'tests/test_api/test_routes/test_articles.py': '',
      'tests/integration_tests/test_flow.py': '',
    });
    expect(result['PYG-017']).toEqual({
      status: 'pass',
      message: 'All 2 unit test files mirror a source module',
    });
  });

  it('follows python_files and testpaths, and names a real test rather than a fixture', () => {
    const result = run({
      'pyproject.toml':
        '[project]\nname = "x"\n[tool.pytest.ini_options]\ntestpaths = ["src/x/tests"]\n',
      'src/x/tests/fixtures/test_data.py': '',
      'src/x/tests/test_core.py': '',
      'src/x/test_helpers.py': '',
    });
    expect(result['PYG-016']).toEqual({
      status: 'fail',
      message: 'Tests exist (src/x/tests/test_core.py) but not under tests/',
    });
  });
});

describe('test layout rules: namespace packages', () => {
  it('mirrors below the first folder with an __init__.py (poetry/core/)', () => {
    const result = run({
      'tests/conftest.py': '',
      'src/poetry/core/__init__.py': '',
      'src/poetry/core/constraints/generic/constraint.py': '',
      'tests/constraints/generic/test_constraint.py': '',
    });
    expect(result['PYG-017']).toEqual({
      status: 'pass',
      message: 'All 1 unit test files mirror a source module',
    });
  });
});
