import { ignoredProbes } from '../ignoresAll';
import { defineCheck, fail, listOf, pass } from '../support';

const MUST_IGNORE: Array<{ label: string; probe: string }> = [
  { label: '.venv/', probe: '.venv/bin/python' },
  { label: '__pycache__/', probe: 'pkg/__pycache__/module.cpython-312.pyc' },
  { label: '.env', probe: '.env' },
];

export const gitignoreLocalFiles = defineCheck({
  id: 'PYG-046',
  title: '.gitignore keeps local environments and secrets out',
  family: 'security',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: true,
  source: { kind: 'portal-default' },
  requires: [],
  rationale:
    'The in-project virtualenv, bytecode caches and .env files are personal and sometimes secret; ignoring them stops accidental commits.',
  fix: {
    summary: 'Ignore .venv/, __pycache__/ and .env in .gitignore.',
    snippet: {
      path: '.gitignore',
      language: 'text',
      content:
        '.venv/\n__pycache__/\n*.py[cod]\n.env\n.coverage\ncoverage.xml\njunit.xml\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'ignoring-local-files' },
  evaluate(context) {
    const texts: string[] = [];
    const found: string[] = [];
    for (const path of new Set([
      '.gitignore',
      context.inProject('.gitignore'),
    ])) {
      const read = context.text(path);
      if (read.state === 'error') {
        return { status: 'error', message: read.message, location: { path } };
      }
      if (read.state === 'ok') {
        texts.push(read.value);
        found.push(path);
      }
    }
    if (!found.length) {
      return fail('No .gitignore', { path: '.gitignore' });
    }
    const ignored = ignoredProbes(
      texts,
      MUST_IGNORE.map(({ probe }) => probe),
    );
    const missing = MUST_IGNORE.filter(({ probe }) => !ignored.has(probe)).map(
      ({ label }) => label,
    );
    if (missing.length) {
      return fail(`${found[0]} does not ignore ${listOf(missing)}`, {
        path: found[0],
      });
    }
    return pass(`${listOf(found)} ignores .venv/, __pycache__/ and .env`, {
      path: found[0],
    });
  },
});
