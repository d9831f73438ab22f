import {
  commandLocation,
  defineCheck,
  fail,
  listOf,
  pass,
  usePyproject,
} from '../support';
import { configuredLintTools } from '../tooling';

/** For each tool, a command that verifies without rewriting files. */
const CHECK_COMMANDS: Record<string, { label: string; pattern: RegExp }> = {
  black: { label: 'black --check', pattern: /\bblack\b.*--check/ },
  isort: {
    label: 'isort --check-only',
    pattern: /\bisort\b.*(--check-only|--check\b|\s-c\b)/,
  },
  flake8: { label: 'flake8', pattern: /\bflake8\b/ },
  pylint: { label: 'pylint', pattern: /\bpylint\b/ },
  mypy: { label: 'mypy', pattern: /\bmypy\b/ },
  ruffCheck: {
    label: 'ruff check',
    pattern: /\bruff\b(?!\s+format)(\s+check\b|\s+[^\s-])/,
  },
  ruffFormat: {
    label: 'ruff format --check',
    pattern: /\bruff\s+format\b.*--check/,
  },
};

export const ciRunsLintersInCheckMode = defineCheck({
  id: 'PYG-021',
  title: 'CI runs every linter in check mode',
  family: 'continuous-integration',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001', 'PYG-020'],
  rationale:
    'A configured linter that CI never runs is a suggestion, not a rule. Check mode (black --check, isort --check-only, ruff format --check) fails the pipeline instead of silently rewriting files.',
  fix: {
    summary:
      'Run each configured tool in a lint job, directly or through `make lint`.',
    snippet: {
      path: 'Makefile',
      language: 'makefile',
      content:
        'lint:\n\tpoetry run ruff check .\n\tpoetry run ruff format --check .\n\tpoetry run mypy .\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'continuous-integration' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const tools = configuredLintTools(context, py.model);
    const expected: string[] = [];
    if (tools.black) expected.push('black');
    if (tools.isort) expected.push('isort');
    if (tools.flake8) expected.push('flake8');
    if (tools.pylint) expected.push('pylint');
    if (tools.ruff) expected.push('ruffCheck');
    if (tools.ruff && !tools.black) expected.push('ruffFormat');
    if (tools.mypy) expected.push('mypy');
    if (!expected.length) {
      return fail(
        'No lint tool is configured or declared, so CI has nothing to run (see PYG-013)',
        { path: py.path },
      );
    }
    const commands = context.ciCommands();
    const found = expected.map(tool => ({
      tool,
      command: commands.find(entry =>
        CHECK_COMMANDS[tool].pattern.test(entry.command),
      ),
    }));
    const missing = found
      .filter(f => !f.command)
      .map(f => `\`${CHECK_COMMANDS[f.tool].label}\``);
    if (missing.length) {
      return fail(`CI never runs ${listOf(missing)}`, {
        path: '.gitlab-ci.yml',
      });
    }
    return pass(
      `CI runs ${listOf(expected.map(tool => CHECK_COMMANDS[tool].label))}`,
      commandLocation(context, found[0].command!),
    );
  },
});
