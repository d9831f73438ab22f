import {
  defineCheck,
  fail,
  listOf,
  locate,
  pass,
  usePyproject,
} from '../support';
import { detectPackageManagers } from '../tooling';

export const approvedPackageManager = defineCheck({
  id: 'PYG-002',
  title: 'An approved package manager builds the project',
  family: 'packaging',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'One package manager across repositories means one way to install, lock and publish. The guidelines choose Poetry; an organisation can allow others in its options.',
  fix: {
    summary:
      'Declare the build backend of an allowed package manager (Poetry by default).',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[build-system]\nrequires = ["poetry-core>=2.0"]\nbuild-backend = "poetry.core.masonry.api"\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'packaging-with-poetry' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const allowed = context.options.allowedPackageManagers;
    const detected = detectPackageManagers(context, py.model);
    const approved = detected.find(d => allowed.includes(d.manager));
    if (approved) {
      return pass(`Uses ${approved.manager} (${approved.evidence})`, {
        path: py.path,
      });
    }
    if (!detected.length) {
      return fail(
        `${py.path} declares no build system; add a [build-system] for ${listOf(
          allowed,
        )}`,
        { path: py.path },
      );
    }
    return fail(
      `Uses ${listOf(
        detected.map(d => `${d.manager} (${d.evidence})`),
      )}; allowed: ${listOf(allowed)}`,
      locate(py.path, py.text, /^\[build-system\]/m),
    );
  },
});
