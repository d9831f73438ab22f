import { Entity } from '@backstage/catalog-model';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs';
import os from 'node:os';
import { Client } from 'pg';
import {
  BackendProcess,
  repoRoot,
  startBackendProcess,
  waitForCatalog,
} from './testing/startBackendProcess';

jest.setTimeout(240_000);

// The machine's PostgreSQL (trust auth). Override with PORTAL_TEST_POSTGRES_*.
const pg = {
  host: process.env.PORTAL_TEST_POSTGRES_HOST ?? '127.0.0.1',
  port: process.env.PORTAL_TEST_POSTGRES_PORT ?? '5432',
  user: process.env.PORTAL_TEST_POSTGRES_USER ?? 'postgres',
  password: process.env.PORTAL_TEST_POSTGRES_PASSWORD ?? '',
};

// A unique database prefix isolates this run from others and from real data.
const prefix = `portal_test_${randomBytes(4).toString('hex')}_`;

/** Exactly what an operator sets for app-config.production.yaml. */
function productionEnv(gitlab: GitlabLocal) {
  return {
    PORTAL_BASE_URL: 'http://localhost:7007', // replaced per process below
    POSTGRES_HOST: pg.host,
    POSTGRES_PORT: pg.port,
    POSTGRES_USER: pg.user,
    POSTGRES_PASSWORD: pg.password,
    GITLAB_HOST: gitlab.integration.host,
    GITLAB_TOKEN: gitlab.token,
    GITLAB_ORG_GROUP: 'gitlab-org',
    GITLAB_WEBHOOK_SECRET: 'test-webhook-secret',
    AUTH_GITLAB_CLIENT_ID: 'test-client',
    AUTH_GITLAB_CLIENT_SECRET: 'test-secret',
  };
}

function overrides(gitlab: GitlabLocal) {
  return {
    backend: { database: { prefix } },
    // The local GitLab speaks http; production's integration is https.
    integrations: { gitlab: [gitlab.integration] },
    catalog: {
      // The production file locations are relative to a container's root;
      // the test runs from packages/backend, so it points at the same files.
      locations: [
        { type: 'file', target: path.join(repoRoot, 'catalog-info.yaml') },
        { type: 'file', target: path.join(repoRoot, 'catalog/systems.yaml') },
      ],
    },
  };
}

async function dropTestDatabases() {
  const client = new Client({
    ...pg,
    port: Number(pg.port),
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    return rows.map(r => r.datname as string);
  } finally {
    await client.end();
  }
}

describe('backend on PostgreSQL with the production configuration', () => {
  const backends: BackendProcess[] = [];
  let gitlab: GitlabLocal;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pg-gitlab-'));
    gitlab = await startGitlabLocal({ dataDir });
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop()));
    await gitlab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropTestDatabases();
  });

  it('runs migrations, serves the catalog from GitLab, and scales out to two processes sharing the scan state', async () => {
    const start = (token?: string) =>
      startBackendProcess({
        configFiles: ['app-config.yaml', 'app-config.production.yaml'],
        overrides: overrides(gitlab),
        env: productionEnv(gitlab),
        token,
      });

    // Two processes sharing one database must both become ready: they race
    // for the migration lock and the scheduler's task locks.
    const first = await start();
    backends.push(first);
    const second = await start(first.token);
    backends.push(second);

    for (const backend of [first, second]) {
      const body = await waitForCatalog<{ items: Entity[] }>(
        backend,
        'entities/by-query?filter=kind=component,metadata.tags=python&limit=50',
        b =>
          b.items.some(
            e =>
              e.metadata.name ===
                'modelops-applied-ml-code-suggestions-ai-assist' &&
              (e.relations ?? []).some(r => r.type === 'maintainedBy'),
          ),
        120_000,
      );
      const gateway = body.items.find(
        e =>
          e.metadata.name === 'modelops-applied-ml-code-suggestions-ai-assist',
      )!;
      expect(gateway.relations).toEqual(
        expect.arrayContaining([
          {
            type: 'ownedBy',
            targetRef: 'group:default/modelops-applied-ml-code-suggestions',
          },
          {
            type: 'maintainedBy',
            targetRef: 'group:default/maintainers-ai-gateway',
          },
        ]),
      );
    }

    // The catalog's tables and discovery's scan state really live in
    // PostgreSQL, under this run's prefix: one scan, shared by both.
    const client = new Client({
      ...pg,
      port: Number(pg.port),
      database: `${prefix}catalog`,
    });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT count(*)::int AS n FROM final_entities WHERE final_entity LIKE \'%"modelops-applied-ml-code-suggestions-ai-assist"%\'',
      );
      expect(rows[0].n).toBe(1);
      const migrations = await client.query(
        'SELECT count(*)::int AS n FROM knex_migrations',
      );
      expect(migrations.rows[0].n).toBeGreaterThan(0);
      const projects = await client.query(
        'SELECT count(*)::int AS n FROM python_discovery_projects WHERE python',
      );
      expect(projects.rows[0].n).toBe(8);
      const runs = await client.query(
        "SELECT count(*)::int AS n FROM python_discovery_runs WHERE kind = 'scan'",
      );
      expect(runs.rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
