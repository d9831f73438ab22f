import { findPyTyped } from '../../engine/projectFacts';
import { defineCheck, fail, pass } from '../support';

export const libraryShipsPyTyped = defineCheck({
  id: 'PYG-043',
  title: 'Library ships a py.typed marker',
  family: 'type-checking',
  appliesTo: ['library'],
  weight: 1,
  advisory: true,
  source: { kind: 'portal-default' },
  requires: [],
  rationale:
    "Without py.typed, mypy ignores a library's type hints in the projects that use it, so the effort spent typing the library does not reach its users (PEP 561).",
  fix: {
    summary: "Add an empty py.typed file next to the package's __init__.py.",
    snippet: { path: 'my_package/py.typed', language: 'text', content: '' },
  },
  docs: { page: 'development-guidelines', anchor: 'type-markers-in-libraries' },
  evaluate(context) {
    const marker = findPyTyped(context.projectPaths());
    return marker
      ? pass(`${context.inProject(marker)} marks the package as typed`, {
          path: context.inProject(marker),
        })
      : fail('No py.typed marker in the package', {
          path: context.inProject('py.typed'),
        });
  },
});
