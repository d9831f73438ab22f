import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Fail the task unless the generated codebase passes every applicable check.',
    example: yaml.stringify({
      steps: [
        {
          id: 'conformance',
          name: 'Check conformance',
          action: 'python-stewardship:conformance:check',
          input: {
            type: 'service',
          },
        },
      ],
    }),
  },
  {
    description:
      'Check a project generated into a subfolder of the workspace, accepting a score of 90 or more.',
    example: yaml.stringify({
      steps: [
        {
          id: 'conformance',
          name: 'Check conformance',
          action: 'python-stewardship:conformance:check',
          input: {
            path: 'services/search-api',
            minimumScore: 90,
          },
        },
      ],
    }),
  },
];
