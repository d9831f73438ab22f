/**
 * The Python Stewardship Portal's permission policy, as a permission
 * backend module.
 *
 * @packageDocumentation
 */
export { permissionModulePythonStewardship as default } from './module';
export { StewardshipPermissionPolicy } from './StewardshipPermissionPolicy';
export { readPolicyConfig } from './policyConfig';
export type { PolicyConfig } from './policyConfig';
export { TEMPLATE_ACTIONS, allTemplateActionIds } from './templateActions';
