import {
  compareMinor,
  formatMinor,
  lowestAllowedMinor,
  parseMinor,
} from '../../parsers/pythonVersion';
import {
  defineCheck,
  fail,
  locate,
  pass,
  unreadableNote,
  usePyproject,
} from '../support';

export const supportedPythonVersion = defineCheck({
  id: 'PYG-006',
  title: 'A supported Python version is targeted',
  family: 'python-version',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: true,
  source: { kind: 'portal-default' },
  requires: ['PYG-001'],
  rationale:
    'Old Python minors lose security fixes and hold back dependencies. The guide sets no version policy (its examples use 3.12 and 3.13); 3.12 is the portal default minimum, and the minimum is an organisation option.',
  fix: {
    summary:
      'Raise the lower bound of requires-python (and the pinned interpreter) to the minimum supported minor.',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content: '[project]\nrequires-python = ">=3.12,<3.13"\n',
    },
  },
  docs: {
    page: 'python-for-non-python-developers',
    anchor: 'choosing-a-python-version',
  },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const constraint = py.model.pythonConstraint;
    const minimum = parseMinor(context.options.minimumPythonVersion)!;
    if (!constraint) {
      return fail(
        `${py.declaredIn} ${
          py.declaredInMany ? 'do' : 'does'
        } not state a Python version, so nothing stops installs on unsupported ones${unreadableNote(
          py,
          'python_requires',
        )}`,
        { path: py.path },
      );
    }
    const lowest = lowestAllowedMinor(constraint);
    const declared = py.packaging.pythonConstraint;
    const declaredText = declared ? context.text(declared.path) : undefined;
    const location =
      declared && declaredText?.state === 'ok'
        ? locate(declared.path, declaredText.value, constraint)
        : locate(py.path, py.text, constraint);
    if (!lowest) {
      return fail(
        `python "${constraint}" has no lower bound; start it at ${formatMinor(
          minimum,
        )}`,
        location,
      );
    }
    if (compareMinor(lowest, minimum) < 0) {
      return fail(
        `python "${constraint}" allows ${formatMinor(
          lowest,
        )}; the minimum supported is ${formatMinor(minimum)}`,
        location,
      );
    }
    return pass(`Targets Python ${formatMinor(lowest)} or newer`, location);
  },
});
