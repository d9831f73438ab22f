import { getString, getTable, getValue } from '../../parsers/tomlAccess';
import { defineCheck, fail, listOf, locate, pass, useCi } from '../support';

export const ciPublishesTestReports = defineCheck({
  id: 'PYG-022',
  title: 'CI publishes JUnit and coverage reports',
  family: 'continuous-integration',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-020'],
  rationale:
    'GitLab shows failed tests, the coverage percentage and covered lines in the merge request only when the test job publishes a JUnit report, a coverage regex and a Cobertura report.',
  fix: {
    summary:
      'Publish junit.xml and coverage.xml from the test job and set the coverage regex.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        "tests:\n  stage: test\n  script:\n    - poetry run pytest --cov=my_package --cov-report=term --cov-report=xml:coverage.xml --junitxml=junit.xml\n  coverage: '/TOTAL.+?(\\d+\\%)/'\n  artifacts:\n    reports:\n      junit: junit.xml\n      coverage_report:\n        coverage_format: cobertura\n        path: coverage.xml\n",
    },
  },
  docs: { page: 'development-guidelines', anchor: 'continuous-integration' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const jobs = ci.ci.jobs.filter(job => !job.hidden);
    const junit = jobs.find(
      job =>
        getValue(job.definition, 'artifacts', 'reports', 'junit') !== undefined,
    );
    const coverageRegex = jobs.find(
      job => typeof job.definition.coverage === 'string',
    );
    const cobertura = jobs.find(job => {
      const report = getTable(
        job.definition,
        'artifacts',
        'reports',
        'coverage_report',
      );
      return getString(report, 'coverage_format') === 'cobertura';
    });
    const missing = [
      !junit && 'artifacts:reports:junit',
      !coverageRegex && 'a coverage: regex',
      !cobertura && 'a cobertura coverage_report',
    ].filter((x): x is string => !!x);
    if (missing.length) {
      return fail(`No job publishes ${listOf(missing)}`, { path: ci.path });
    }
    const file =
      ci.ci.files.find(f => f.text.includes('junit')) ?? ci.ci.files[0];
    return pass(
      `Job ${junit!.name} publishes JUnit and coverage`,
      locate(file.path, file.text, 'junit'),
    );
  },
});
