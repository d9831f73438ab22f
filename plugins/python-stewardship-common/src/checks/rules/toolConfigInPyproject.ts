import { defineCheck, fail, listOf, pass, usePyproject } from '../support';

/** Stand-alone config files whose settings pyproject.toml can hold. */
const STRAY_FILES = [
  'mypy.ini',
  '.mypy.ini',
  '.pylintrc',
  'pylintrc',
  '.isort.cfg',
  'pytest.ini',
  '.pytest.ini',
  'pytest.toml',
  '.pytest.toml',
  '.coveragerc',
  'ruff.toml',
  '.ruff.toml',
];

/** setup.cfg / tox.ini sections that belong in pyproject.toml; flake8 is the exception. */
const STRAY_SECTION =
  /^(mypy(-.*)?|isort|tool:pytest|pytest|coverage:.*|pylint\..*|tool:isort)$/;

export const toolConfigInPyproject = defineCheck({
  id: 'PYG-012',
  title: 'Tool configuration lives in pyproject.toml',
  family: 'formatting-and-linting',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'With every tool configured in pyproject.toml, contributors look in one place. flake8 is the only exception because it cannot read pyproject.toml.',
  fix: {
    summary:
      'Move the settings into [tool.<name>] tables of pyproject.toml and delete the stand-alone files.',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[tool.mypy]\npython_version = "3.12"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    },
  },
  docs: {
    page: 'development-guidelines',
    anchor: 'tool-configuration-in-pyproject',
  },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const stray = STRAY_FILES.map(file => context.inProject(file)).filter(
      path => context.exists(path),
    );
    for (const file of ['setup.cfg', 'tox.ini']) {
      const ini = context.ini(context.inProject(file));
      if (ini.state === 'ok') {
        for (const section of Object.keys(ini.value).filter(name =>
          STRAY_SECTION.test(name),
        )) {
          stray.push(`${ini.path} [${section}]`);
        }
      }
    }
    if (stray.length) {
      const [first] = stray;
      return fail(`Settings outside pyproject.toml: ${listOf(stray)}`, {
        path: first.split(' ')[0],
      });
    }
    return pass(
      py.hasPyproject
        ? 'All tool settings except flake8 are in pyproject.toml'
        : 'No tool settings outside pyproject.toml, which does not exist yet (see PYG-001)',
      { path: py.path },
    );
  },
});
