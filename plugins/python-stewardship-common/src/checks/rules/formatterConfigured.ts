import { allDependencies, hasToolTable } from '../../parsers/pyprojectModel';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';
import { ruffConfig, usesRuff } from '../tooling';
import { preCommitHook } from '../toolSettings';

export const formatterConfigured = defineCheck({
  id: 'PYG-007',
  title: 'Formatter is configured',
  family: 'formatting-and-linting',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'An automatic formatter ends style debates in review and keeps diffs small. The guidelines use black; ruff format produces the same style and is an accepted equivalent, which the AI Gateway moved to.',
  fix: {
    summary:
      'Configure black (line length 120 as the guidelines suggest) or ruff in pyproject.toml.',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content: '[tool.black]\nline-length = 120\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'formatting-and-linting' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    if (hasToolTable(py.model, 'black')) {
      return pass(
        'black is configured in [tool.black]',
        locate(py.path, py.text, /^\[tool\.black\]/m),
      );
    }
    if (usesRuff(context, py.model)) {
      const config = ruffConfig(context, py.model);
      return pass(
        `ruff formats the code (${config?.path ?? 'ruff dependency'})`,
        { path: config?.path ?? py.path },
      );
    }
    const hook = preCommitHook(context, 'black');
    if (hook) {
      return pass(`black runs as a pre-commit hook (${hook.path})`, {
        path: hook.path,
      });
    }
    if (allDependencies(py.model).has('black')) {
      return pass('black is a dependency and runs with its default settings', {
        path: py.path,
      });
    }
    return fail(
      `No formatter: no [tool.black] in ${context.inProject(
        'pyproject.toml',
      )}, no ruff configuration, and no black or ruff dependency or pre-commit hook`,
      { path: py.path },
    );
  },
});
