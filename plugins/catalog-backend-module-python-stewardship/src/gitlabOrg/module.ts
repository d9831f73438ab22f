import { createBackendModule } from '@backstage/backend-plugin-api';
import { gitlabOrgEntityProviderTransformsExtensionPoint } from '@backstage/plugin-catalog-backend-module-gitlab-org';
import { groupTransformer, userTransformer } from './orgTransformers';

/**
 * Lets `@backstage/plugin-catalog-backend-module-gitlab-org` ingest users
 * and groups from a GitLab whose host has a port (the demo's
 * `localhost:7080`): same entities as its defaults, valid annotation keys.
 * Add it next to that module.
 */
export const catalogModuleGitlabOrgOnPort = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'python-stewardship-gitlab-org',
  register(env) {
    env.registerInit({
      deps: { transforms: gitlabOrgEntityProviderTransformsExtensionPoint },
      async init({ transforms }) {
        transforms.setUserTransformer(userTransformer);
        transforms.setGroupTransformer(groupTransformer);
      },
    });
  },
});
