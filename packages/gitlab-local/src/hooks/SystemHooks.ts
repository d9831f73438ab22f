import { Project, User } from '../model/entities';

/** A system hook, as `POST /hooks` creates it on GitLab. */
export interface SystemHook {
  id: number;
  url: string;
  /** Sent as `X-Gitlab-Token`, which receivers check. */
  token?: string;
  pushEvents: boolean;
  createdAt: string;
}

/** A branch whose commit changed in one push; `before`/`after` are 40 zeros when created/deleted. */
export interface BranchUpdate {
  branch: string;
  before: string;
  after: string;
}

const ZERO = '0'.repeat(40);

/** GitLab's numeric visibility levels in hook payloads. */
const VISIBILITY_LEVELS: Record<string, number> = {
  public: 20,
  internal: 10,
  private: 0,
};

/**
 * GitLab's system hooks, limited to push events: after every push the
 * server POSTs GitLab's push event JSON (`event_name: push`, `ref`,
 * `before`, `after`, `project.path_with_namespace`,
 * `project.default_branch`, ...) to each hook with `X-Gitlab-Event: System
 * Hook` and the hook's token. Deliveries are fire-and-forget, as on GitLab,
 * and their outcome is kept for tests (`deliveries`).
 */
export class SystemHooks {
  readonly hooks: SystemHook[] = [];
  readonly deliveries: Array<{
    hookId: number;
    ref: string;
    status: number | 'failed';
  }> = [];
  private nextId = 1;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  add(input: {
    url: string;
    token?: string;
    pushEvents?: boolean;
  }): SystemHook {
    const hook: SystemHook = {
      id: this.nextId++,
      url: input.url,
      token: input.token,
      pushEvents: input.pushEvents ?? true,
      createdAt: new Date().toISOString(),
    };
    this.hooks.push(hook);
    return hook;
  }

  remove(id: number): boolean {
    const index = this.hooks.findIndex(h => h.id === id);
    if (index < 0) return false;
    this.hooks.splice(index, 1);
    return true;
  }

  /** Sends one push event per updated branch to every hook that wants pushes. */
  firePush(
    project: Project,
    projectPath: string,
    pusher: User | undefined,
    updates: BranchUpdate[],
    baseUrl: string,
  ): Promise<void> {
    const targets = this.hooks.filter(h => h.pushEvents);
    const sends: Promise<void>[] = [];
    for (const update of updates) {
      const ref = `refs/heads/${update.branch}`;
      const webUrl = `${baseUrl}/${projectPath}`;
      const payload = {
        object_kind: 'push',
        event_name: 'push',
        before: update.before || ZERO,
        after: update.after || ZERO,
        ref,
        checkout_sha: update.after || null,
        user_id: pusher?.id ?? null,
        user_username: pusher?.username ?? null,
        user_name: pusher?.name ?? null,
        project_id: project.id,
        project: {
          id: project.id,
          name: project.name,
          path_with_namespace: projectPath,
          default_branch: project.defaultBranch,
          web_url: webUrl,
          git_http_url: `${webUrl}.git`,
          visibility_level: VISIBILITY_LEVELS[project.visibility] ?? 0,
        },
        repository: {
          name: project.name,
          homepage: webUrl,
          git_http_url: `${webUrl}.git`,
        },
        commits: [],
        total_commits_count: 0,
      };
      for (const hook of targets) {
        sends.push(this.deliver(hook, ref, payload));
      }
    }
    return Promise.all(sends).then(() => undefined);
  }

  /**
   * Sends a system event (`project_create`, `project_destroy`,
   * `project_rename`, `project_transfer`, `project_update`,
   * `user_add_to_team`, `user_update_for_team`, `user_remove_from_team`) to
   * every hook: GitLab sends these to all system hooks, whatever their
   * optional event flags.
   */
  fireEvent(payload: { event_name: string } & Record<string, unknown>) {
    const now = new Date().toISOString();
    return Promise.all(
      this.hooks.map(hook =>
        this.deliver(hook, payload.event_name, {
          created_at: now,
          updated_at: now,
          ...payload,
        }),
      ),
    ).then(() => undefined);
  }

  private async deliver(hook: SystemHook, ref: string, payload: unknown) {
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-gitlab-event': 'System Hook',
          ...(hook.token ? { 'x-gitlab-token': hook.token } : {}),
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      this.deliveries.push({ hookId: hook.id, ref, status: response.status });
    } catch (error) {
      this.deliveries.push({ hookId: hook.id, ref, status: 'failed' });
      this.onError(error);
    }
  }
}

/** Branches whose commit differs between two `for-each-ref` listings. */
export function branchUpdates(
  before: Array<{ name: string; commit: string }>,
  after: Array<{ name: string; commit: string }>,
): BranchUpdate[] {
  const old = new Map(before.map(b => [b.name, b.commit]));
  const now = new Map(after.map(b => [b.name, b.commit]));
  const updates: BranchUpdate[] = [];
  for (const [branch, commit] of now) {
    if (old.get(branch) !== commit) {
      updates.push({ branch, before: old.get(branch) ?? ZERO, after: commit });
    }
  }
  for (const [branch, commit] of old) {
    if (!now.has(branch)) updates.push({ branch, before: commit, after: ZERO });
  }
  return updates;
}
