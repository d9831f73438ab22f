import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  GitlabReader,
  PoliteFetchOptions,
} from '@internal/plugin-python-stewardship-node';
import {
  DiscoveryRun,
  DiscoveryStore,
  StoredProject,
} from '../database/DiscoveryStore';
import { DiscoveryConfig, readDiscoveryConfigs } from './readDiscoveryConfig';
import { CATALOG_FILE } from './catalogFile';
import { ProjectEvent } from './gitlabEvents';
import { ListedProject, ProjectScan, scanProject } from './scanProject';
import { toEntity } from './toEntity';

/** Options for tests and tuning. */
export interface GitlabPythonDiscoveryProviderOptions {
  logger: LoggerService;
  store: DiscoveryStore;
  taskRunner?: SchedulerServiceTaskRunner;
  /** Retry tuning of the GitLab reader (tests shorten the waits). */
  fetchOptions?: Omit<PoliteFetchOptions, 'onRequest' | 'requestsPerMinute'>;
}

/** What one scan found, for logs, the status endpoint and tests. */
export type ScanSummary = DiscoveryRun;

async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

/**
 * Discovers Python codebases on GitLab and emits one Component per project,
 * typed by the shared classifier, with owner, maintainers and lifecycle.
 *
 * What each scan learned is stored per project in the database, so a rescan
 * (or a restarted backend, or another instance) reads only projects whose
 * `last_activity_at` or default branch changed; a rename, transfer or
 * archive is remapped from the stored scan without reading the repository.
 * A run whose project list fails applies nothing; a project that cannot be
 * read keeps its previous entity.
 */
export class GitlabPythonDiscoveryProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  readonly reader: GitlabReader;
  private lastRun?: ScanSummary;

  static fromConfig(
    config: Config,
    options: Omit<GitlabPythonDiscoveryProviderOptions, 'taskRunner'> & {
      scheduler: SchedulerService;
    },
  ): GitlabPythonDiscoveryProvider[] {
    return readDiscoveryConfigs(config).map(
      providerConfig =>
        new GitlabPythonDiscoveryProvider(providerConfig, {
          ...options,
          taskRunner: options.scheduler.createScheduledTaskRunner(
            providerConfig.schedule,
          ),
        }),
    );
  }

  constructor(
    readonly config: DiscoveryConfig,
    private readonly options: GitlabPythonDiscoveryProviderOptions,
  ) {
    this.reader = new GitlabReader(
      {
        baseUrl: config.integration.apiBaseUrl,
        token: config.integration.token,
      },
      {
        ...options.fetchOptions,
        requestsPerMinute: config.requestsPerMinute,
      },
    );
  }

  getProviderName(): string {
    return `GitlabPythonDiscoveryProvider:${this.config.id}`;
  }

  /** The newest run of this process (the store holds every instance's). */
  get lastRunSummary(): ScanSummary | undefined {
    return this.lastRun;
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
            `${this.getProviderName()} scan failed; kept the previous entities`,
            error as Error,
          );
        }
      },
    });
  }

  /**
   * Scans GitLab and applies a full mutation. Throws, applying nothing,
   * when the project list cannot be read completely.
   */
  async refresh(logger: LoggerService): Promise<ScanSummary> {
    const connection = this.requireConnection();
    const started = Date.now();
    const requestsBefore = this.reader.requestCount;
    const run: ScanSummary = {
      providerId: this.config.id,
      kind: 'scan',
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      outcome: 'applied',
      projectsSeen: 0,
      projectsChanged: 0,
      projectsFailed: 0,
      requests: 0,
      components: 0,
    };
    const finish = async (patch: Partial<ScanSummary>) => {
      Object.assign(run, patch, {
        durationMs: Date.now() - started,
        requests: this.reader.requestCount - requestsBefore,
      });
      this.lastRun = { ...run };
      await this.options.store
        .addRun(run)
        .catch(error =>
          logger.warn('Could not record the discovery run', error),
        );
      const log = run.outcome === 'failed' ? logger.error : logger.info;
      log.call(logger, `${this.getProviderName()} scan ${run.outcome}`, {
        ...run,
      });
      return run;
    };

    let listed: ListedProject[];
    try {
      listed = await this.listProjects();
    } catch (error) {
      await finish({ outcome: 'failed', error: String(error) });
      throw error;
    }
    const candidates = listed.filter(p => this.wanted(p));
    run.projectsSeen = candidates.length;
    const stored = await this.options.store.listProjects(this.config.id);

    const toRead: ListedProject[] = [];
    const updates: StoredProject[] = [];
    const entities: Entity[] = [];
    for (const project of candidates) {
      const previous = stored.get(project.id);
      if (
        previous &&
        !this.needsRead(project, previous) &&
        !this.scanTooOld(previous, started)
      ) {
        const entity = previous.python
          ? toEntity(project, previous.scan, this.mapOptions)
          : null;
        if (entity) entities.push(entity);
        if (
          JSON.stringify(entity) !== JSON.stringify(previous.entity) ||
          previous.pathWithNamespace !== project.path_with_namespace
        ) {
          run.projectsChanged += 1;
          // Remapped, not read: the scan keeps its age.
          updates.push({
            ...this.stored(project, previous.scan, entity),
            scannedAt: previous.scannedAt,
          });
        }
      } else {
        toRead.push(project);
      }
    }

    const failures: string[] = [];
    await mapPool(toRead, this.config.concurrency, async project => {
      try {
        const scan = await scanProject(this.reader, project, this.mapOptions);
        const entity = scan.python
          ? toEntity(project, scan, this.mapOptions)
          : null;
        if (entity) entities.push(entity);
        updates.push(this.stored(project, scan, entity));
        run.projectsChanged += 1;
      } catch (error) {
        // Keep what the catalog had: never remove what could not be seen.
        const previous = stored.get(project.id);
        if (previous?.entity) entities.push(previous.entity);
        failures.push(project.path_with_namespace);
        logger.warn(
          `Could not read GitLab project ${project.path_with_namespace}; kept its previous entity`,
          error as Error,
        );
      }
    });
    run.projectsFailed = failures.length;

    // The list was complete, so what it no longer holds is gone (deleted,
    // moved out of the group, now a skipped fork or archive).
    const seen = new Set(candidates.map(p => p.id));
    const gone = [...stored.keys()].filter(id => !seen.has(id));
    await this.options.store.upsertProjects(this.config.id, updates);
    await this.options.store.deleteProjects(this.config.id, gone);

    entities.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.locationKeyOf(entity),
      })),
    });
    return finish({
      outcome: failures.length ? 'partial' : 'applied',
      components: entities.length,
      ...(failures.length
        ? { error: `could not read ${failures.join(', ')}` }
        : {}),
    });
  }

  /**
   * Reads one project again (after a push or project event) and applies a
   * delta: at most the project request plus a scan's requests, only for
   * this project. A project that is gone is removed.
   */
  async refreshProject(
    projectIdOrPath: number | string,
    logger: LoggerService,
    event: Pick<ProjectEvent, 'commitId' | 'destroyed' | 'force'> = {
      force: false,
    },
  ): Promise<ScanSummary> {
    const connection = this.requireConnection();
    const started = Date.now();
    const requestsBefore = this.reader.requestCount;
    let project: ListedProject | undefined;
    if (!event.destroyed) {
      try {
        project = (await this.reader.api.Projects.show(
          projectIdOrPath,
        )) as unknown as ListedProject;
      } catch (error) {
        const status = (error as { cause?: { response?: { status?: number } } })
          ?.cause?.response?.status;
        if (status !== 404) throw error;
      }
    }
    let previous: StoredProject | undefined;
    if (project) {
      previous = await this.options.store.getProject(
        this.config.id,
        project.id,
      );
    } else if (typeof projectIdOrPath === 'number') {
      previous = await this.options.store.getProject(
        this.config.id,
        projectIdOrPath,
      );
    } else {
      const all = await this.options.store.listProjects(this.config.id);
      previous = [...all.values()].find(
        p => p.pathWithNamespace === projectIdOrPath,
      );
    }

    const removed: Entity[] = [];
    const added: Entity[] = [];
    let changed = 0;
    if (!project || !this.inScope(project) || !this.wanted(project)) {
      if (previous) {
        if (previous.entity) removed.push(previous.entity);
        await this.options.store.deleteProjects(this.config.id, [
          previous.projectId,
        ]);
        changed = 1;
      }
    } else {
      // GitLab throttles last_activity_at, so a push's commit decides.
      const unchanged =
        previous &&
        !event.force &&
        !this.needsRead(project, previous) &&
        (!event.commitId || event.commitId === previous.commitId);
      const scan = unchanged
        ? previous!.scan
        : await scanProject(this.reader, project, this.mapOptions);
      const entity = scan.python
        ? toEntity(project, scan, this.mapOptions)
        : null;
      if (JSON.stringify(entity) !== JSON.stringify(previous?.entity ?? null)) {
        changed = 1;
        if (
          previous?.entity &&
          previous.entity.metadata.name !== entity?.metadata.name
        ) {
          removed.push(previous.entity);
        }
        if (entity) added.push(entity);
      }
      const row = this.stored(project, scan, entity);
      await this.options.store.upsertProjects(this.config.id, [
        unchanged ? { ...row, scannedAt: previous!.scannedAt } : row,
      ]);
    }
    if (changed) {
      await connection.applyMutation({
        type: 'delta',
        added: added.map(entity => ({
          entity,
          locationKey: this.locationKeyOf(entity),
        })),
        removed: removed.map(entity => ({
          entity,
          locationKey: this.locationKeyOf(entity),
        })),
      });
    }
    const run: ScanSummary = {
      providerId: this.config.id,
      kind: 'event',
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      outcome: 'applied',
      projectsSeen: 1,
      projectsChanged: changed,
      projectsFailed: 0,
      requests: this.reader.requestCount - requestsBefore,
      components: added.length,
    };
    await this.options.store.addRun(run);
    logger.info(
      `${this.getProviderName()} updated ${
        project?.path_with_namespace ?? projectIdOrPath
      } from an event`,
      { ...run },
    );
    return run;
  }

  /**
   * A project's own catalog-info.yaml is keyed by its URL, the key the
   * catalog gives what a registered Location of that file emits (for
   * example the templates' `catalog:register`): both are then one entity
   * from one source, never a conflict or a second copy. Others by provider.
   */
  private locationKeyOf(entity: Entity): string {
    const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    return location?.endsWith(`/${CATALOG_FILE}`)
      ? location
      : this.getProviderName();
  }

  private get mapOptions() {
    return { orgGroup: this.config.orgGroup };
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    return this.connection;
  }

  /** Whether the configured filters keep a project. */
  private wanted(project: ListedProject): boolean {
    if (this.config.skipArchived && project.archived) return false;
    if (this.config.skipForks && project.forked_from_project) return false;
    return true;
  }

  /** Whether a project lies inside the configured group. */
  private inScope(project: ListedProject): boolean {
    const group = this.config.group;
    return !group || project.path_with_namespace.startsWith(`${group}/`);
  }

  /**
   * The repository must be read again when its activity or default branch
   * moved; a transfer also changes inherited members.
   */
  private needsRead(project: ListedProject, previous: StoredProject): boolean {
    return (
      previous.lastActivityAt !== project.last_activity_at ||
      previous.defaultBranch !== (project.default_branch ?? null) ||
      (previous.scan.maintainersSource === 'members' &&
        previous.pathWithNamespace !== project.path_with_namespace)
    );
  }

  /**
   * Membership changes do not move last_activity_at, and GitLab updates it
   * at most hourly: every project is read again once its scan is older than
   * `maxScanAgeHours` (spread over 1 to 1.5 times that, so a first scan's
   * projects do not all expire together).
   */
  private scanTooOld(previous: StoredProject, now: number): boolean {
    const spread = 1 + (previous.projectId % 97) / 194;
    const maxAgeMs = this.config.maxScanAgeHours * 3_600_000 * spread;
    return now - Date.parse(previous.scannedAt) > maxAgeMs;
  }

  private stored(
    project: ListedProject,
    scan: ProjectScan,
    entity: Entity | null,
  ): StoredProject {
    return {
      projectId: project.id,
      pathWithNamespace: project.path_with_namespace,
      lastActivityAt: project.last_activity_at,
      defaultBranch: project.default_branch ?? null,
      commitId: scan.commitId,
      python: scan.python,
      ...(scan.type ? { type: scan.type } : {}),
      ...(entity ? { owner: entity.spec?.owner as string } : {}),
      maintainers: scan.maintainers,
      scan,
      entity,
      scannedAt: new Date().toISOString(),
    };
  }

  /** Every project of the group (or instance), keyset-paginated by id. */
  private async listProjects(): Promise<ListedProject[]> {
    const archived = this.config.skipArchived ? false : undefined;
    const common = {
      archived,
      perPage: 100,
      orderBy: 'id',
      sort: 'asc',
      pagination: 'keyset',
    } as const;
    if (this.config.group) {
      return (await this.reader.api.Groups.allProjects(this.config.group, {
        ...common,
        includeSubgroups: true,
      } as never)) as unknown as ListedProject[];
    }
    return (await this.reader.api.Projects.all(
      common as never,
    )) as unknown as ListedProject[];
  }
}
