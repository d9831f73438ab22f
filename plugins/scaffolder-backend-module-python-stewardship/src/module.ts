import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createConformanceCheckAction } from './actions/conformanceCheck';
import { createDeriveValuesAction } from './actions/deriveValues';
import { createGitlabReviewSettingsAction } from './actions/gitlabReviewSettings';

/**
 * Adds the python-stewardship scaffolder actions the Python templates use:
 * parameter checks, the conformance gate before publishing, and the GitLab
 * review settings after it.
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
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createDeriveValuesAction(),
          createConformanceCheckAction(),
          createGitlabReviewSettingsAction({
            integrations: ScmIntegrations.fromConfig(config),
          }),
        );
      },
    });
  },
});
