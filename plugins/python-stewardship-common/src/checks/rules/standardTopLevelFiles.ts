import { defineCheck, fail, listOf, pass } from '../support';

const EXPECTED: Array<{ name: string; pattern: RegExp }> = [
  { name: 'README.md', pattern: /^README(\.(md|rst|txt))?$/i },
  { name: 'CONTRIBUTING.md', pattern: /^CONTRIBUTING(\.(md|rst|txt))?$/i },
  { name: 'LICENSE', pattern: /^(LICEN[SC]E|COPYING)(\.(md|txt))?$/i },
  { name: 'docs/', pattern: /^docs\/.+/ },
];

export const standardTopLevelFiles = defineCheck({
  id: 'PYG-018',
  title: 'Standard top-level files are present',
  family: 'documentation',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    "A README, a contributing guide, a licence and a docs/ folder answer a newcomer's first questions (what is this, how do I help, may I use it, where is the rest) without asking anyone.",
  fix: {
    summary: 'Add the missing files at the repository root.',
    snippet: {
      path: 'CONTRIBUTING.md',
      language: 'markdown',
      content:
        '# Contributing\n\n1. `poetry install --with test,lint`\n2. `make lint test`\n3. Open a merge request; a reviewer is assigned by reviewer roulette.\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'project-layout' },
  evaluate(context) {
    const roots = [...new Set(['', context.projectRoot])];
    const missing = EXPECTED.filter(
      ({ pattern }) =>
        !roots.some(root =>
          context.paths.some(
            path =>
              path.startsWith(root) && pattern.test(path.slice(root.length)),
          ),
        ),
    ).map(({ name }) => name);
    if (missing.length) {
      return fail(`Missing ${listOf(missing)}`, { path: missing[0] });
    }
    return pass('README, CONTRIBUTING, LICENSE and docs/ are present');
  },
});
