import { allDependencies } from '../../parsers/pyprojectModel';
import { defineCheck, fail, listOf, pass, usePyproject } from '../support';

export const lintToolsDeclared = defineCheck({
  id: 'PYG-013',
  title: 'Lint tools are declared as dependencies',
  family: 'formatting-and-linting',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'Declaring the lint tools in the lint group pins their versions in the lockfile, so a laptop and CI report the same findings.',
  fix: {
    summary:
      'Add the formatter, import sorter, linters and mypy to the lint group (ruff + mypy is enough).',
    snippet: {
      path: 'terminal',
      language: 'text',
      content:
        'poetry add --group lint black isort flake8 pylint mypy\n# or\npoetry add --group lint ruff mypy\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'formatting-and-linting' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const deps = allDependencies(py.model);
    const ruff = context.options.acceptRuff && deps.has('ruff');
    const roles: Array<[string, boolean]> = [
      ['a formatter (black or ruff)', deps.has('black') || ruff],
      ['an import sorter (isort or ruff)', deps.has('isort') || ruff],
      ['a style linter (flake8 or ruff)', deps.has('flake8') || ruff],
      ['pylint (or ruff)', deps.has('pylint') || ruff],
      ['mypy', deps.has('mypy')],
    ];
    const missing = roles
      .filter(([, present]) => !present)
      .map(([name]) => name);
    if (missing.length) {
      return fail(
        `${py.declaredIn} ${
          py.declaredInMany ? 'do' : 'does'
        } not declare ${listOf(missing)}`,
        {
          path: py.path,
        },
      );
    }
    return pass(
      ruff
        ? 'ruff and mypy are declared'
        : 'black, isort, flake8, pylint and mypy are declared',
      { path: py.path },
    );
  },
});
