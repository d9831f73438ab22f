import { defineCheck, fail, pass } from '../support';

const CONFIGS = [
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.github/renovate.json',
  '.gitlab/dependabot.yml',
];

export const dependencyUpdatesAutomated = defineCheck({
  id: 'PYG-041',
  title: 'Dependency updates are automated',
  family: 'packaging',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: true,
  source: { kind: 'working-group', codebase: 'AI Gateway' },
  requires: [],
  rationale:
    'Maintainers are responsible for keeping dependencies current. A bot that opens update merge requests turns that into reviewing small, regular changes instead of a yearly upgrade project.',
  fix: {
    summary: 'Add a Renovate configuration.',
    snippet: {
      path: 'renovate.json',
      language: 'json',
      content:
        '{\n  "$schema": "https://docs.renovatebot.com/renovate-schema.json",\n  "extends": ["config:recommended"]\n}\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'dependency-updates' },
  evaluate(context) {
    const config = CONFIGS.find(path => context.exists(path));
    return config
      ? pass(`Dependency updates configured in ${config}`, { path: config })
      : fail('No Renovate (or dependabot-gitlab) configuration found', {
          path: 'renovate.json',
        });
  },
});
