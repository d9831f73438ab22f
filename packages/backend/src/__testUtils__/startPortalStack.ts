import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs';
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

/**
 * What `./portal start` runs, for end-to-end tests: the local GitLab with its
 * seed on the demo port and the real backend on app-config.yaml (serving the
 * built app), with a fresh in-memory database.
 */
export async function startPortalStack(
  options: Partial<StartBackendOptions> = {},
): Promise<PortalStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-gitlab-'));
  let gitlab: GitlabLocal;
  try {
    gitlab = await startGitlabLocal({ port: DEMO_GITLAB_PORT, dataDir });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(
      `Cannot start the local GitLab on port ${DEMO_GITLAB_PORT} (is ./portal start running? stop it first): ${error}`,
    );
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
