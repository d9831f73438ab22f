import { defineCheck, fail, pass } from '../support';

const INSTALL =
  /poetry install|uv sync|pip install|pdm install|make install|hatch env/i;
/** A test command, a "Testing" heading, or a link to a testing guide. */
const TEST =
  /pytest|make test|poetry run test|tox\b|nox\b|^#{1,6}\s.*\btest|\]\([^)]*test[^)]*\)/im;

export const readmeExplainsSetup = defineCheck({
  id: 'PYG-047',
  title: 'README explains setup and testing',
  family: 'documentation',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: true,
  source: { kind: 'portal-default' },
  requires: [],
  rationale:
    'The guidelines want repositories that one-off contributors can work in. That starts with the README saying how to install the project and run its tests.',
  fix: {
    summary:
      'Add a Development section to README.md with the install and test commands.',
    snippet: {
      path: 'README.md',
      language: 'markdown',
      content:
        '## Development\n\n```shell\npoetry install --with test,lint\npoetry run pytest\n```\n',
    },
  },
  docs: {
    page: 'creating-a-codebase',
    anchor: 'readme-and-contributing-guide',
  },
  evaluate(context) {
    const candidates = [
      context.inProject('README.md'),
      'README.md',
      context.inProject('README.rst'),
      'README.rst',
    ];
    const path = candidates.find(candidate => context.exists(candidate));
    if (!path) {
      return fail('No README.md to explain setup and testing', {
        path: 'README.md',
      });
    }
    const read = context.text(path);
    if (read.state !== 'ok') {
      return {
        status: 'error',
        message: read.state === 'error' ? read.message : `${path} is missing`,
        location: { path },
      };
    }
    const missing = [
      !INSTALL.test(read.value) && 'how to install',
      !TEST.test(read.value) && 'how to run the tests',
    ].filter(Boolean);
    if (missing.length) {
      return fail(`${path} does not explain ${missing.join(' or ')}`, { path });
    }
    return pass(`${path} explains installation and testing`, { path });
  },
});
