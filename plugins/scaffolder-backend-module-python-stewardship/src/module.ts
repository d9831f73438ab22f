import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createConformanceCheckAction } from './actions/conformanceCheck';
import { createDeriveValuesAction } from './actions/deriveValues';

/**
 * Adds the python-stewardship scaffolder actions, which the Python templates
 * use as a conformance gate before publishing.
 *
 * @public
 */
export const scaffolderModulePythonStewardship = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'python-stewardship',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createDeriveValuesAction(),
          createConformanceCheckAction(),
        );
      },
    });
  },
});
