import { Gitlab } from '@gitbeaker/rest';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseSeedManifest } from '../seed/loadSeedManifest';
import {
  DEFAULT_SEED_DIR,
  GitlabLocal,
  startGitlabLocal,
  StartGitlabLocalOptions,
} from '../startGitlabLocal';

export const AI_GATEWAY =
  'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist';
export const DUO_WORKFLOW = 'gitlab-org/duo-workflow/duo-workflow-service';
export const PROMPT_LIBRARY =
  'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library';
export const CLOUD_CONNECTOR =
  'gitlab-org/cloud-connector/gitlab-cloud-connector';
export const PRIVATE_LEGACY = 'gitlab-org/quality/triage-report-scripts';

/** How many projects the committed seed holds (others may add to it). */
export const SEED_PROJECT_COUNT = parseSeedManifest(
  readFileSync(path.join(DEFAULT_SEED_DIR, 'manifest.yaml'), 'utf8'),
).projects.length;

export interface TestGitlab {
  gitlab: GitlabLocal;
  dataDir: string;
  /** A gitbeaker client; pass a username to act as that seeded user. */
  api(username?: string): InstanceType<typeof Gitlab>;
  stop(): Promise<void>;
}

/** Starts the server on a random port with its own temporary data dir. */
export async function startTestGitlab(
  options: Partial<StartGitlabLocalOptions> = {},
): Promise<TestGitlab> {
  const dataDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'gitlab-local-test-'),
  );
  const gitlab = await startGitlabLocal({
    dataDir,
    onError: error => {
      throw error;
    },
    ...options,
  });
  return {
    gitlab,
    dataDir,
    api: username =>
      new Gitlab({
        host: gitlab.url,
        token: username ? gitlab.tokens[username] : gitlab.token,
      }),
    stop: async () => {
      await gitlab.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The HTTP status gitbeaker saw when a request failed. */
export async function statusOf(
  promise: Promise<unknown>,
): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { cause?: { response?: Response } }).cause?.response
      ?.status;
  }
}

/** The parsed error body of a failed gitbeaker request. */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ status?: number; description?: string }> {
  try {
    await promise;
  } catch (error) {
    const cause = (
      error as { cause?: { response?: Response; description?: string } }
    ).cause;
    return { status: cause?.response?.status, description: cause?.description };
  }
  throw new Error('Expected the request to fail');
}
