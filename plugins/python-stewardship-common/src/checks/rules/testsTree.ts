import { defineCheck, fail, pass } from '../support';

export const testsTree = defineCheck({
  id: 'PYG-016',
  title: 'Tests live in a tests/ tree',
  family: 'testing',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    'A top-level tests/ folder with conftest.py for shared fixtures and test_*.py files is what pytest discovers by default and what contributors expect.',
  fix: {
    summary:
      'Put tests under tests/ as test_<module>.py, with shared fixtures in tests/conftest.py.',
    snippet: {
      path: 'tests/conftest.py',
      language: 'text',
      content: 'import pytest\n\n\n@pytest.fixture\ndef settings():\n    ...\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'testing-with-pytest' },
  evaluate(context) {
    const paths = context.projectPaths();
    // What pytest would collect under the project's own settings, so a
    // test_utils.py module inside the package is not a misplaced test.
    const collected = context.testFiles();
    const testFiles = collected.filter(p => p.startsWith('tests/'));
    if (!testFiles.length) {
      // Name a real test module, not a fixture script pytest would also find.
      const elsewhere =
        collected.find(p => !/(^|\/)fixtures?\//.test(p)) ?? collected[0];
      return fail(
        elsewhere
          ? `Tests exist (${context.inProject(elsewhere)}) but not under tests/`
          : 'No test files that pytest would collect under tests/ (test_*.py or the python_files setting)',
        { path: context.inProject('tests') },
      );
    }
    // A conftest.py at the project root serves the tests just as well.
    const conftest = ['tests/conftest.py', 'conftest.py'].find(path =>
      paths.includes(path),
    );
    if (!conftest) {
      return fail(
        `${testFiles.length} test files but no tests/conftest.py for shared fixtures`,
        { path: context.inProject('tests/conftest.py') },
      );
    }
    return pass(
      `${testFiles.length} test files under tests/, fixtures in ${conftest}`,
      { path: context.inProject(conftest) },
    );
  },
});
