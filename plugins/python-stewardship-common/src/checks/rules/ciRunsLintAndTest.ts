import { defineCheck, fail, listOf, pass, useCi } from '../support';

const LINT_COMMAND =
  /\b(ruff|flake8|pylint|mypy|black|isort|make\s+(\S+\s+)*lint)\b/;
const TEST_COMMAND = /\b(pytest|make\s+(\S+\s+)*test|tox|nox)\b/;

export const ciRunsLintAndTest = defineCheck({
  id: 'PYG-020',
  title: 'GitLab CI runs lint and test jobs',
  family: 'continuous-integration',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    "Every merge request should prove that the code is linted and tested before a human looks at it. The guidelines' pipeline has lint and test stages with one job per tool.",
  fix: {
    summary: 'Add .gitlab-ci.yml with lint and test stages.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'stages: [lint, test]\n\nlint:\n  stage: lint\n  script:\n    - make lint\n\ntests:\n  stage: test\n  script:\n    - poetry run pytest\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'continuous-integration' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const jobs = ci.ci.jobs.filter(job => !job.hidden);
    const runs = (pattern: RegExp, stage: string) =>
      jobs.find(
        job => job.stage === stage || job.commands.some(c => pattern.test(c)),
      );
    const lint = runs(LINT_COMMAND, 'lint');
    const test = runs(TEST_COMMAND, 'test');
    const missing = [!lint && 'lint job', !test && 'test job'].filter(
      (x): x is string => !!x,
    );
    if (missing.length) {
      return fail(
        `${ci.path} has no ${listOf(
          missing,
        )} (a job in that stage, or one running the tools)`,
        { path: ci.path },
      );
    }
    return pass(`Lint job ${lint!.name} and test job ${test!.name}`, {
      path: ci.path,
    });
  },
});
