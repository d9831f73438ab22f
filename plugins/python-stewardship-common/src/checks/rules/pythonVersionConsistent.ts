import { compareMinor, formatMinor } from '../../parsers/pythonVersion';
import { pythonVersionSources } from '../pythonVersionSources';
import {
  defineCheck,
  fail,
  pass,
  unreadableNote,
  usePyproject,
} from '../support';

export const pythonVersionConsistent = defineCheck({
  id: 'PYG-005',
  title: 'Python version is pinned consistently',
  family: 'python-version',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: true,
  source: { kind: 'working-group', codebase: 'AI Gateway' },
  requires: ['PYG-001'],
  rationale:
    'When pyproject.toml, the local interpreter pin, the CI image and the Docker base image name different Python minors, code passes in one place and breaks in another. One minor everywhere avoids that class of surprise.',
  fix: {
    summary:
      'Pin one minor in .tool-versions (asdf/mise) and use the same minor in requires-python, CI images and the Dockerfile.',
    snippet: {
      path: '.tool-versions',
      language: 'text',
      content: 'python 3.12.8\npoetry 2.1.2\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'python-version' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    if (!py.model.pythonConstraint) {
      return fail(
        `${py.declaredIn} ${
          py.declaredInMany ? 'do' : 'does'
        } not state which Python it supports (requires-python, python_requires or the poetry python dependency)${unreadableNote(
          py,
          'python_requires',
        )}`,
        { path: py.path },
      );
    }
    const sources = pythonVersionSources(context, py.model, py.path, py.text);
    const reference = sources[0];
    if (!reference) {
      return fail(
        `Cannot read a lower bound from python "${py.model.pythonConstraint}" in ${py.path}`,
        { path: py.path },
      );
    }
    const different = sources.find(
      source => compareMinor(source.version, reference.version) !== 0,
    );
    if (different) {
      return fail(
        `${different.label} says ${formatMinor(different.version)} but ${
          reference.label
        } says ${formatMinor(reference.version)}`,
        different.location,
      );
    }
    if (!sources.some(source => source.pins)) {
      return fail(
        `Only ${py.path} names a Python version; pin the interpreter in .tool-versions, .python-version or the CI image`,
        reference.location,
      );
    }
    return pass(
      `Python ${formatMinor(reference.version)} in all ${
        sources.length
      } places that name a version`,
      reference.location,
    );
  },
});
