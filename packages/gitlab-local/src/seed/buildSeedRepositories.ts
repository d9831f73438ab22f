import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRepository, InitialCommit } from '../git/createRepository';

export interface SeedRepositoryJob {
  gitDir: string;
  defaultBranch: string;
  extraBranches: string[];
  commit: InitialCommit;
}

/** Changes whenever any seeded byte, date, author or branch changes. */
function fingerprint(jobs: SeedRepositoryJob[]): string {
  const hash = createHash('sha256');
  for (const job of jobs) {
    const { commit } = job;
    hash.update(
      JSON.stringify([
        path.basename(job.gitDir),
        job.defaultBranch,
        job.extraBranches,
        commit.message,
        commit.authorName,
        commit.authorEmail,
        commit.date.toISOString(),
      ]),
    );
    for (const file of commit.files) {
      hash.update(
        `${file.path}\0${file.executable ? 'x' : '-'}\0${
          file.content.length
        }\0`,
      );
      hash.update(file.content);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Runs `worker` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  worker: (item: T) => Promise<void>,
) {
  let next = 0;
  const lanes = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        await worker(items[next++]);
      }
    },
  );
  await Promise.all(lanes);
}

async function buildAll(
  jobs: SeedRepositoryJob[],
  dirFor: (job: SeedRepositoryJob) => string,
) {
  // One git process per repository; a few at a time keeps start-up quick
  // without starving a shared machine.
  await forEachLimited(jobs, 4, job =>
    createRepository({
      gitDir: dirFor(job),
      defaultBranch: job.defaultBranch,
      extraBranches: job.extraBranches,
      commit: job.commit,
    }),
  );
}

/**
 * Builds the seeded bare repositories. With a cache folder, repositories are
 * built once per distinct seed and later starts only copy them, which keeps
 * start-up fast on busy hosts where spawning git is slow.
 */
export async function buildSeedRepositories(
  jobs: SeedRepositoryJob[],
  cacheDir?: string,
) {
  if (!cacheDir) {
    await buildAll(jobs, job => job.gitDir);
    return;
  }
  const key = fingerprint(jobs);
  const cached = path.join(cacheDir, key);
  const hit = await fs.stat(cached).then(
    () => true,
    () => false,
  );
  if (!hit) {
    // Build beside the cache and rename, so a crash never leaves half a cache.
    const staging = path.join(cacheDir, `.staging-${randomUUID()}`);
    await buildAll(jobs, job => path.join(staging, path.basename(job.gitDir)));
    for (const entry of await fs.readdir(cacheDir)) {
      if (entry !== path.basename(staging)) {
        await fs.rm(path.join(cacheDir, entry), {
          recursive: true,
          force: true,
        });
      }
    }
    await fs.rename(staging, cached);
  }
  await Promise.all(
    jobs.map(job =>
      fs.cp(path.join(cached, path.basename(job.gitDir)), job.gitDir, {
        recursive: true,
      }),
    ),
  );
}
