/**
 * The families that group the rule pack, in the order reports and the
 * catalog list them.
 *
 * @public
 */
export const checkFamilies = [
  { id: 'packaging', title: 'Packaging and dependencies' },
  { id: 'python-version', title: 'Python version' },
  { id: 'formatting-and-linting', title: 'Formatting and linting' },
  { id: 'type-checking', title: 'Type checking' },
  { id: 'testing', title: 'Testing' },
  { id: 'continuous-integration', title: 'Continuous integration' },
  { id: 'code-review-and-ownership', title: 'Code review and ownership' },
  { id: 'security', title: 'Security' },
  { id: 'documentation', title: 'Documentation' },
  { id: 'service-deployment', title: 'Deployment of services' },
  { id: 'publishing', title: 'Publishing of libraries and utilities' },
] as const;

/** @public */
export type CheckFamily = (typeof checkFamilies)[number]['id'];

/** Human title of a family, e.g. `Type checking`. @public */
export function checkFamilyTitle(family: CheckFamily): string {
  return checkFamilies.find(f => f.id === family)?.title ?? family;
}
