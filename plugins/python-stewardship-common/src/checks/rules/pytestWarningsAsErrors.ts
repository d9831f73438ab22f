import { pytestConfig, pytestOption } from '../tooling';
import { defineCheck, fail, locate, pass, usePyproject } from '../support';

export const pytestWarningsAsErrors = defineCheck({
  id: 'PYG-044',
  title: 'pytest turns warnings into errors',
  family: 'testing',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: true,
  source: { kind: 'working-group', codebase: 'AI Gateway' },
  requires: ['PYG-014'],
  rationale:
    "Deprecation and user warnings announce tomorrow's breakage. Failing tests on them, as the AI Gateway does, forces the fix while it is small.",
  fix: {
    summary: "Add an error filter to pytest's filterwarnings.",
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[tool.pytest.ini_options]\nfilterwarnings = ["error::UserWarning"]\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'warnings-as-errors' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    // Wherever pytest reads its settings (pytest.ini, pyproject.toml, tox.ini, setup.cfg).
    const config = pytestConfig(context, py.model);
    const path = config?.path ?? py.path;
    const read = context.text(path);
    const text = read.state === 'ok' ? read.value : '';
    const filters = pytestOption(config, 'filterwarnings');
    const errorFilter = filters.find(filter =>
      filter.trim().startsWith('error'),
    );
    const section = config?.section ?? '[tool.pytest.ini_options]';
    const where = config && !config.inPyproject ? ` in ${path} ${section}` : '';
    return errorFilter
      ? pass(
          `filterwarnings has "${errorFilter}"${where}`,
          locate(path, text, 'filterwarnings'),
        )
      : fail(
          `${section} filterwarnings has no "error" entry${where}, so warnings pass silently`,
          locate(path, text, section),
        );
  },
});
