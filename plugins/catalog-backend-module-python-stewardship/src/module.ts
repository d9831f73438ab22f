import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MaintainersProcessor } from './processors/MaintainersProcessor';

/**
 * Catalog module of the python-stewardship family: records maintainers as
 * catalog relations. GitLab discovery of Python codebases will live here too.
 */
export const catalogModulePythonStewardship = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'python-stewardship',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new MaintainersProcessor());
      },
    });
  },
});
