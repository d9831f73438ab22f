import { LintTool, lintToolUse } from '../tooling';
import {
  defineCheck,
  fail,
  listOf,
  pass,
  unreadableDependenciesNote,
  usePyproject,
} from '../support';

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
    // Declared as a dependency or run as a pre-commit hook: both pin the
    // version, so a laptop and CI report the same findings.
    const use = lintToolUse(context, py.model);
    const pinned = (tool: LintTool) => !!(use[tool].declared || use[tool].hook);
    const ruff = pinned('ruff');
    const roles: Array<[string, boolean]> = [
      ['a formatter (black or ruff)', pinned('black') || ruff],
      ['an import sorter (isort or ruff)', pinned('isort') || ruff],
      ['a style linter (flake8 or ruff)', pinned('flake8') || ruff],
      ['pylint (or ruff)', pinned('pylint') || ruff],
      ['mypy', pinned('mypy')],
    ];
    const hooks = (
      ['black', 'isort', 'flake8', 'pylint', 'mypy', 'ruff'] as const
    ).filter(tool => use[tool].hook && !use[tool].declared);
    const missing = roles
      .filter(([, present]) => !present)
      .map(([name]) => name);
    if (missing.length) {
      return fail(
        `${py.declaredIn} ${
          py.declaredInMany ? 'do' : 'does'
        } not declare ${listOf(missing)}, and no pre-commit hook runs ${
          missing.length === 1 ? 'it' : 'them'
        }${unreadableDependenciesNote(py)}`,
        {
          path: py.path,
        },
      );
    }
    return pass(
      `${
        ruff
          ? 'ruff and mypy are declared'
          : 'black, isort, flake8, pylint and mypy are declared'
      }${
        hooks.length
          ? ` (${listOf(hooks)} as pre-commit ${
              hooks.length === 1 ? 'hook' : 'hooks'
            })`
          : ''
      }`,
      { path: py.path },
    );
  },
});
