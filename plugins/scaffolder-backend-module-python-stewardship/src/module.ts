import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readStewardshipOptions } from '@internal/plugin-python-stewardship-node';
import { createCatalogWaitForEntityAction } from './actions/catalogWaitForEntity';
import { createConformanceCheckAction } from './actions/conformanceCheck';
import { createDeriveValuesAction } from './actions/deriveValues';
import { createGitlabPreflightAction } from './actions/gitlabPreflight';
import { createGitlabReviewSettingsAction } from './actions/gitlabReviewSettings';

/**
 * Adds the python-stewardship scaffolder actions the Python templates use:
 * parameter checks, the GitLab and catalog checks before anything is
 * written, the conformance gate before publishing, and the GitLab review
 * settings after it, and waiting until the catalog serves the new entity.
 *
 * @public
 */
export const scaffolderModulePythonStewardship = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'python-stewardship',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, catalog }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolder.addActions(
          createDeriveValuesAction(),
          createGitlabPreflightAction({ integrations, catalog }),
          createConformanceCheckAction({
            stewardship: readStewardshipOptions(config),
          }),
          createGitlabReviewSettingsAction({ integrations }),
          createCatalogWaitForEntityAction({ catalog }),
        );
      },
    });
  },
});
