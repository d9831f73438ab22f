import { allDependencies } from '../../parsers/pyprojectModel';
import { getTable } from '../../parsers/tomlAccess';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';

export const pytestIsTestFramework = defineCheck({
  id: 'PYG-014',
  title: 'pytest is the test framework',
  family: 'testing',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'pytest is the shared test framework, so fixtures, plugins and review habits carry over between repositories. Its settings in pyproject.toml make `pytest` behave the same for everyone.',
  fix: {
    summary:
      'Add pytest to the test group and configure it in [tool.pytest.ini_options].',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content: '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'testing-with-pytest' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    if (!allDependencies(py.model).has('pytest')) {
      return fail(`pytest is not a dependency in ${py.path}`, {
        path: py.path,
      });
    }
    if (getTable(py.model.tool, 'pytest', 'ini_options')) {
      return pass(
        'pytest is declared and configured in [tool.pytest.ini_options]',
        locate(py.path, py.text, /^\[tool\.pytest\.ini_options\]/m),
      );
    }
    const pytestIni = context.inProject('pytest.ini');
    if (context.exists(pytestIni)) {
      return pass(
        'pytest is declared and configured in pytest.ini (see PYG-012 about moving it)',
        { path: pytestIni },
      );
    }
    return fail(
      'pytest is declared but not configured; add [tool.pytest.ini_options] with testpaths',
      { path: py.path },
    );
  },
});
