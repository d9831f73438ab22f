import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const gitlabPreflightExamples: TemplateExample[] = [
  {
    description:
      'Before fetch and publish:gitlab: check the maintainers, the group, the project path and the owner, acting as the signed-in user; pass resume to publish:gitlab.',
    example: yaml.stringify({
      steps: [
        {
          id: 'preflight',
          name: 'Check GitLab and the catalog',
          action: 'python-stewardship:gitlab:preflight',
          input: {
            repoUrl: 'gitlab.example.com?owner=python&repo=prompt-eval',
            name: 'prompt-eval',
            owner: 'group:default/ai-framework',
            maintainers: [
              'user:default/alex.maintainer',
              'user:default/bea.reviewer',
            ],
            gitCommitMessage: 'Initial commit from the Python utility template',
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
          },
        },
        {
          id: 'publish',
          name: 'Create the GitLab project',
          action: 'publish:gitlab',
          input: {
            repoUrl: 'gitlab.example.com?owner=python&repo=prompt-eval',
            gitCommitMessage: 'Initial commit from the Python utility template',
            skipExisting: '${{ steps.preflight.output.resume }}',
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
          },
        },
      ],
    }),
  },
];
