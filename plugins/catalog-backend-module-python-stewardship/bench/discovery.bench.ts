/* eslint-disable no-console */
import { ConfigReader } from '@backstage/config';
import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { Gitlab } from '@gitbeaker/rest';
import { startGitlabLocal } from '@internal/gitlab-local';
import knexFactory from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiscoveryStore } from '../src/database/DiscoveryStore';
import { GitlabPythonDiscoveryProvider } from '../src/discovery/GitlabPythonDiscoveryProvider';

/**
 * Our discovery against the stock `@backstage/plugin-catalog-backend-module-gitlab`
 * discovery, in one process, on the local GitLab with N synthetic projects
 * and added latency per request: a first run, an unchanged rescan and a
 * rescan after 1% of the projects changed, each with wall time, GitLab
 * requests (from the local GitLab's counters) and peak RSS.
 *
 *   yarn workspace @internal/plugin-catalog-backend-module-python-stewardship bench [projects] [latencyMs]
 */

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as any;

async function measure(work: () => Promise<unknown>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = Date.now();
  await work();
  const seconds = (Date.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakRssMb: Math.round(peak / 1e6) };
}

async function main() {
  const count = Number(process.argv[2] ?? 5000);
  const latencyMs = Number(process.argv[3] ?? 20);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'discovery-bench-'));
  const gitlab = await startGitlabLocal({
    dataDir,
    syntheticProjects: count,
    faults: { latencyMs },
  });
  const api = new Gitlab({ host: gitlab.url, token: gitlab.token });
  const host = gitlab.integration.host;
  const config = new ConfigReader({
    integrations: { gitlab: [gitlab.integration] },
    catalog: {
      providers: {
        pythonStewardship: {
          bench: {
            host,
            group: 'synthetic',
            concurrency: 8,
            schedule: { frequency: { minutes: 30 }, timeout: 'PT1H' },
          },
        },
        gitlab: {
          bench: {
            host,
            group: 'synthetic',
            branch: 'main',
            entityFilename: 'catalog-info.yaml',
            schedule: { frequency: { minutes: 30 }, timeout: 'PT1H' },
          },
        },
      },
    },
  });
  const scheduler = {
    createScheduledTaskRunner: () => ({ run: async () => {} }),
  } as any;
  const results: Record<string, unknown>[] = [];
  const record = async (
    provider: string,
    phase: string,
    work: () => Promise<unknown>,
  ) => {
    gitlab.resetStats();
    const { seconds, peakRssMb } = await measure(work);
    const requests = gitlab.stats().totalRequests;
    const row = { provider, phase, seconds, requests, peakRssMb };
    results.push(row);
    console.error(JSON.stringify(row));
  };

  // The synthetic repositories are generated on their first read; build
  // them all first (untimed) so neither provider pays for it.
  const projects = (await api.Groups.allProjects('synthetic', {
    includeSubgroups: true,
    perPage: 100,
  })) as Array<{ id: number; default_branch: string }>;
  gitlab.setFaults({});
  for (let i = 0; i < projects.length; i += 16) {
    await Promise.all(
      projects.slice(i, i + 16).map(p =>
        api.Repositories.allRepositoryTrees(p.id, {
          ref: 'main',
          perPage: 100,
          maxPages: 1,
        }),
      ),
    );
  }
  gitlab.setFaults({ latencyMs });
  const changeOnePercent = async () => {
    gitlab.setFaults({});
    for (const project of projects.filter((_, i) => i % 100 === 7)) {
      // An edit moves last_activity_at (once an hour, as on GitLab).
      await api.Projects.edit(project.id, { description: 'changed' });
    }
    gitlab.setFaults({ latencyMs });
  };

  // Ours: state in a database (SQLite in memory here).
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await DiscoveryStore.create({ getClient: async () => knex });
  const [ours] = GitlabPythonDiscoveryProvider.fromConfig(config, {
    logger: silent,
    scheduler,
    store,
  });
  let components = 0;
  await ours.connect({
    applyMutation: async (m: any) => {
      components = m.entities?.length ?? components;
    },
    refresh: async () => {},
  });
  await record('ours', 'first run', () => ours.refresh(silent));
  await record('ours', 'unchanged rescan', () => ours.refresh(silent));
  await changeOnePercent();
  await record('ours', 'rescan after 1% changed', () => ours.refresh(silent));

  // Stock: every refresh lists the projects and checks each for the file.
  const [stock] = GitlabDiscoveryEntityProvider.fromConfig(config, {
    logger: silent,
    scheduler,
  });
  let locations = 0;
  await stock.connect({
    applyMutation: async (m: any) => {
      locations = m.entities?.length ?? locations;
    },
    refresh: async () => {},
  });
  await record('stock', 'first run', () => stock.refresh(silent));
  await record('stock', 'unchanged rescan', () => stock.refresh(silent));
  await changeOnePercent();
  await record('stock', 'rescan after 1% changed', () => stock.refresh(silent));

  console.log(
    JSON.stringify({
      projects: count,
      latencyMs,
      pythonComponents: components,
      stockLocations: locations,
      results,
    }),
  );
  await knex.destroy();
  await gitlab.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
