import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  CheckDefinition,
  composeRulePack,
  pythonStewardshipPermissions,
  rulePackMetadata,
} from '@internal/plugin-python-stewardship-common';
import {
  GitlabReader,
  pythonStewardshipChecksExtensionPoint,
  readStewardshipOptions,
} from '@internal/plugin-python-stewardship-node';
import { readPythonCodebases } from './catalog/readPythonCodebases';
import { ConformanceStore } from './database/ConformanceStore';
import { ConformanceScanner } from './scan/ConformanceScanner';
import { computeRulePackVersion } from './scan/rulePackVersion';
import { createGitlabPushHandler } from './events/onGitlabPush';
import { createRouter } from './service/createRouter';
import { createUploadRouter } from './service/createUploadRouter';
import { readConformanceConfig } from './readConformanceConfig';
import { registerConformanceActions } from './actions/registerConformanceActions';

/**
 * The conformance service: scans every Python codebase in the catalog with
 * the shared rule pack, stores results with history and exemptions, and
 * serves them at `/api/python-stewardship`.
 */
export const pythonStewardshipPlugin = createBackendPlugin({
  pluginId: 'python-stewardship',
  register(env) {
    // Organisation checks from modules (python-stewardship-node's extension point).
    const extraChecks: CheckDefinition[] = [];
    env.registerExtensionPoint(pythonStewardshipChecksExtensionPoint, {
      addChecks: (...checks) => {
        extraChecks.push(...checks);
      },
    });
    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        events: eventsServiceRef,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const settings = readConformanceConfig(config);
        const stewardship = readStewardshipOptions(config);
        const rulePack = composeRulePack(extraChecks);
        const rules = rulePackMetadata(rulePack);
        const integration = pickGitlabIntegration(config, settings.gitlabHost);
        const store = await ConformanceStore.create(
          await deps.database.getClient(),
          { skipMigrations: deps.database.migrations?.skip },
        );
        const reader = new GitlabReader(
          { baseUrl: integration.baseUrl, token: integration.token },
          { requestsPerMinute: settings.requestsPerMinute },
        );
        const scanner = new ConformanceScanner({
          store,
          reader,
          logger,
          readCodebases: () => readPythonCodebases(deps.catalog, deps.auth),
          rulePackVersion: computeRulePackVersion(stewardship, rules),
          stewardship,
          checks: rulePack,
          concurrency: settings.concurrency,
          leaseMs: settings.leaseSeconds * 1000,
          historyDays: settings.historyDays,
        });

        deps.permissionsRegistry.addPermissions(pythonStewardshipPermissions);

        // Read-only actions for agents (MCP tools through mcp-actions-backend).
        registerConformanceActions({
          actionsRegistry: deps.actionsRegistry,
          store,
          rules,
          appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
        });

        await scheduler.scheduleTask({
          id: 'python-stewardship-conformance-sweep',
          scope: 'global',
          ...settings.schedule,
          fn: async () => {
            await scanner.sweep();
          },
        });
        // Every 30 seconds: codebases new in the catalog (so a fresh start shows
        // results as soon as the catalog has them), scans left in the queue
        // by an instance that stopped mid-sweep (their leases run out), and
        // push events' scans.
        await scheduler.scheduleTask({
          id: 'python-stewardship-conformance-queue',
          scope: 'local',
          frequency: { seconds: 30 },
          timeout: { minutes: 30 },
          initialDelay: { seconds: 20 },
          fn: async () => {
            await scanner.scanNewAndQueued();
          },
        });

        // GitLab webhooks arrive through the events plugin, whose GitLab
        // module checks the secret token and routes pushes to gitlab.push.
        await deps.events.subscribe({
          id: 'python-stewardship-conformance',
          topics: ['gitlab.push'],
          onEvent: createGitlabPushHandler({ store, scanner, logger }),
        });

        deps.httpRouter.use(
          await createRouter({
            store,
            scanner,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            ownershipRefs: async credentials =>
              (
                await deps.userInfo.getUserInfo(credentials)
              ).ownershipEntityRefs,
            publicBadges: settings.publicBadges,
            rules,
          }),
        );
        // CI uploads (python-conformance check --upload): external-access
        // tokens only, stored apart from scans with source ci-upload.
        deps.httpRouter.use(
          await createUploadRouter({ store, httpAuth: deps.httpAuth, logger }),
        );
        if (settings.publicBadges) {
          deps.httpRouter.addAuthPolicy({
            path: '/badges',
            allow: 'unauthenticated',
          });
        }
      },
    });
  },
});

function pickGitlabIntegration(
  config: Parameters<typeof ScmIntegrations.fromConfig>[0],
  host: string | undefined,
) {
  const integrations = ScmIntegrations.fromConfig(config).gitlab;
  const integration = host ? integrations.byHost(host) : integrations.list()[0];
  if (!integration) {
    throw new Error(
      host
        ? `pythonStewardship.conformance.gitlabHost is ${host}, but integrations.gitlab has no entry for that host`
        : 'The conformance service needs a GitLab: add an entry under integrations.gitlab',
    );
  }
  return integration.config;
}
