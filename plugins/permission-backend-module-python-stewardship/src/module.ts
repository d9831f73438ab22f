import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readPolicyConfig } from './policyConfig';
import { StewardshipPermissionPolicy } from './StewardshipPermissionPolicy';

/** Installs the portal's permission policy in the permission backend. */
export const permissionModulePythonStewardship = createBackendModule({
  pluginId: 'permission',
  moduleId: 'python-stewardship-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const policyConfig = readPolicyConfig(config);
        if (policyConfig.admins.length === 0) {
          logger.warn(
            'pythonStewardship.permissions.admins is empty: nobody may use the template editor or dry runs',
          );
        }
        policy.setPolicy(new StewardshipPermissionPolicy(policyConfig));
      },
    });
  },
});
