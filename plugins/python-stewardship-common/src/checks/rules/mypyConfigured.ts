import { hasToolTable } from '../../parsers/pyprojectModel';
import { getValue } from '../../parsers/tomlAccess';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';

export const mypyConfigured = defineCheck({
  id: 'PYG-011',
  title: 'mypy is configured',
  family: 'type-checking',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'Type checking catches wrong arguments and None handling before review does, and type hints document interfaces. Setting python_version makes mypy judge the code against the Python it runs on.',
  fix: {
    summary: "Add a [tool.mypy] section with the project's Python version.",
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[tool.mypy]\npython_version = "3.12"\nignore_missing_imports = true\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'type-checking' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    if (hasToolTable(py.model, 'mypy')) {
      const location = locate(py.path, py.text, /^\[tool\.mypy\]/m);
      return getValue(py.model.tool, 'mypy', 'python_version') !== undefined
        ? pass('mypy is configured with python_version', location)
        : fail(
            '[tool.mypy] does not set python_version, so mypy checks against whatever interpreter runs it',
            location,
          );
    }
    for (const file of ['mypy.ini', '.mypy.ini']) {
      if (context.exists(context.inProject(file))) {
        return pass(
          `mypy is configured in ${file} (see PYG-012 about moving it)`,
          { path: context.inProject(file) },
        );
      }
    }
    const setupCfg = context.ini(context.inProject('setup.cfg'));
    if (setupCfg.state === 'ok' && setupCfg.value.mypy) {
      return pass(
        'mypy is configured in setup.cfg (see PYG-012 about moving it)',
        { path: setupCfg.path },
      );
    }
    return fail(`mypy is not configured: no [tool.mypy] in ${py.path}`, {
      path: py.path,
    });
  },
});
