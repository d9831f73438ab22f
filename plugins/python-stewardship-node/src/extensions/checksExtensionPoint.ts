import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CheckDefinition } from '@internal/plugin-python-stewardship-common';

/** @public */
export interface PythonStewardshipChecksExtensionPoint {
  /**
   * Adds an organisation's own checks to the rule pack the conformance
   * service scans with (define them with `defineCheck` from -common, test
   * each with `testCheck`). Ids like `ACME-001`; a bad id stops start-up.
   */
  addChecks(...checks: CheckDefinition[]): void;
}

/**
 * Lets a backend module add checks to the conformance service without
 * forking the rule pack, as scaffolder modules add actions:
 *
 * ```ts
 * createBackendModule({
 *   pluginId: 'python-stewardship',
 *   moduleId: 'acme-checks',
 *   register(env) {
 *     env.registerInit({
 *       deps: { checks: pythonStewardshipChecksExtensionPoint },
 *       async init({ checks }) { checks.addChecks(onCallRota); },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const pythonStewardshipChecksExtensionPoint =
  createExtensionPoint<PythonStewardshipChecksExtensionPoint>({
    id: 'python-stewardship.checks',
  });
