import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GitlabPythonDiscoveryProvider } from './discovery/GitlabPythonDiscoveryProvider';
import { isPythonMaintainerRule } from './permissions/isPythonMaintainerRule';
import { MaintainersProcessor } from './processors/MaintainersProcessor';

/**
 * Catalog module of the python-stewardship family: records maintainers as
 * catalog relations, and discovers Python codebases on GitLab when
 * `catalog.providers.pythonStewardship` is configured (opt-in).
 */
export const catalogModulePythonStewardship = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'python-stewardship',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, permissionsRegistry, scheduler }) {
        catalog.addProcessor(new MaintainersProcessor());
        // Lets the policy allow conformance refreshes and exemption
        // decisions to a codebase's maintainers, not only its owners.
        permissionsRegistry.addPermissionRules([isPythonMaintainerRule]);
        for (const provider of GitlabPythonDiscoveryProvider.fromConfig(
          config,
          { logger, scheduler },
        )) {
          catalog.addEntityProvider(provider);
        }
      },
    });
  },
});
