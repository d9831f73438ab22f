import { allDependencies } from '../../parsers/pyprojectModel';
import {
  defineCheck,
  fail,
  locate,
  pass,
  unreadableDependenciesNote,
  usePyproject,
} from '../support';
import { pytestConfig } from '../tooling';

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
      return fail(
        `pytest is not a dependency in ${
          py.declaredIn
        }${unreadableDependenciesNote(py)}`,
        {
          path: py.path,
        },
      );
    }
    const config = pytestConfig(context, py.model);
    if (config?.inPyproject) {
      return pass(
        `pytest is declared and configured in ${config.section}`,
        locate(py.path, py.text, config.section),
      );
    }
    if (config) {
      const where =
        config.section === '[pytest]' && /pytest\.(ini|toml)$/.test(config.path)
          ? config.path
          : `${config.path} ${config.section}`;
      const text = context.text(config.path);
      return pass(
        `pytest is declared and configured in ${where}; the guidelines want it in pyproject.toml (see PYG-012)`,
        text.state === 'ok' && where !== config.path
          ? locate(config.path, text.value, config.section)
          : { path: config.path },
      );
    }
    return fail(
      'pytest is declared but not configured; add [tool.pytest.ini_options] with testpaths',
      { path: py.path },
    );
  },
});
