import {
  findToolSettings,
  guidelinesWantPyproject,
  toolSetting,
} from '../toolSettings';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';
import { ruffSelectedRules, ruffSelects, usesRuff } from '../tooling';

export const importSortingConfigured = defineCheck({
  id: 'PYG-008',
  title: 'Import sorting is configured',
  family: 'formatting-and-linting',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    "Sorted imports remove a whole category of merge conflicts. isort must use the black profile or the two tools rewrite each other's output; ruff's I rules do the same job.",
  fix: {
    summary: "Set isort to the black profile, or select ruff's I rules.",
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content: '[tool.isort]\nprofile = "black"\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'formatting-and-linting' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const isort = findToolSettings(context, py.model, 'isort');
    if (isort) {
      const profile = toolSetting(isort, 'profile');
      const text = context.text(isort.path);
      const location =
        text.state === 'ok' && isort.section
          ? locate(isort.path, text.value, isort.section.split(',')[0])
          : { path: isort.path };
      return profile === 'black'
        ? pass(
            `isort uses the black profile, ${
              isort.where
            }${guidelinesWantPyproject(isort)}`,
            location,
          )
        : fail(
            `${isort.path} ${isort.section} sets profile = ${
              typeof profile === 'string' ? `"${profile}"` : 'nothing'
            }; use profile = "black" so isort and black agree`,
            location,
          );
    }
    if (usesRuff(context, py.model)) {
      return ruffSelects(ruffSelectedRules(context, py.model), 'I')
        ? pass('ruff sorts imports (rule set I is selected)', { path: py.path })
        : fail(
            'ruff is configured but its I (isort) rules are not selected; add "I" to [tool.ruff.lint] select',
            locate(py.path, py.text, /^\[tool\.ruff/m),
          );
    }
    return fail(
      `No import sorting: neither isort nor ruff is configured (looked in .isort.cfg, pyproject.toml, setup.cfg and tox.ini)`,
      { path: py.path },
    );
  },
});
