import { defineCheck, fail, pass, useCi } from '../support';

const PUSH =
  /docker\s+push|buildx\s+build.*--push|\/kaniko\/executor|--destination|buildah\s+push|crane\s+(push|copy)|skopeo\s+copy/;

export const imagePushedToProjectRegistry = defineCheck({
  id: 'PYG-037',
  title: 'CI pushes the image to the project registry',
  family: 'service-deployment',
  appliesTo: ['service'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-020'],
  rationale:
    "Service images must be published to the project's own container registry, where deployments and self-hosted customers can pull exactly what CI built.",
  fix: {
    summary: 'Build and push to $CI_REGISTRY_IMAGE in a CI job.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'build-image:\n  stage: build\n  image: docker:27\n  services: [docker:27-dind]\n  script:\n    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"\n    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .\n    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n',
    },
  },
  docs: { page: 'deployment', anchor: 'publishing-service-images' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const job = ci.ci.jobs.find(candidate => {
      if (candidate.hidden) return false;
      const text = `${candidate.commands.join('\n')}\n${JSON.stringify({
        ...ci.ci.variables,
        ...candidate.variables,
      })}`;
      return (
        /CI_REGISTRY_IMAGE/.test(text) &&
        candidate.commands.some(command => PUSH.test(command))
      );
    });
    if (!job) {
      return fail('No CI job pushes an image to $CI_REGISTRY_IMAGE', {
        path: ci.path,
      });
    }
    return pass(`Job ${job.name} pushes to $CI_REGISTRY_IMAGE`, {
      path: ci.path,
    });
  },
});
