import { allDependencies, hasToolTable } from '../../parsers/pyprojectModel';
import { getTable } from '../../parsers/tomlAccess';
import { lineOf } from '../../parsers/lineOf';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';
import {
  blackLineLength,
  lintToolUse,
  ruffLineLength,
  ruffSelectedRules,
  ruffSelects,
  usesRuff,
} from '../tooling';

const FLAKE8_FILES = ['setup.cfg', '.flake8', 'tox.ini'];

export const styleLinterAgreesWithFormatter = defineCheck({
  id: 'PYG-009',
  title: 'Style linter agrees with the formatter',
  family: 'formatting-and-linting',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    "flake8 catches style errors black does not fix, but it complains about black's output unless its line length matches and E203 is ignored. flake8 cannot read pyproject.toml, so its settings live in setup.cfg. ruff's E and F rules cover the same ground.",
  fix: {
    summary:
      "Configure flake8 in setup.cfg with the formatter's line length and E203 ignored, or use ruff.",
    snippet: {
      path: 'setup.cfg',
      language: 'ini',
      content:
        '[flake8]\nmax-line-length = 120\nextend-ignore = E203,E501\nextend-exclude = **/__init__.py,.venv,tests\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'formatting-and-linting' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    // flake8 reads pyproject.toml only through the Flake8-pyproject (or
    // pyproject-flake8) plugin, after its own files.
    const deps = allDependencies(py.model);
    const pyprojectPlugin =
      (deps.has('flake8-pyproject') || deps.has('pyproject-flake8')) &&
      getTable(py.model.tool, 'flake8');
    const candidates: Array<{
      path: string;
      section: Record<string, unknown> | undefined;
      line?: number;
      error?: string;
    }> = FLAKE8_FILES.map(file => {
      const path = context.inProject(file);
      const ini = context.ini(path);
      if (ini.state === 'error')
        return { path, section: undefined, error: ini.message };
      return ini.state === 'ok'
        ? {
            path,
            section: ini.value.flake8,
            line: lineOf(ini.text, /^\[flake8\]/m),
          }
        : { path, section: undefined };
    });
    if (pyprojectPlugin) {
      candidates.push({
        path: py.path,
        section: pyprojectPlugin,
        line: lineOf(py.text, /^\[tool\.flake8\]/m),
      });
    }
    for (const { path, section, line, error } of candidates) {
      if (error) {
        return { status: 'error', message: error, location: { path } };
      }
      if (!section) continue;
      const location = { path, line };
      // The formatter flake8 has to agree with: black, else ruff format.
      const use = lintToolUse(context, py.model);
      let formatter: { name: string; lineLength: number } | undefined;
      if (Object.keys(use.black).length) {
        formatter = { name: 'black', lineLength: blackLineLength(py.model) };
      } else if (Object.keys(use.ruff).length) {
        formatter = {
          name: 'ruff format',
          lineLength: ruffLineLength(context, py.model),
        };
      }
      if (!formatter) {
        return pass(
          `flake8 is configured in ${path}; there is no formatter for it to disagree with (see PYG-007)`,
          location,
        );
      }
      const lineLength = Number(section['max-line-length'] ?? 79);
      const ignored = [section['extend-ignore'], section.ignore]
        .flat()
        .filter(value => value !== undefined)
        .join(',');
      // With E501 ignored flake8 never judges line length.
      const checksLength = !/\bE501\b/.test(ignored);
      if (checksLength && lineLength !== formatter.lineLength) {
        return fail(
          `flake8 max-line-length is ${lineLength} but ${formatter.name} formats to ${formatter.lineLength}`,
          location,
        );
      }
      if (!/\bE203\b/.test(ignored)) {
        return fail(
          `flake8 does not ignore E203, which flags ${formatter.name}'s slice formatting`,
          location,
        );
      }
      return pass(
        `flake8 in ${path} matches ${formatter.name} (${
          checksLength
            ? `line length ${formatter.lineLength}`
            : 'E501 ignored, so line lengths cannot clash'
        }, E203 ignored)`,
        location,
      );
    }
    if (usesRuff(context, py.model)) {
      const rules = ruffSelectedRules(context, py.model);
      const missing = ['E', 'F'].filter(prefix => !ruffSelects(rules, prefix));
      return missing.length
        ? fail(
            `ruff does not select ${missing.join(
              ' or ',
            )} rules (pycodestyle/pyflakes)`,
            locate(py.path, py.text, /select\s*=/),
          )
        : pass('ruff lints with pycodestyle (E) and pyflakes (F) rules', {
            path: py.path,
          });
    }
    if (hasToolTable(py.model, 'flake8')) {
      return fail(
        'flake8 does not read [tool.flake8] from pyproject.toml; move it to setup.cfg [flake8]',
        locate(py.path, py.text, /^\[tool\.flake8\]/m),
      );
    }
    return fail(
      'No style linter: no [flake8] section in setup.cfg, .flake8 or tox.ini, and no ruff',
      { path: context.inProject('setup.cfg') },
    );
  },
});
