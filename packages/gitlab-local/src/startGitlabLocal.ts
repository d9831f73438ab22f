import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApiRouter } from './api/apiRouter';
import { GitRepositories } from './git/GitRepositories';
import { installProtectedBranchHook } from './git/protectedBranchHook';
import { ApiServices } from './http/ApiContext';
import { createRequestHandler } from './http/createRequestHandler';
import { SystemHooks } from './hooks/SystemHooks';
import { FaultInjector, Faults } from './http/faults';
import { RequestStats, Stats } from './http/RequestStats';
import { GitlabStore } from './model/GitlabStore';
import { OAuthApplication, OAuthState } from './oauth/OAuthState';
import { applySeed } from './seed/applySeed';
import { loadSeedManifest } from './seed/loadSeedManifest';
import {
  addSyntheticProjects,
  syntheticRepositoryContent,
} from './seed/syntheticProjects';

/** The example repositories committed with this package. */
export const DEFAULT_SEED_DIR = resolvePackagePath(
  '@internal/gitlab-local',
  'seed',
);

/** @public */
export interface StartGitlabLocalOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Where the bare git repositories live. Repositories are rebuilt on start. */
  dataDir: string;
  /** Folder with `manifest.yaml` and `repos/`; default the committed seed. */
  seedDir?: string;
  /**
   * Fixed base URL for links in responses (GitLab's `external_url`), e.g.
   * when behind a proxy. Default: the Host the client used.
   */
  externalUrl?: string;
  /** Faults active from the first request; change later with setFaults. */
  faults?: Faults;
  /** Extra generated projects under `synthetic/` (repositories built lazily). */
  syntheticProjects?: number;
  /** Called with unexpected request failures; default logs to stderr. */
  onError?: (error: unknown) => void;
  /**
   * Least time between two updates of a project's `last_activity_at`;
   * default one hour, as on GitLab. 0 updates it on every push or edit.
   */
  activityThrottleMs?: number;
  /** System hooks present from the start (push events after every push). */
  systemHooks?: Array<{ url: string; token?: string }>;
}

/** @public */
export interface GitlabLocal {
  /** Web and git base URL, e.g. http://127.0.0.1:7080 (or `externalUrl`). */
  url: string;
  /** Where the server listens, which differs from `url` behind a proxy. */
  listenUrl: string;
  /** REST base URL, `${url}/api/v4`. */
  apiUrl: string;
  /** The admin (root) token. */
  token: string;
  /**
   * This server as an `integrations.gitlab` entry of Backstage config, with
   * the admin token; what every test that runs Backstage's GitLab code needs.
   */
  integration: {
    host: string;
    baseUrl: string;
    apiBaseUrl: string;
    token: string;
  };
  /** Tokens of every seeded user, by username. */
  tokens: Record<string, string>;
  /** The seeded OAuth applications (client id, secret, redirect URIs, scopes). */
  oauthApplications: OAuthApplication[];
  stop(): Promise<void>;
  setFaults(faults: Faults): void;
  stats(): Stats;
  resetStats(): void;
  /** System hooks and their deliveries so far. */
  systemHooks: SystemHooks;
}

/**
 * Starts a local GitLab: REST API v4 subset, git smart HTTP and the
 * `/-/local/` control endpoints, seeded from `seedDir`.
 *
 * @public
 */
export async function startGitlabLocal(
  options: StartGitlabLocalOptions,
): Promise<GitlabLocal> {
  const seedDir = path.resolve(options.seedDir ?? DEFAULT_SEED_DIR);
  const manifest = await loadSeedManifest(seedDir);

  const dataDir = path.resolve(options.dataDir);
  const repositoriesDir = path.join(dataDir, 'repositories');
  const seedCacheDir = path.join(dataDir, 'seed-cache');
  // State lives in memory, so repositories from an earlier run would be orphans.
  await fs.rm(repositoriesDir, { recursive: true, force: true });
  await fs.mkdir(repositoriesDir, { recursive: true });
  await fs.mkdir(seedCacheDir, { recursive: true });

  const store = new GitlabStore();
  store.activityThrottleMs = options.activityThrottleMs ?? 3_600_000;
  const repos = new GitRepositories(
    repositoriesDir,
    syntheticRepositoryContent,
  );
  await applySeed({ manifest, seedDir, store, repos, cacheDir: seedCacheDir });
  const admin = [...store.users.values()].find(u => u.isAdmin)!;
  addSyntheticProjects(store, options.syntheticProjects ?? 0, admin.id);

  const faults = new FaultInjector(options.faults);
  const stats = new RequestStats();
  const hooksDir = path.join(dataDir, 'hooks');
  await installProtectedBranchHook(hooksDir);
  const oauth = new OAuthState(manifest.oauthApplications);
  const systemHooks = new SystemHooks(error =>
    console.error('gitlab-local: system hook delivery failed', error),
  );
  for (const hook of options.systemHooks ?? []) systemHooks.add(hook);
  const services: ApiServices = {
    store,
    repos,
    hooksDir,
    oauth,
    baseUrl: '',
    systemHooks,
  };
  const handler = createRequestHandler({
    services,
    router: createApiRouter(),
    faults,
    stats,
    externalUrl: options.externalUrl?.replace(/\/+$/, ''),
    onError:
      options.onError ??
      (error => console.error('gitlab-local: request failed', error)),
  });
  const server = http.createServer((req, res) => {
    handler(req, res).catch(error => {
      console.error('gitlab-local: unhandled error', error);
      res.destroy();
    });
  });
  // Injected drops destroy sockets; keep-alive sockets must not hold stop() up.
  server.keepAliveTimeout = 1000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const listenUrl = `http://${
    urlHost.includes(':') ? `[${urlHost}]` : urlHost
  }:${port}`;
  const url = options.externalUrl?.replace(/\/+$/, '') ?? listenUrl;
  services.baseUrl = url;

  return {
    url,
    listenUrl,
    apiUrl: `${url}/api/v4`,
    token: admin.tokens[0],
    integration: {
      host: new URL(url).host,
      baseUrl: url,
      apiBaseUrl: `${url}/api/v4`,
      token: admin.tokens[0],
    },
    tokens: Object.fromEntries(
      [...store.users.values()].map(u => [u.username, u.tokens[0]]),
    ),
    oauthApplications: oauth.listApplications(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    setFaults: f => faults.set(f),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    systemHooks,
  };
}
