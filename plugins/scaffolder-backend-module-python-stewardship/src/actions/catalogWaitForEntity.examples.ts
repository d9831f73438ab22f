import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Wait until the component that catalog:register added is served, so "Open in catalog" works at once.',
    example: yaml.stringify({
      steps: [
        {
          id: 'catalog-ready',
          name: 'Wait for the catalog',
          action: 'python-stewardship:catalog:wait-for-entity',
          input: {
            entityRef: 'component:default/prompt-eval',
            timeoutSeconds: 60,
          },
        },
      ],
    }),
  },
];
