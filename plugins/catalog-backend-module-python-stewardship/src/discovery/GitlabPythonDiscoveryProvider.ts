import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Gitlab } from '@gitbeaker/rest';
import {
  ANNOTATION_GITLAB_PROJECT_SLUG,
  ANNOTATION_MAINTAINERS,
  ANNOTATION_REPOSITORY_TYPE,
  classifyRepository,
  createMemorySnapshot,
  planClassificationFetch,
  PYTHON_TAG,
} from '@internal/plugin-python-stewardship-common';
import { CODEOWNERS_PATHS, parseCodeownersDefaultOwners } from './codeowners';
import { DiscoveryConfig, readDiscoveryConfigs } from './readDiscoveryConfig';

type GitlabApi = InstanceType<typeof Gitlab>;

/** The project fields discovery reads from a list page. */
interface ListedProject {
  id: number;
  name: string;
  path: string;
  path_with_namespace: string;
  description?: string | null;
  web_url: string;
  default_branch?: string | null;
  last_activity_at: string;
  archived?: boolean;
  empty_repo?: boolean;
  forked_from_project?: unknown;
  namespace: { kind?: string; full_path: string; path: string };
}

interface CachedProject {
  lastActivityAt: string;
  defaultBranch?: string | null;
  /** The emitted entity, or null when the project is not a Python codebase. */
  entity: Entity | null;
}

/** Root files that mark a Python codebase when languages do not. */
const PYTHON_MARKERS = ['pyproject.toml', 'setup.py', 'requirements.txt'];

const MAINTAINER_ACCESS_LEVEL = 40;

/** Options for tests and tuning. */
export interface GitlabPythonDiscoveryProviderOptions {
  logger: LoggerService;
  scheduler?: SchedulerService;
  taskRunner?: SchedulerServiceTaskRunner;
  /**
   * Waits before each extra attempt of a request that failed with 429 or
   * 5xx after gitbeaker's own retries (which do not wait for Retry-After).
   * Defaults to 5 s and 30 s.
   */
  retryDelaysMs?: number[];
}

function statusOf(error: unknown): number | undefined {
  const cause = (error as { cause?: { response?: { status?: number } } })
    ?.cause;
  return cause?.response?.status;
}

function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) {
    return status === 429 || status >= 500;
  }
  // GitbeakerRetryError: 429/502 persisted through gitbeaker's retries.
  return (error as Error)?.name === 'GitbeakerRetryError';
}

/** Turns a project path into a valid entity name. */
export function toEntityName(path: string): string {
  const name = path
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .slice(0, 63)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return name || 'project';
}

function lastSegment(fullPath: string): string {
  const parts = fullPath.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? fullPath;
}

/**
 * Discovers Python codebases on GitLab and emits one Component per project,
 * typed by the shared classifier, with owner and maintainers.
 *
 * A rescan costs only the project list pages for projects whose
 * `last_activity_at` did not change. A run that cannot read every candidate
 * project applies no mutation, so the catalog keeps the previous state.
 */
export class GitlabPythonDiscoveryProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly cache = new Map<number, CachedProject>();
  private readonly api: GitlabApi;

  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      scheduler?: SchedulerService;
      retryDelaysMs?: number[];
    },
  ): GitlabPythonDiscoveryProvider[] {
    return readDiscoveryConfigs(config).map(providerConfig => {
      if (!options.scheduler) {
        throw new Error(
          `GitlabPythonDiscoveryProvider:${providerConfig.id} needs a scheduler`,
        );
      }
      return new GitlabPythonDiscoveryProvider(providerConfig, {
        ...options,
        taskRunner: options.scheduler.createScheduledTaskRunner(
          providerConfig.schedule,
        ),
      });
    });
  }

  constructor(
    private readonly config: DiscoveryConfig,
    private readonly options: GitlabPythonDiscoveryProviderOptions,
  ) {
    const apiBaseUrl = config.integration.apiBaseUrl;
    this.api = new Gitlab({
      host: apiBaseUrl.replace(/\/api\/v4\/?$/, ''),
      token: config.integration.token ?? '',
    });
  }

  getProviderName(): string {
    return `GitlabPythonDiscoveryProvider:${this.config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const taskRunner = this.options.taskRunner;
    if (!taskRunner) {
      return;
    }
    const id = `${this.getProviderName()}:refresh`;
    await taskRunner.run({
      id,
      fn: async () => {
        const logger = this.options.logger.child({
          class: GitlabPythonDiscoveryProvider.name,
          taskId: id,
          taskInstanceId: crypto.randomUUID(),
        });
        try {
          await this.refresh(logger);
        } catch (error) {
          logger.error(
            `${this.getProviderName()} refresh failed; kept the previous entities`,
            error as Error,
          );
        }
      },
    });
  }

  /**
   * Scans GitLab and applies a full mutation. Throws (and applies nothing)
   * when the list or any candidate project could not be read.
   */
  async refresh(logger: LoggerService): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const started = Date.now();
    const projects = await this.call(() => this.listProjects());
    const entities: Entity[] = [];
    const failures: string[] = [];
    let reused = 0;
    let read = 0;
    for (const project of projects) {
      if (this.config.skipArchived && project.archived) continue;
      if (this.config.skipForks && project.forked_from_project) continue;
      const cached = this.cache.get(project.id);
      if (
        cached &&
        cached.lastActivityAt === project.last_activity_at &&
        cached.defaultBranch === project.default_branch
      ) {
        reused += 1;
        if (cached.entity) entities.push(cached.entity);
        continue;
      }
      try {
        const entity = await this.readProject(project);
        read += 1;
        this.cache.set(project.id, {
          lastActivityAt: project.last_activity_at,
          defaultBranch: project.default_branch,
          entity,
        });
        if (entity) entities.push(entity);
      } catch (error) {
        failures.push(project.path_with_namespace);
        logger.warn(
          `Could not read GitLab project ${project.path_with_namespace}`,
          error as Error,
        );
      }
    }
    // Forget projects that are gone from the list.
    const listed = new Set(projects.map(p => p.id));
    for (const id of this.cache.keys()) {
      if (!listed.has(id)) this.cache.delete(id);
    }
    if (failures.length > 0) {
      throw new Error(
        `${this.getProviderName()}: ${
          failures.length
        } project(s) could not be read (${failures.join(
          ', ',
        )}); no mutation applied`,
      );
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    logger.info('Discovered Python codebases', {
      provider: this.getProviderName(),
      projects: projects.length,
      components: entities.length,
      read,
      reused,
      durationMs: Date.now() - started,
    });
  }

  /** One call with extra, waiting attempts for 429 and 5xx. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    const delays = this.options.retryDelaysMs ?? [5_000, 30_000];
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= delays.length || !isRetryable(error)) {
          throw error;
        }
        await new Promise(resolve => setTimeout(resolve, delays[attempt]));
      }
    }
  }

  private async listProjects(): Promise<ListedProject[]> {
    const archived = this.config.skipArchived ? false : undefined;
    if (this.config.group) {
      const projects = await this.api.Groups.allProjects(this.config.group, {
        includeSubgroups: true,
        archived,
        perPage: 100,
        orderBy: 'id',
        sort: 'asc',
      });
      return projects as unknown as ListedProject[];
    }
    const projects = await this.api.Projects.all({
      archived,
      pagination: 'keyset',
      orderBy: 'id',
      sort: 'asc',
      perPage: 100,
    });
    return projects as unknown as ListedProject[];
  }

  /** Reads one project; returns null when it is not a Python codebase. */
  private async readProject(project: ListedProject): Promise<Entity | null> {
    const ref = project.default_branch;
    if (!ref || project.empty_repo) {
      return null;
    }
    const languages = (await this.call(() =>
      this.api.Projects.showLanguages(project.id),
    )) as Record<string, number>;
    const pythonByLanguage = (languages.Python ?? 0) > 0;
    const tree = await this.call(() => this.listTree(project.id, ref));
    const treeSet = new Set(tree);
    if (
      !pythonByLanguage &&
      !PYTHON_MARKERS.some(marker => treeSet.has(marker))
    ) {
      return null;
    }

    // Only what the classifier reads; the rest it decides from the tree.
    const wanted = planClassificationFetch(tree);
    const codeownersPath = CODEOWNERS_PATHS.find(path => treeSet.has(path));
    const fetched: Record<string, string> = {};
    for (const path of [
      ...wanted,
      ...(codeownersPath ? [codeownersPath] : []),
    ]) {
      fetched[path] = await this.call(() =>
        this.readFile(project.id, path, ref),
      );
    }
    const snapshot = createMemorySnapshot(
      Object.fromEntries(wanted.map(path => [path, fetched[path]])),
      undefined,
      { treePaths: tree },
    );
    const classification = classifyRepository(snapshot);

    let maintainers = codeownersPath
      ? parseCodeownersDefaultOwners(fetched[codeownersPath])
      : [];
    if (maintainers.length === 0) {
      maintainers = await this.call(() => this.maintainersFromMembers(project));
    }
    return this.toEntity(project, classification.type, maintainers);
  }

  private async listTree(projectId: number, ref: string): Promise<string[]> {
    const items = await this.api.Repositories.allRepositoryTrees(projectId, {
      ref,
      recursive: true,
      pagination: 'keyset',
      perPage: 100,
    });
    return items.filter(item => item.type === 'blob').map(item => item.path);
  }

  private async readFile(
    projectId: number,
    path: string,
    ref: string,
  ): Promise<string> {
    const content = await this.api.RepositoryFiles.showRaw(
      projectId,
      path,
      ref,
    );
    return typeof content === 'string' ? content : await content.text();
  }

  private async maintainersFromMembers(
    project: ListedProject,
  ): Promise<string[]> {
    const members = await this.api.ProjectMembers.all(project.id, {
      includeInherited: true,
      perPage: 100,
    });
    return [
      ...new Set(
        members
          .filter(
            member =>
              Number(member.access_level) >= MAINTAINER_ACCESS_LEVEL &&
              (member.state === undefined || member.state === 'active'),
          )
          .map(member => `user:${String(member.username).toLowerCase()}`),
      ),
    ].sort();
  }

  private toEntity(
    project: ListedProject,
    type: string,
    maintainers: string[],
  ): Entity {
    const location = `url:${project.web_url}`;
    const namespace = project.namespace;
    const owner =
      namespace.kind === 'user'
        ? `user:${namespace.path.toLowerCase()}`
        : `group:${lastSegment(namespace.full_path).toLowerCase()}`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: toEntityName(project.path),
        title: project.name,
        ...(project.description ? { description: project.description } : {}),
        tags: [PYTHON_TAG],
        annotations: {
          [ANNOTATION_LOCATION]: location,
          [ANNOTATION_ORIGIN_LOCATION]: location,
          [ANNOTATION_SOURCE_LOCATION]: `url:${project.web_url}/-/tree/${project.default_branch}/`,
          [ANNOTATION_GITLAB_PROJECT_SLUG]: project.path_with_namespace,
          [ANNOTATION_REPOSITORY_TYPE]: type,
          ...(maintainers.length
            ? { [ANNOTATION_MAINTAINERS]: maintainers.join(', ') }
            : {}),
        },
        links: [
          { url: project.web_url, title: 'GitLab project', icon: 'gitlab' },
        ],
      },
      spec: {
        type,
        lifecycle: 'production',
        owner,
      },
    };
  }
}
