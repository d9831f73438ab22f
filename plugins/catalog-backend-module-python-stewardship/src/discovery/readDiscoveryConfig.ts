import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  GitLabIntegrationConfig,
  ScmIntegrations,
} from '@backstage/integration';
import { z } from 'zod/v3';

/** Where the provider blocks live in app-config. */
export const DISCOVERY_CONFIG_ROOT = 'catalog.providers.pythonStewardship';

/** One `catalog.providers.pythonStewardship.<id>` block, validated. */
export interface DiscoveryConfig {
  id: string;
  host: string;
  group?: string;
  /** Prefix stripped from group paths in entity names (defaults to `group`). */
  orgGroup?: string;
  skipArchived: boolean;
  skipForks: boolean;
  /** Projects read at the same time. */
  concurrency: number;
  /** GitLab requests per rolling minute; unlimited when absent. */
  requestsPerMinute?: number;
  /** The GitLab events that update one project within seconds. */
  events: boolean;
  /** A project is read again once its scan is older than this. */
  maxScanAgeHours: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  integration: GitLabIntegrationConfig;
}

const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, - or _');

const blockSchema = z
  .object({
    host: z.string().min(1),
    group: z
      .string()
      .min(1)
      .regex(/^[^/\s].*[^/\s]$|^[^/\s]$/, 'must be a group path like a/b')
      .optional(),
    orgGroup: z.string().min(1).optional(),
    skipArchived: z.boolean().default(false),
    skipForks: z.boolean().default(true),
    concurrency: z.number().int().min(1).max(64).default(8),
    requestsPerMinute: z.number().int().min(1).optional(),
    events: z.boolean().default(true),
    maxScanAgeHours: z.number().positive().default(24),
    schedule: z.record(z.unknown()),
  })
  .strict();

function describeIssue(prefix: string, issue: z.ZodIssue): string {
  const key = [prefix, ...issue.path].join('.');
  if (issue.code === 'unrecognized_keys') {
    return `${prefix}: unknown key(s) ${issue.keys
      .map(k => `${prefix}.${k}`)
      .join(', ')}`;
  }
  return `${key}: ${issue.message}`;
}

/**
 * Reads every `catalog.providers.pythonStewardship.<id>` block. Returns an
 * empty list when the key is absent, so discovery stays opt-in. Throws an
 * error naming the offending key for anything invalid.
 */
export function readDiscoveryConfigs(config: Config): DiscoveryConfig[] {
  const root = config.getOptionalConfig(DISCOVERY_CONFIG_ROOT);
  if (!root) {
    return [];
  }
  const integrations = ScmIntegrations.fromConfig(config);
  return root.keys().map(id => {
    const prefix = `${DISCOVERY_CONFIG_ROOT}.${id}`;
    const idResult = idSchema.safeParse(id);
    if (!idResult.success) {
      throw new Error(
        `${prefix}: invalid provider id, ${idResult.error.issues[0].message}`,
      );
    }
    const block = root.getConfig(id);
    const parsed = blockSchema.safeParse(block.get());
    if (!parsed.success) {
      throw new Error(
        `Invalid discovery config: ${parsed.error.issues
          .map(issue => describeIssue(prefix, issue))
          .join('; ')}`,
      );
    }
    const integration = integrations.gitlab.byHost(parsed.data.host);
    if (!integration) {
      throw new Error(
        `${prefix}.host: no integrations.gitlab entry for host '${parsed.data.host}'`,
      );
    }
    let schedule: SchedulerServiceTaskScheduleDefinition;
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
        block.getConfig('schedule'),
      );
    } catch (error) {
      throw new Error(`${prefix}.schedule: ${(error as Error).message}`);
    }
    return {
      id,
      host: parsed.data.host,
      group: parsed.data.group,
      orgGroup: parsed.data.orgGroup ?? parsed.data.group,
      concurrency: parsed.data.concurrency,
      ...(parsed.data.requestsPerMinute
        ? { requestsPerMinute: parsed.data.requestsPerMinute }
        : {}),
      events: parsed.data.events,
      maxScanAgeHours: parsed.data.maxScanAgeHours,
      skipArchived: parsed.data.skipArchived,
      skipForks: parsed.data.skipForks,
      schedule,
      integration: integration.config,
    };
  });
}
