import { defineCheck, fail, listOf, notUsable, pass } from '../support';

const REQUIRED_TARGETS = ['format', 'lint', 'test'];

export const makefileTargets = defineCheck({
  id: 'PYG-024',
  title: 'Makefile offers the standard targets',
  family: 'continuous-integration',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    "The same `make format`, `make lint` and `make test` in every repository means nobody has to learn a project's commands, and CI can call exactly what developers run.",
  fix: {
    summary:
      'Add a Makefile with format, lint and test targets (test-coverage is recommended too).',
    snippet: {
      path: 'Makefile',
      language: 'makefile',
      content:
        '.PHONY: format lint test test-coverage\n\nformat:\n\tpoetry run ruff format .\n\tpoetry run ruff check --fix .\n\nlint:\n\tpoetry run ruff check .\n\tpoetry run ruff format --check .\n\tpoetry run mypy .\n\ntest:\n\tpoetry run pytest\n\ntest-coverage:\n\tpoetry run pytest --cov --cov-report term --cov-report html\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'task-runner-targets' },
  evaluate(context) {
    const makefile = context.makefile();
    if (makefile.state !== 'ok') {
      return notUsable(
        makefile,
        'it gives every repository the same format, lint and test commands',
      );
    }
    const missing = REQUIRED_TARGETS.filter(
      target => !makefile.value.has(target),
    );
    if (missing.length) {
      return fail(
        `${makefile.path} has no ${listOf(missing)} target${
          missing.length > 1 ? 's' : ''
        }`,
        { path: makefile.path },
      );
    }
    const extra = makefile.value.has('test-coverage')
      ? ' and test-coverage'
      : '';
    return pass(`${makefile.path} has format, lint, test${extra}`, {
      path: makefile.path,
      line: makefile.value.get('format')!.line,
    });
  },
});
