import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * GitLab discovery of Python codebases (opt-in). Each key is a provider
       * id; every Python project found becomes a Component with its
       * repository type, owner and maintainers.
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
          /** Skip archived projects. Defaults to true. */
          skipArchived?: boolean;
          /** Skip forks. Defaults to true. */
          skipForks?: boolean;
          /** How often to scan, e.g. `{ frequency: { minutes: 30 }, timeout: { minutes: 10 } }`. */
          schedule: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
    };
  };
}
