import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  pythonStewardship?: {
    /** The conformance service (plugins/python-stewardship-backend). */
    conformance?: {
      /**
       * GitLab host whose `integrations.gitlab` entry (and token) scans use,
       * e.g. `gitlab.example.com`. Defaults to the first GitLab integration.
       */
      gitlabHost?: string;
      /**
       * When the sweep over every Python codebase runs; it runs once across
       * all backend instances. Default: every 30 minutes, first 15 seconds
       * after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Projects scanned at the same time by one instance. Default 4. */
      concurrency?: number;
      /** GitLab requests per minute for scans, per instance; unlimited when absent. */
      requestsPerMinute?: number;
      /** Days of results kept; the newest result of each codebase is always kept. Default 365. */
      historyDays?: number;
      /**
       * A claimed project that is not finished after this many seconds is
       * scanned again by any instance (its scanner died). Default 600.
       */
      leaseSeconds?: number;
      /** SVG badges without sign-in (for READMEs). Default false. */
      publicBadges?: boolean;
    };
  };
}
