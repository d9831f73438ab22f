import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type { DiscoveryRun } from '@internal/plugin-python-stewardship-common';
import { Knex } from 'knex';
import { ProjectScan } from '../discovery/scanProject';

/** The module shares the catalog's database: its own migrations table. */
const MIGRATIONS_TABLE = 'python_discovery_knex_migrations';
const PROJECTS = 'python_discovery_projects';
const RUNS = 'python_discovery_runs';
const BATCH = 200;

/** What discovery remembers about one project. */
export interface StoredProject {
  projectId: number;
  pathWithNamespace: string;
  lastActivityAt: string;
  defaultBranch: string | null;
  commitId: string | null;
  python: boolean;
  type?: string;
  owner?: string;
  maintainers: string[];
  scan: ProjectScan;
  /** The emitted entity; null when the project is not a Python codebase. */
  entity: Entity | null;
  scannedAt: string;
}

export type { DiscoveryRun };

interface ProjectRow {
  provider_id: string;
  project_id: number | string;
  path_with_namespace: string;
  last_activity_at: string;
  default_branch: string | null;
  commit_id: string | null;
  python: boolean | number;
  type: string | null;
  owner: string | null;
  maintainers: string;
  scan: string;
  entity: string | null;
  scanned_at: string;
}

/**
 * Per-project scan state and run history of GitLab discovery, in the
 * database (SQLite on the demo, PostgreSQL in production), so a restart or
 * another instance reads no unchanged project again.
 */
export class DiscoveryStore {
  static async create(database: DatabaseService): Promise<DiscoveryStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await db.migrate.latest({
        directory: resolvePackagePath(
          '@internal/plugin-catalog-backend-module-python-stewardship',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
      });
    }
    return new DiscoveryStore(db);
  }

  constructor(private readonly db: Knex) {}

  async listProjects(providerId: string): Promise<Map<number, StoredProject>> {
    const rows = (await this.db(PROJECTS).where({
      provider_id: providerId,
    })) as ProjectRow[];
    return new Map(
      rows.map(row => {
        const project = fromRow(row);
        return [project.projectId, project];
      }),
    );
  }

  async getProject(
    providerId: string,
    projectId: number,
  ): Promise<StoredProject | undefined> {
    const row = (await this.db(PROJECTS)
      .where({ provider_id: providerId, project_id: projectId })
      .first()) as ProjectRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async upsertProjects(
    providerId: string,
    projects: StoredProject[],
  ): Promise<void> {
    for (let i = 0; i < projects.length; i += BATCH) {
      const rows = projects.slice(i, i + BATCH).map(p => toRow(providerId, p));
      await this.db(PROJECTS)
        .insert(rows)
        .onConflict(['provider_id', 'project_id'])
        .merge();
    }
  }

  async deleteProjects(providerId: string, projectIds: number[]) {
    for (let i = 0; i < projectIds.length; i += BATCH) {
      await this.db(PROJECTS)
        .where({ provider_id: providerId })
        .whereIn('project_id', projectIds.slice(i, i + BATCH))
        .delete();
    }
  }

  async addRun(run: DiscoveryRun): Promise<void> {
    await this.db(RUNS).insert({
      provider_id: run.providerId,
      kind: run.kind,
      started_at: run.startedAt,
      duration_ms: Math.round(run.durationMs),
      outcome: run.outcome,
      projects_seen: run.projectsSeen,
      projects_changed: run.projectsChanged,
      projects_failed: run.projectsFailed,
      requests: run.requests,
      components: run.components,
      error: run.error?.slice(0, 4000) ?? null,
    });
    // Keep the history short: the newest 100 runs per provider.
    const old = await this.db(RUNS)
      .where({ provider_id: run.providerId })
      .orderBy('id', 'desc')
      .offset(100)
      .limit(1000)
      .select('id');
    if (old.length) {
      await this.db(RUNS)
        .whereIn(
          'id',
          old.map(r => r.id),
        )
        .delete();
    }
  }

  async latestRuns(providerId: string, limit = 10): Promise<DiscoveryRun[]> {
    const rows = await this.db(RUNS)
      .where({ provider_id: providerId })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      providerId: row.provider_id,
      kind: row.kind,
      startedAt: row.started_at,
      durationMs: Number(row.duration_ms),
      outcome: row.outcome,
      projectsSeen: Number(row.projects_seen),
      projectsChanged: Number(row.projects_changed),
      projectsFailed: Number(row.projects_failed),
      requests: Number(row.requests),
      components: Number(row.components),
      ...(row.error ? { error: row.error } : {}),
    }));
  }
}

function toRow(providerId: string, p: StoredProject): ProjectRow {
  return {
    provider_id: providerId,
    project_id: p.projectId,
    path_with_namespace: p.pathWithNamespace,
    last_activity_at: p.lastActivityAt,
    default_branch: p.defaultBranch,
    commit_id: p.commitId,
    python: p.python,
    type: p.type ?? null,
    owner: p.owner ?? null,
    maintainers: JSON.stringify(p.maintainers),
    scan: JSON.stringify(p.scan),
    entity: p.entity ? JSON.stringify(p.entity) : null,
    scanned_at: p.scannedAt,
  };
}

function fromRow(row: ProjectRow): StoredProject {
  return {
    projectId: Number(row.project_id),
    pathWithNamespace: row.path_with_namespace,
    lastActivityAt: row.last_activity_at,
    defaultBranch: row.default_branch,
    commitId: row.commit_id,
    python: Boolean(row.python),
    ...(row.type ? { type: row.type } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    maintainers: JSON.parse(row.maintainers),
    scan: JSON.parse(row.scan),
    entity: row.entity ? JSON.parse(row.entity) : null,
    scannedAt: row.scanned_at,
  };
}
