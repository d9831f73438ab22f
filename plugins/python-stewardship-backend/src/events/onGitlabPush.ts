import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams } from '@backstage/plugin-events-node';
import { z } from 'zod/v3';
import { ConformanceStore } from '../database/ConformanceStore';
import { ConformanceScanner } from '../scan/ConformanceScanner';

/** The fields of GitLab's push event we read; GitLab sends many more. */
const pushEventSchema = z.object({
  ref: z.string(),
  project: z.object({
    path_with_namespace: z.string(),
    default_branch: z.string().nullish(),
  }),
});

/**
 * Handles `gitlab.push` (the events module routes GitLab webhooks there
 * after checking their secret token): a push to a project's default branch
 * queues its codebases for a scan, which starts at once. Pushes to other
 * branches change nothing the portal shows.
 */
export function createGitlabPushHandler(options: {
  store: ConformanceStore;
  scanner: ConformanceScanner;
  logger: LoggerService;
}) {
  return async (event: EventParams): Promise<void> => {
    const parsed = pushEventSchema.safeParse(event.eventPayload);
    if (!parsed.success) {
      options.logger.warn(
        `Ignored a GitLab push event without project.path_with_namespace or ref: ${parsed.error.issues
          .map(i => i.path.join('.'))
          .join(', ')}`,
      );
      return;
    }
    const { ref, project } = parsed.data;
    if (
      !project.default_branch ||
      ref !== `refs/heads/${project.default_branch}`
    ) {
      return;
    }
    const entityRefs = await options.store.findByProjectPath(
      project.path_with_namespace,
    );
    if (!entityRefs.length) return;
    options.logger.info(
      `Push to ${project.path_with_namespace}@${
        project.default_branch
      }: scanning ${entityRefs.join(', ')}`,
    );
    await options.scanner.requestScan(entityRefs, 'push');
  };
}
