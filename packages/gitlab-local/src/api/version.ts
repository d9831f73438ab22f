import { Route } from '../http/Router';

/** The GitLab release whose REST API this stand-in follows. */
export const EMULATED_GITLAB_VERSION = '17.9.0-ee';

/** `GET /version` and `GET /metadata`, which clients use as a health check. */
export const versionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/version',
    handler: async () => ({
      json: { version: EMULATED_GITLAB_VERSION, revision: 'gitlab-local' },
    }),
  },
  {
    method: 'GET',
    pattern: '/metadata',
    handler: async () => ({
      json: {
        version: EMULATED_GITLAB_VERSION,
        revision: 'gitlab-local',
        kas: { enabled: false, externalUrl: null, version: null },
        enterprise: true,
      },
    }),
  },
];
