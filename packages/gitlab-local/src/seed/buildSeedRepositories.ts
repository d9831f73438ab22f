import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  FastImportStream,
  InitialCommit,
  writeBareSkeleton,
} from '../git/createRepository';

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

/**
 * Imports every seed commit into one shared object store with a single
 * `git fast-import`, and returns each job's commit sha (index order).
 */
async function buildObjectStore(
  jobs: SeedRepositoryJob[],
  storeDir: string,
): Promise<string[]> {
  await writeBareSkeleton(storeDir, 'main');
  const stream = new FastImportStream();
  jobs.forEach((job, index) =>
    stream.commit(`refs/heads/seed/${index}`, job.commit, index + 1),
  );
  const marksFile = path.join(storeDir, 'seed-marks');
  await stream.run(storeDir, marksFile);
  const shas: string[] = [];
  for (const line of (await fs.readFile(marksFile, 'utf8')).split('\n')) {
    const match = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (match) shas[Number(match[1]) - 1] = match[2];
  }
  return shas;
}

/**
 * Builds the seeded bare repositories. All seed commits live in one object
 * store under `cacheDir`, built once per distinct seed with one git process;
 * each project repository borrows its objects through
 * `objects/info/alternates` (as GitLab's fork object pools do) and keeps its
 * own refs and any objects pushed later. A start with an unchanged seed runs
 * no git process at all, which matters on busy hosts where spawning is slow.
 */
export async function buildSeedRepositories(
  jobs: SeedRepositoryJob[],
  cacheDir: string,
): Promise<void> {
  const key = fingerprint(jobs);
  const cached = path.join(cacheDir, key);
  const storeDir = path.join(cached, 'objects.git');
  const shasFile = path.join(cached, 'shas.json');
  let shas: string[] | undefined = await fs
    .readFile(shasFile, 'utf8')
    .then(text => JSON.parse(text) as string[])
    .catch(() => undefined);
  if (!shas || shas.length !== jobs.length) {
    // Build beside the cache and rename, so a crash never leaves half a store.
    const staging = path.join(cacheDir, `.staging-${randomUUID()}`);
    shas = await buildObjectStore(jobs, path.join(staging, 'objects.git'));
    await fs.writeFile(path.join(staging, 'shas.json'), JSON.stringify(shas));
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
  const objects = path.join(storeDir, 'objects');
  const commitShas = shas;
  await Promise.all(
    jobs.map(async (job, index) => {
      await writeBareSkeleton(job.gitDir, job.defaultBranch);
      await fs.writeFile(
        path.join(job.gitDir, 'objects', 'info', 'alternates'),
        `${objects}\n`,
      );
      for (const branch of [job.defaultBranch, ...job.extraBranches]) {
        const refFile = path.join(job.gitDir, 'refs', 'heads', branch);
        await fs.mkdir(path.dirname(refFile), { recursive: true });
        await fs.writeFile(refFile, `${commitShas[index]}\n`);
      }
    }),
  );
}
