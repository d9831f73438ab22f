import { defineCheck, fail, locate, pass, useCi } from '../support';

const DOCKER_HUB =
  /docker\.io|DOCKERHUB|DOCKER_HUB|registry\.hub\.docker\.com/i;

export const dockerHubPublishing = defineCheck({
  id: 'PYG-040',
  title: 'Release images are pushed to Docker Hub',
  family: 'service-deployment',
  appliesTo: ['service'],
  weight: 1,
  advisory: true,
  source: { kind: 'python-guide' },
  requires: ['PYG-020'],
  rationale:
    'Self-hosted customers pull service images themselves; the guidelines recommend also publishing release images to Docker Hub under the gitlab organisation, where they are easy to find.',
  fix: {
    summary: 'Push tagged release images to docker.io/gitlab/<image> as well.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        '    - docker tag "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG" "docker.io/gitlab/my-service:$CI_COMMIT_TAG"\n    - docker push "docker.io/gitlab/my-service:$CI_COMMIT_TAG"\n',
    },
  },
  docs: { page: 'deployment', anchor: 'publishing-service-images' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const file = ci.ci.files.find(f => DOCKER_HUB.test(f.text));
    return file
      ? pass(
          `${file.path} publishes to Docker Hub`,
          locate(file.path, file.text, DOCKER_HUB),
        )
      : fail('No CI job pushes release images to Docker Hub', {
          path: ci.path,
        });
  },
});
