import type { GitlabLocal } from '@internal/gitlab-local';
import path from 'node:path';
import { demoCatalogProviders } from '../testing/demoCatalogProviders';
import {
  BackendProcess,
  repoRoot,
  waitForCatalog,
} from '../testing/startBackendProcess';

/**
 * Config overrides for a real backend against a test's local GitLab: an
 * in-memory database, the GitLab integration, and sign-in with that GitLab
 * (usernames matching catalog users) beside guest.
 */
export function localGitlabSignInConfig(gitlab: GitlabLocal) {
  return {
    backend: {
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    integrations: { gitlab: [gitlab.integration] },
    auth: {
      providers: {
        guest: {},
        gitlab: {
          development: {
            clientId: gitlab.oauthApplications[0].clientId,
            clientSecret: gitlab.oauthApplications[0].clientSecret,
            audience: gitlab.url,
            signIn: {
              resolvers: [{ resolver: 'usernameMatchingUserEntityName' }],
            },
          },
        },
      },
    },
  };
}

/**
 * Config overrides for a real backend that serves the conformance service
 * against a test's local GitLab: {@link localGitlabSignInConfig}, people and
 * groups from that GitLab, the four reference codebases from a fixed file
 * (no discovery), and the first sweep three seconds after start.
 */
export function conformanceDemoConfig(gitlab: GitlabLocal) {
  return {
    ...localGitlabSignInConfig(gitlab),
    catalog: {
      ...demoCatalogProviders(gitlab, { discovery: false }),
      locations: [
        {
          type: 'file',
          target: path.join(repoRoot, 'catalog/org.yaml'),
          rules: [{ allow: ['User', 'Group'] }],
        },
        {
          type: 'file',
          target: path.join(
            repoRoot,
            'packages/backend/src/__testUtils__/fixtures/python-codebases.yaml',
          ),
        },
      ],
    },
    pythonStewardship: {
      conformance: {
        schedule: {
          frequency: { minutes: 30 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 3 },
        },
      },
    },
  };
}

/** Waits until the catalog serves the people and codebases sign-in and scans need. */
export function waitForConformanceDemoCatalog(backend: BackendProcess) {
  return waitForCatalog(
    backend,
    'entities/by-query?filter=kind=user,metadata.name=eli.newcomer&filter=kind=component,metadata.name=ai-gateway',
    (body: { items: unknown[] }) => body.items.length === 2,
  );
}
