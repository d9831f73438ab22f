import type { GitlabLocal } from '@internal/gitlab-local';

/**
 * `catalog.providers` overrides that point the demo's GitLab providers
 * (app-config.yaml: users and groups from gitlab-org, Python codebases from
 * discovery) at a local GitLab started by a test on a random port. Merge it
 * into `catalog` beside `integrations: { gitlab: [gitlab.integration] }`.
 * With `discovery: false` the codebases come only from the test's own
 * catalog files (discovery waits an hour before its first scan).
 */
export function demoCatalogProviders(
  gitlab: Pick<GitlabLocal, 'integration'>,
  options: { discovery?: boolean } = {},
) {
  const host = gitlab.integration.host;
  return {
    providers: {
      gitlab: { org: { host } },
      pythonStewardship: {
        codebases: {
          host,
          ...(options.discovery === false
            ? {
                schedule: {
                  frequency: { hours: 1 },
                  timeout: { minutes: 10 },
                  initialDelay: { hours: 1 },
                },
              }
            : {}),
        },
      },
    },
  };
}
