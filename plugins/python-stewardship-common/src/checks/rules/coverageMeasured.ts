import { allDependencies } from '../../parsers/pyprojectModel';
import { findToolSettings, toolSetting } from '../toolSettings';
import {
  commandLocation,
  defineCheck,
  fail,
  findCommand,
  pass,
  unreadableDependenciesNote,
  usePyproject,
} from '../support';

export const coverageMeasured = defineCheck({
  id: 'PYG-015',
  title: 'Test coverage is measured',
  family: 'testing',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-014'],
  rationale:
    'Coverage in every pipeline shows reviewers which new code no test runs. pytest-cov adds it to the normal test run; an organisation can also require a minimum.',
  fix: {
    summary:
      'Add pytest-cov to the test group and run pytest with --cov in CI.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'tests:\n  stage: test\n  script:\n    - poetry run pytest --cov=my_package --cov-report=term --cov-report=xml:coverage.xml --junitxml=junit.xml\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'test-coverage' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const deps = allDependencies(py.model);
    if (!deps.has('pytest-cov') && !deps.has('coverage')) {
      return fail(
        `Neither pytest-cov nor coverage is a dependency in ${
          py.declaredIn
        }${unreadableDependenciesNote(py)}`,
        { path: py.path },
      );
    }
    const run = findCommand(context, /--cov\b|--cov=|coverage run/);
    if (!run) {
      return fail('No CI job runs tests with --cov (or coverage run)', {
        path: '.gitlab-ci.yml',
      });
    }
    const minimum = context.options.minimumCoverage;
    if (minimum > 0) {
      const cli = context
        .ciCommands()
        .map(c => /--cov-fail-under[= ](\d+)/.exec(c.command))
        .find(Boolean);
      // coverage's own search order: .coveragerc, setup.cfg, tox.ini, pyproject.toml.
      const configured = toolSetting(
        findToolSettings(context, py.model, 'coverage'),
        'report',
        'fail_under',
      );
      const fromConfig = typeof configured === 'number' ? configured : 0;
      const threshold = cli ? Number(cli[1]) : fromConfig;
      if (threshold < minimum) {
        return fail(
          `Coverage must fail under ${minimum}%; the configured threshold is ${threshold}%`,
          commandLocation(context, run),
        );
      }
    }
    return pass(
      `Job ${run.job} measures coverage`,
      commandLocation(context, run),
    );
  },
});
