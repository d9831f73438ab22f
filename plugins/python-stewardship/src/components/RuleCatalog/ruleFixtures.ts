import { RuleCatalogEntry, RuleFamily } from './ruleCatalogTypes';

/** A slice of the rule pack, shaped like the real checks. */
export const fixtureRules: RuleCatalogEntry[] = [
  {
    id: 'PYG-003',
    title: 'Lockfile is committed and up to date',
    family: 'packaging',
    appliesTo: ['service', 'utility', 'library'],
    weight: 3,
    source: { kind: 'python-guide' },
    rationale: 'The lockfile makes every install resolve the same versions.',
    fix: { summary: 'Run poetry lock and commit poetry.lock.' },
    docs: { page: 'creating-a-codebase', anchor: 'lockfiles' },
  },
  {
    id: 'PYG-015',
    title: 'Test coverage is measured',
    family: 'testing',
    appliesTo: ['service', 'utility', 'library'],
    weight: 2,
    source: { kind: 'python-guide' },
    rationale: 'Coverage shows which code no test exercises.',
    fix: { summary: 'Add pytest-cov and run pytest with --cov.' },
    docs: { page: 'development-guidelines', anchor: 'test-coverage' },
  },
  {
    id: 'PYG-036',
    title: 'Dockerfile follows the image rules',
    family: 'service-deployment',
    appliesTo: ['service'],
    weight: 2,
    advisory: true,
    source: { kind: 'working-group', codebase: 'AI Gateway' },
    rationale: 'Small, non-root images are faster and safer to run.',
    fix: { summary: 'Use a slim base image and a non-root user.' },
    docs: { page: 'deployment', anchor: 'container-images-for-services' },
  },
  {
    id: 'PYG-043',
    title: 'Library ships a py.typed marker',
    family: 'type-checking',
    appliesTo: ['library'],
    weight: 1,
    advisory: true,
    source: { kind: 'portal-default' },
    rationale: 'Without py.typed, type checkers ignore the library types.',
    fix: { summary: 'Add an empty py.typed file to the package.' },
    docs: { page: 'development-guidelines', anchor: 'type-checking' },
  },
];

export const fixtureFamilies: RuleFamily[] = [
  { id: 'packaging', title: 'Packaging and dependencies' },
  { id: 'type-checking', title: 'Type checking' },
  { id: 'testing', title: 'Testing' },
  { id: 'service-deployment', title: 'Deployment of services' },
];
