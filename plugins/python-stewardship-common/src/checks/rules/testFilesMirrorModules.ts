import { defineCheck, fail, listOf, pass, skip } from '../support';

/** Test folders that exercise the system as a whole, not one module. */
const NOT_MIRRORED =
  /^tests\/(\w*[_-])?(integration|e2e|functional|acceptance|system|smoke|load|performance|fixtures?|multitenant|end_to_end)([_-]\w*)?\//;

/** A first folder that only sorts unit tests from the others (`tests/unit/`). */
const UNIT_LAYER = /^(unit|unit_tests|unittests|unit-tests)\//;

/**
 * The paths a test tree may mirror for each source module: its full path,
 * and the path inside its top-level package (`my_pkg/core/x.py` is mirrored
 * by `tests/my_pkg/core/test_x.py` or `tests/core/test_x.py`, the
 * AI Gateway's layout), with `src/` layouts treated the same way.
 */
function mirrorTargets(
  paths: readonly string[],
  tests: ReadonlySet<string>,
): Set<string> {
  const targets = new Set<string>();
  // Folders with an __init__.py, `a/b/`.
  const packages = new Set<string>();
  for (const path of paths) {
    if (path.endsWith('__init__.py')) {
      packages.add(path.slice(0, path.length - '__init__.py'.length));
    }
  }
  for (const source of paths) {
    if (
      !source.endsWith('.py') ||
      source.startsWith('tests/') ||
      tests.has(source)
    ) {
      continue;
    }
    const withoutSrc = source.startsWith('src/') ? source.slice(4) : source;
    targets.add(withoutSrc);
    const slash = withoutSrc.indexOf('/');
    if (slash > 0) {
      targets.add(withoutSrc.slice(slash + 1));
      // A namespace package (src/poetry/ without __init__.py): the import
      // package starts at the first folder that has one (poetry/core/).
      const prefix = source.length - withoutSrc.length;
      if (!packages.has(source.slice(0, prefix + slash + 1))) {
        let at = slash;
        while (at > 0 && !packages.has(source.slice(0, prefix + at + 1))) {
          at = withoutSrc.indexOf('/', at + 1);
        }
        if (at > 0) targets.add(withoutSrc.slice(at + 1));
      }
    }
  }
  return targets;
}

export const testFilesMirrorModules = defineCheck({
  id: 'PYG-017',
  title: 'Test files mirror source modules',
  family: 'testing',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-016'],
  rationale:
    'When tests/foo/bar/test_baz.py tests foo/bar/baz.py, finding the tests for a change is mechanical, and a missing test file is obvious in review.',
  fix: {
    summary:
      'Name unit test files after the module they test, at the same relative path under tests/ (the top-level package folder may be left out). Integration tests may live in tests/integration/.',
    snippet: {
      path: 'layout',
      language: 'text',
      content:
        'my_package/core/parser.py\ntests/my_package/core/test_parser.py\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'testing-with-pytest' },
  evaluate(context) {
    const paths = context.projectPaths();
    const collected = new Set(context.testFiles());
    const sources = mirrorTargets(paths, collected);
    const unitTests = [...collected].filter(
      p => p.startsWith('tests/') && !NOT_MIRRORED.test(p),
    );
    if (!unitTests.length) {
      return skip(
        'All tests are integration-style tests, which need not mirror modules',
      );
    }
    const orphans = unitTests.filter(test => {
      // tests/a/b/test_c.py (or c_test.py) -> a/b/c.py; a tests/unit/ layer
      // and test_-prefixed folders (tests/test_api/) mirror without them.
      const slash = test.lastIndexOf('/');
      const file = test.slice(slash + 1);
      let module = file.startsWith('test_') ? file.slice(5) : file;
      if (module.endsWith('_test.py')) module = `${module.slice(0, -8)}.py`;
      const folder = test.slice('tests/'.length, slash + 1);
      if (sources.has(`${folder}${module}`)) return false;
      const withoutLayer = folder.replace(UNIT_LAYER, '');
      if (sources.has(`${withoutLayer}${module}`)) return false;
      // The remaining candidates differ only where a folder is test_-prefixed.
      if (!folder.includes('test_')) return true;
      return ![
        `${folder.replace(/(^|\/)test_/g, '$1')}${module}`,
        `${withoutLayer.replace(/(^|\/)test_/g, '$1')}${module}`,
      ].some(candidate => sources.has(candidate));
    });
    if (orphans.length) {
      const shown = orphans.slice(0, 3).map(p => context.inProject(p));
      return fail(
        `${orphans.length} of ${
          unitTests.length
        } unit test files have no module at the mirrored path, e.g. ${listOf(
          shown,
        )}`,
        { path: shown[0] },
      );
    }
    return pass(
      `All ${unitTests.length} unit test files mirror a source module`,
    );
  },
});
