import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams } from '@backstage/plugin-events-node';

/**
 * The `@backstage/plugin-events-backend-module-gitlab` topics that change
 * what discovery emits for one project (system hooks and project hooks):
 * pushes, project create/destroy/rename/transfer/update, and membership.
 */
export const DISCOVERY_TOPICS = [
  'gitlab.push',
  'gitlab.project_create',
  'gitlab.project_destroy',
  'gitlab.project_rename',
  'gitlab.project_transfer',
  'gitlab.project_update',
  'gitlab.user_add_to_team',
  'gitlab.user_remove_from_team',
  'gitlab.user_update_for_team',
];

/** What an event asks discovery to do for one project. */
export interface ProjectEvent {
  projectId: number;
  /** For pushes: the new commit of the default branch. */
  commitId?: string;
  /** The project is gone (project_destroy). */
  destroyed?: boolean;
  /** Read the repository and members even if the activity looks unchanged. */
  force: boolean;
}

type Payload = Record<string, any>;

/**
 * Maps a GitLab event to the project it concerns, or undefined when it
 * changes nothing discovery emits (a push to another branch, a tag push).
 */
export function projectEventOf(params: EventParams): ProjectEvent | undefined {
  const payload = (params.eventPayload ?? {}) as Payload;
  const kind = params.topic.replace(/^gitlab\./, '');
  const projectId = Number(payload.project_id ?? payload.project?.id);
  if (!Number.isInteger(projectId) || projectId <= 0) return undefined;
  if (kind === 'push') {
    const branch = payload.project?.default_branch;
    if (branch && payload.ref !== `refs/heads/${branch}`) return undefined;
    const after = typeof payload.after === 'string' ? payload.after : '';
    return {
      projectId,
      ...(after && !/^0+$/.test(after) ? { commitId: after } : {}),
      force: false,
    };
  }
  if (kind === 'project_destroy') {
    return { projectId, destroyed: true, force: false };
  }
  if (kind.startsWith('project_') || kind.startsWith('user_')) {
    // Membership and settings do not move last_activity_at: read again.
    return { projectId, force: kind.startsWith('user_') };
  }
  return undefined;
}

/**
 * Runs event updates one at a time per project; a burst of events for one
 * project while it is being read results in one more read, not one each.
 */
export class ProjectEventQueue {
  private readonly running = new Map<number, Promise<void>>();
  private readonly pending = new Map<number, ProjectEvent>();

  constructor(
    private readonly apply: (event: ProjectEvent) => Promise<void>,
    private readonly logger: LoggerService,
  ) {}

  push(event: ProjectEvent): Promise<void> {
    const current = this.running.get(event.projectId);
    if (current) {
      const queued = this.pending.get(event.projectId);
      this.pending.set(event.projectId, {
        ...event,
        force: event.force || Boolean(queued?.force),
      });
      return current;
    }
    const run = (async () => {
      let next: ProjectEvent | undefined = event;
      while (next) {
        try {
          await this.apply(next);
        } catch (error) {
          this.logger.warn(
            `Discovery could not update GitLab project ${next.projectId} from an event; the next scan will`,
            error as Error,
          );
        }
        next = this.pending.get(event.projectId);
        this.pending.delete(event.projectId);
      }
    })().finally(() => this.running.delete(event.projectId));
    this.running.set(event.projectId, run);
    return run;
  }
}
