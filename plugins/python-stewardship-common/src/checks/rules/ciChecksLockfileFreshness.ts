import {
  commandLocation,
  defineCheck,
  fail,
  findCommand,
  pass,
} from '../support';

const FRESHNESS =
  /poetry\s+check\s+.*--lock|poetry\s+lock\s+--check|uv\s+lock\s+--(check|locked)|uv\s+sync\s+.*--locked|pdm\s+lock\s+--check|git\s+diff\s+--exit-code/;

export const ciChecksLockfileFreshness = defineCheck({
  id: 'PYG-042',
  title: 'CI fails on a stale lockfile',
  family: 'continuous-integration',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: true,
  source: { kind: 'working-group', codebase: 'AI Gateway' },
  requires: ['PYG-020', 'PYG-003'],
  rationale:
    'A lockfile that no longer matches pyproject.toml installs something other than what the author declared. The reference repositories re-lock in CI and fail on a diff.',
  fix: {
    summary:
      'Add `poetry check --lock` (or `poetry lock` followed by `git diff --exit-code`) to the lint job.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'lint:lockfile:\n  stage: lint\n  script:\n    - poetry check --lock\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'lockfile-check-in-ci' },
  evaluate(context) {
    const command = findCommand(context, FRESHNESS);
    if (!command) {
      return fail(
        'No CI job verifies that the lockfile matches pyproject.toml',
        { path: '.gitlab-ci.yml' },
      );
    }
    return pass(
      `Job ${command.job} runs \`${command.command.trim()}\``,
      commandLocation(context, command),
    );
  },
});
