import { z } from 'zod/v3';
import { GitRepositories } from '../git/GitRepositories';
import { Group, Project, User } from '../model/entities';
import { GitlabStore } from '../model/GitlabStore';
import { SystemHooks } from '../hooks/SystemHooks';
import { OAuthState } from '../oauth/OAuthState';
import { GitlabError } from './GitlabError';
import { paginateOffset } from './pagination';
import { parseParams } from './params';

export interface ApiServices {
  store: GitlabStore;
  repos: GitRepositories;
  /** Shared git hooks (see protectedBranchHook). */
  hooksDir: string;
  /** OAuth applications, sessions and tokens (src/oauth). */
  oauth: OAuthState;
  /** External base URL, e.g. http://127.0.0.1:7080 (no trailing slash). */
  baseUrl: string;
  /** System hooks: push events POSTed after every push. */
  systemHooks?: SystemHooks;
}

/** Everything a route handler needs about one authenticated API request. */
export class ApiContext {
  constructor(
    readonly services: ApiServices,
    readonly user: User,
    readonly method: string,
    readonly url: URL,
    readonly params: Record<string, string>,
    /** Query and body parameters merged, body winning (GitLab reads both). */
    readonly input: Record<string, unknown>,
  ) {}

  get store(): GitlabStore {
    return this.services.store;
  }

  get repos(): GitRepositories {
    return this.services.repos;
  }

  get baseUrl(): string {
    return this.services.baseUrl;
  }

  get query(): URLSearchParams {
    return this.url.searchParams;
  }

  parse<T extends z.ZodTypeAny>(schema: T): z.infer<T> {
    return parseParams(schema, this.input);
  }

  /** The project named by `:id`, or GitLab's 404 when it is missing or hidden. */
  project(): Project {
    const project = this.store.findProject(this.params.id);
    if (!project || !this.store.canReadProject(this.user, project)) {
      throw GitlabError.notFound('Project');
    }
    return project;
  }

  /** Like project(), then 403 unless the user has at least `level` access. */
  projectWithAccess(level: number): Project {
    const project = this.project();
    if (!this.store.hasProjectAccess(this.user, project, level)) {
      throw GitlabError.forbidden();
    }
    return project;
  }

  group(): Group {
    const group = this.store.findGroup(this.params.id);
    if (!group || !this.store.canReadGroup(this.user, group)) {
      throw GitlabError.notFound('Group');
    }
    return group;
  }

  groupWithAccess(level: number): Group {
    const group = this.group();
    if (!this.store.hasGroupAccess(this.user, group, level)) {
      throw GitlabError.forbidden();
    }
    return group;
  }

  /** Offset-paginated JSON list, the default for every GitLab list endpoint. */
  paginated<T>(items: T[], toJson: (item: T) => unknown) {
    const page = paginateOffset(items, this.query, this.url);
    return { json: page.items.map(toJson), headers: page.headers };
  }
}
