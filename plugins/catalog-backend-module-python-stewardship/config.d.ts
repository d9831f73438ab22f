import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * GitLab discovery of Python codebases. Each key is a provider id;
       * every Python project found becomes a Component with its repository
       * type, owner, maintainers and lifecycle. What a scan learned is kept
       * in the catalog's database, so rescans and restarts read only
       * projects that changed.
       */
      pythonStewardship?: {
        [id: string]: {
          /**
           * Host of the GitLab instance; must match an `integrations.gitlab`
           * entry, whose token and apiBaseUrl are used.
           */
          host: string;
          /**
           * Full path of the group to scan, subgroups included. Without it
           * every project the token can see is scanned.
           */
          group?: string;
          /**
           * Group path prefix removed from group and project paths in entity
           * names, like the gitlab-org provider's `group` does for groups.
           * Defaults to `group`; set it to that provider's `group` so owners
           * and CODEOWNERS groups name its Group entities.
           */
          orgGroup?: string;
          /** Skip archived projects (otherwise they are `deprecated`). Defaults to false. */
          skipArchived?: boolean;
          /** Skip forks. Defaults to true. */
          skipForks?: boolean;
          /** Projects read at the same time. Defaults to 8. */
          concurrency?: number;
          /** GitLab requests per rolling minute (retries included); unlimited when absent. */
          requestsPerMinute?: number;
          /**
           * Update one project within seconds on GitLab push and project
           * events (`@backstage/plugin-events-backend-module-gitlab`).
           * Defaults to true; without the events plugin nothing arrives.
           */
          events?: boolean;
          /**
           * Read a project again once its stored scan is older than this many
           * hours (spread over 1 to 1.5 times it), whatever its activity says:
           * catches membership changes and GitLab's hourly last_activity_at
           * throttle when no webhook arrives. Defaults to 24.
           */
          maxScanAgeHours?: number;
          /** How often to scan, e.g. `{ frequency: { minutes: 30 }, timeout: { minutes: 10 } }`. */
          schedule: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
    };
  };
}
