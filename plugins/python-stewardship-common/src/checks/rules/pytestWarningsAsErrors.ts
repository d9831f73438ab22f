import { getStrings } from '../../parsers/tomlAccess';
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
    const filters = getStrings(
      py.model.tool,
      'pytest',
      'ini_options',
      'filterwarnings',
    );
    const errorFilter = filters.find(filter =>
      filter.trim().startsWith('error'),
    );
    return errorFilter
      ? pass(
          `filterwarnings has "${errorFilter}"`,
          locate(py.path, py.text, 'filterwarnings'),
        )
      : fail(
          '[tool.pytest.ini_options] filterwarnings has no "error" entry, so warnings pass silently',
          locate(py.path, py.text, /^\[tool\.pytest\.ini_options\]/m),
        );
  },
});
