import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  StartBackendOptions,
  startBackendProcess,
} from '../testing/startBackendProcess';

/** The demo GitLab's port: the templates' RepoUrlPicker allows only this host. */
export const DEMO_GITLAB_PORT = 7080;

export interface PortalStack {
  backend: BackendProcess;
  gitlab: GitlabLocal;
  stop(): Promise<void>;
}

/** How long a browser suite waits for another suite's stack to stop. */
const PORT_WAIT_MS = 12 * 60 * 1000;

async function waitForFreePort(port: number, deadline: number) {
  for (;;) {
    const free = await new Promise<boolean>(resolve => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free || Date.now() > deadline) return;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

/**
 * What `./portal start` runs, for end-to-end tests: the local GitLab with its
 * seed on the demo port and the real backend on app-config.yaml (serving the
 * built app), with a fresh in-memory database.
 */
export async function startPortalStack(
  options: Partial<StartBackendOptions> = {},
): Promise<PortalStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-gitlab-'));
  let gitlab: GitlabLocal | undefined;
  // Browser suites run in parallel jest workers but share the demo port: the
  // port is the lock, so a suite waits until the one before it has stopped.
  const deadline = Date.now() + PORT_WAIT_MS;
  for (;;) {
    await waitForFreePort(DEMO_GITLAB_PORT, deadline);
    try {
      gitlab = await startGitlabLocal({ port: DEMO_GITLAB_PORT, dataDir });
      break;
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
      if (!inUse || Date.now() > deadline) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        throw new Error(
          `Cannot start the local GitLab on port ${DEMO_GITLAB_PORT} (is ./portal start running? stop it first): ${error}`,
        );
      }
    }
  }
  const stopGitlab = async () => {
    await gitlab.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let backend: BackendProcess;
  try {
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      ...options,
      overrides: {
        ...options.overrides,
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
      },
    });
  } catch (error) {
    await stopGitlab();
    throw error;
  }
  return {
    backend,
    gitlab,
    async stop() {
      await backend.stop();
      await stopGitlab();
    },
  };
}
