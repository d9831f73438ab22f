import { defineCheck, fail, pass, useCi } from '../support';

export const runwayDeployment = defineCheck({
  id: 'PYG-038',
  title: 'Runway deployment is configured',
  family: 'service-deployment',
  appliesTo: ['service'],
  weight: 1,
  advisory: true,
  source: { kind: 'python-guide' },
  requires: ['PYG-020'],
  rationale:
    'Services on GitLab.com deploy through Runway, the internal platform. A Runway service definition plus the runwayctl CI tasks give reviewed, repeatable deployments. Services that only ship to self-hosted customers can exempt this check.',
  fix: {
    summary:
      "Add .runway/runway.yml and include Runway's service-project CI tasks.",
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'include:\n  - project: gitlab-com/gl-infra/platform/runway/runwayctl\n    file: ci-tasks/service-project/runway.yml\n    inputs:\n      runway_service_id: my-service\n      image: "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n',
    },
  },
  docs: { page: 'deployment', anchor: 'deploying-with-runway' },
  evaluate(context) {
    const definition = context.text('.runway/runway.yml');
    if (definition.state === 'error') {
      return {
        status: 'error',
        message: definition.message,
        location: { path: definition.path },
      };
    }
    if (
      definition.state === 'missing' ||
      !/kind:\s*RunwayService/.test(definition.value)
    ) {
      return fail('No .runway/runway.yml with kind: RunwayService', {
        path: '.runway/runway.yml',
      });
    }
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    if (!ci.ci.includes.some(include => /runway/i.test(include.value))) {
      return fail('CI does not include the runwayctl service-project tasks', {
        path: ci.path,
      });
    }
    return pass('Runway service definition and CI tasks are present', {
      path: '.runway/runway.yml',
    });
  },
});
