import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'After publish:gitlab, require one approval from the maintainers and code-owner approval on main.',
    example: yaml.stringify({
      steps: [
        {
          id: 'review',
          name: 'Apply the review settings',
          action: 'python-stewardship:gitlab:review-settings',
          input: {
            repoUrl: 'gitlab.example.com?owner=python&repo=prompt-eval',
            maintainers: [
              'user:default/alex.maintainer',
              'user:default/bea.reviewer',
            ],
          },
        },
      ],
    }),
  },
];
