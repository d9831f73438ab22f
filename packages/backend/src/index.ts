/*
 * The Python Stewardship Portal backend (new backend system).
 * Each feature is one line; configuration lives in app-config*.yaml.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Scaffolder, with the official GitLab actions (publish:gitlab and friends).
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
// Our actions: derive template values, the conformance gate, GitLab review settings.
backend.add(
  import('@internal/plugin-scaffolder-backend-module-python-stewardship'),
);
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-techdocs-backend'));

// Sign-in: GitLab OAuth (the local demo GitLab on the embedded defaults);
// guest stays for browsing only (the policy lets it read, nothing more).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-gitlab-provider'));

// Catalog, with the Python stewardship module (maintainers relations).
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Users and groups from GitLab when catalog.providers.gitlab.<id>.orgEnabled is set.
backend.add(import('@backstage/plugin-catalog-backend-module-gitlab-org'));
backend.add(
  import('@internal/plugin-catalog-backend-module-python-stewardship'),
);

// Events: GitLab webhooks arrive at /api/events/http/gitlab; the GitLab
// module checks their secret token and routes them to gitlab.<event> topics
// (the conformance service rescans on gitlab.push).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-gitlab'));

// The conformance service: scans every Python codebase in the catalog with
// the rule pack, keeps results with history and exemptions, serves the
// dashboards' API at /api/python-stewardship.
backend.add(import('@internal/plugin-python-stewardship-backend'));

// Our policy: admins do everything; others read, run the published templates
// (GitLab steps with their own token) and see their own tasks; guests read.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@internal/plugin-permission-backend-module-python-stewardship'),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
