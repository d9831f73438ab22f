import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DiscoveryStore } from './database/DiscoveryStore';
import { GitlabPythonDiscoveryProvider } from './discovery/GitlabPythonDiscoveryProvider';
import {
  DISCOVERY_TOPICS,
  ProjectEventQueue,
  projectEventOf,
} from './discovery/gitlabEvents';
import { readDiscoveryConfigs } from './discovery/readDiscoveryConfig';
import { createStatusRouter } from './discovery/statusRouter';
import { isPythonMaintainerRule } from './permissions/isPythonMaintainerRule';
import { MaintainersProcessor } from './processors/MaintainersProcessor';

/**
 * Catalog module of the python-stewardship family: records maintainers as
 * catalog relations, and discovers Python codebases on GitLab when
 * `catalog.providers.pythonStewardship` is configured, keeping per-project
 * scan state in the catalog's database.
 */
export const catalogModulePythonStewardship = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'python-stewardship',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        events: eventsServiceRef,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init({
        catalog,
        config,
        database,
        events,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
      }) {
        catalog.addProcessor(new MaintainersProcessor());
        // Lets the policy allow conformance refreshes and exemption
        // decisions to a codebase's maintainers, not only its owners.
        permissionsRegistry.addPermissionRules([isPythonMaintainerRule]);
        // Validate first: a bad block fails start-up before any migration.
        if (readDiscoveryConfigs(config).length === 0) return;
        const store = await DiscoveryStore.create(database);
        const providers = GitlabPythonDiscoveryProvider.fromConfig(config, {
          logger,
          scheduler,
          store,
        });
        // Scan status for admins: GET /api/catalog/python-discovery/status.
        httpRouter.use(
          createStatusRouter({
            store,
            httpAuth,
            permissions,
            providerIds: providers.map(p => p.config.id),
          }),
        );
        for (const provider of providers) {
          catalog.addEntityProvider(provider);
          if (!provider.config.events) continue;
          // Push and project webhooks update one project within seconds.
          const queue = new ProjectEventQueue(
            event =>
              provider
                .refreshProject(event.projectId, logger, event)
                .then(() => undefined),
            logger,
          );
          await events.subscribe({
            id: `${provider.getProviderName()}:events`,
            topics: DISCOVERY_TOPICS,
            async onEvent(params) {
              const event = projectEventOf(params);
              if (event) await queue.push(event);
            },
          });
        }
      },
    });
  },
});
