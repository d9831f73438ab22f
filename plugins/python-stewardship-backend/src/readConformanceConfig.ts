import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

export interface ConformanceSettings {
  gitlabHost?: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  requestsPerMinute?: number;
  historyDays: number;
  leaseSeconds: number;
  publicBadges: boolean;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

function positiveInt(
  config: Config,
  key: string,
  fallback: number | undefined,
  max: number,
): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(
      `pythonStewardship.conformance.${key} must be a whole number from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads `pythonStewardship.conformance` (see config.d.ts), with clear errors. */
export function readConformanceConfig(root: Config): ConformanceSettings {
  const config = root.getOptionalConfig('pythonStewardship.conformance');
  const get = <T>(read: (c: Config) => T | undefined, fallback: T) =>
    config ? read(config) ?? fallback : fallback;
  return {
    gitlabHost: config?.getOptionalString('gitlabHost'),
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    concurrency: get(c => positiveInt(c, 'concurrency', 4, 64), 4),
    requestsPerMinute: config
      ? positiveInt(config, 'requestsPerMinute', undefined, 1_000_000)
      : undefined,
    historyDays: get(c => positiveInt(c, 'historyDays', 365, 3650), 365),
    leaseSeconds: get(c => positiveInt(c, 'leaseSeconds', 600, 86_400), 600),
    publicBadges: get(c => c.getOptionalBoolean('publicBadges'), false),
  };
}
