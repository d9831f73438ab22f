import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the form values of a Python template and derive the names the skeleton renders.',
    example: yaml.stringify({
      steps: [
        {
          id: 'values',
          name: 'Prepare values',
          action: 'python-stewardship:values:derive',
          input: {
            type: 'utility',
            name: 'prompt-eval',
            description:
              'Runs prompt evaluation datasets from the command line',
            owner: 'group:default/model-validation',
            maintainers: ['user:default/alex.maintainer'],
            pythonVersion: '3.12',
          },
        },
      ],
    }),
  },
];
