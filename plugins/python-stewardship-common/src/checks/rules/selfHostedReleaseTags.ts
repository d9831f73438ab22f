import { defineCheck, fail, locate, pass, useCi } from '../support';

export const selfHostedReleaseTags = defineCheck({
  id: 'PYG-039',
  title: 'Self-hosted releases are tagged',
  family: 'service-deployment',
  appliesTo: ['service'],
  weight: 1,
  advisory: true,
  source: { kind: 'python-guide' },
  requires: ['PYG-020'],
  rationale:
    "Customer-facing services version themselves outside GitLab's managed versioning. GitLab's release pipeline tags the service repository self-hosted-<gitlab-version> for each GitLab release; building an image for that tag tells self-hosted customers which image matches their GitLab.",
  fix: {
    summary: 'Build release images for tags matching ^self-hosted-.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'release-self-hosted-image:\n  stage: release\n  rules:\n    - if: $CI_COMMIT_TAG =~ /^self-hosted-/\n  script:\n    - docker build -t "$CI_REGISTRY_IMAGE/self-hosted:$CI_COMMIT_TAG" .\n    - docker push "$CI_REGISTRY_IMAGE/self-hosted:$CI_COMMIT_TAG"\n',
    },
  },
  docs: { page: 'deployment', anchor: 'self-hosted-releases' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const file = ci.ci.files.find(f => /self-hosted-/.test(f.text));
    return file
      ? pass(
          `${file.path} handles self-hosted-* tags`,
          locate(file.path, file.text, 'self-hosted-'),
        )
      : fail('CI has no rule or job for self-hosted-* release tags', {
          path: ci.path,
        });
  },
});
