import { gitlabAuthApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  scmAuthApiRef,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { gitlabScmAuth } from './gitlabScmAuth';

// Replaces the app's default `api:app/scm-auth` (same plugin id and name).
const scmAuthApi = ApiBlueprint.make({
  name: 'scm-auth',
  params: defineParams =>
    defineParams({
      api: scmAuthApiRef,
      deps: {
        gitlabAuthApi: gitlabAuthApiRef,
        integrations: scmIntegrationsApiRef,
      },
      factory: ({ gitlabAuthApi, integrations }) =>
        gitlabScmAuth(
          gitlabAuthApi,
          integrations.gitlab
            .list()
            .map(integration => integration.config.host),
        ),
    }),
});

export const scmAuthModule = createFrontendModule({
  pluginId: 'app',
  extensions: [scmAuthApi],
});
