import {
  findToolSettings,
  guidelinesWantPyproject,
  toolSetting,
} from '../toolSettings';
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
    // mypy's own search order: mypy.ini, .mypy.ini, pyproject.toml, setup.cfg.
    const mypy = findToolSettings(context, py.model, 'mypy');
    if (mypy?.inPyproject) {
      const location = locate(py.path, py.text, /^\[tool\.mypy\]/m);
      return toolSetting(mypy, 'python_version') !== undefined
        ? pass('mypy is configured with python_version', location)
        : fail(
            '[tool.mypy] does not set python_version, so mypy checks against whatever interpreter runs it',
            location,
          );
    }
    if (mypy) {
      const text = context.text(mypy.path);
      const location =
        text.state === 'ok'
          ? locate(mypy.path, text.value, '[mypy]')
          : { path: mypy.path };
      return toolSetting(mypy, 'python_version') !== undefined
        ? pass(
            `mypy is ${mypy.where} with python_version${guidelinesWantPyproject(
              mypy,
            )}`,
            location,
          )
        : fail(
            `mypy is ${mypy.where} without python_version, so it checks against whatever interpreter runs it`,
            location,
          );
    }
    return fail(
      `mypy is not configured: no [tool.mypy] in ${context.inProject(
        'pyproject.toml',
      )}, no mypy.ini, .mypy.ini or setup.cfg [mypy]`,
      { path: py.path },
    );
  },
});
