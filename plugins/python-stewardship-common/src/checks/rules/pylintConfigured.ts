import { findToolSettings, guidelinesWantPyproject } from '../toolSettings';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';
import { ruffSelectedRules, ruffSelects, usesRuff } from '../tooling';

export const pylintConfigured = defineCheck({
  id: 'PYG-010',
  title: 'pylint is configured',
  family: 'formatting-and-linting',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    "pylint finds likely bugs and quality problems that style linters miss, and it runs project-specific checkers. Configuring it in pyproject.toml (jobs = 0, no score) keeps runs fast and quiet. ruff's PL rules port most of it.",
  fix: {
    summary:
      "Add [tool.pylint] sections to pyproject.toml, or select ruff's PL rules.",
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[tool.pylint.main]\njobs = 0\n\n[tool.pylint.reports]\nscore = "no"\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'formatting-and-linting' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const pylint = findToolSettings(context, py.model, 'pylint');
    if (pylint?.inPyproject) {
      return pass(
        'pylint is configured in [tool.pylint]',
        locate(py.path, py.text, /^\[tool\.pylint/m),
      );
    }
    if (pylint) {
      return pass(
        `pylint is ${pylint.where}${guidelinesWantPyproject(pylint)}`,
        {
          path: pylint.path,
        },
      );
    }
    if (
      usesRuff(context, py.model) &&
      ruffSelects(ruffSelectedRules(context, py.model), 'PL')
    ) {
      return pass("ruff's PL rules stand in for pylint", { path: py.path });
    }
    return fail(
      `pylint is not configured (no [tool.pylint] in ${context.inProject(
        'pyproject.toml',
      )}, no pylintrc, .pylintrc or [pylint.*] in setup.cfg or tox.ini) and ruff does not select PL rules`,
      { path: py.path },
    );
  },
});
