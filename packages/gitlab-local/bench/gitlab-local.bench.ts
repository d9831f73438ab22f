import { Gitlab } from '@gitbeaker/rest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGitlabLocal } from '../src/startGitlabLocal';

/**
 * Measures start-up and the read paths discovery and scanning use. Run with
 * `bin/gitlab-local-benchmark [syntheticCount]`; prints one JSON line.
 */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main() {
  const synthetic = Number(process.argv[2] ?? 10_000);
  const dataDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'gitlab-local-bench-'),
  );
  try {
    const [cold, coldMs] = await timed(() => startGitlabLocal({ dataDir }));
    await cold.stop();
    const [gitlab, warmMs] = await timed(() =>
      startGitlabLocal({ dataDir, syntheticProjects: synthetic }),
    );
    const api = new Gitlab({ host: gitlab.url, token: gitlab.token });
    const aiGateway =
      'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist';

    const [projects, keysetMs] = await timed(() =>
      api.Projects.all({
        pagination: 'keyset',
        orderBy: 'id',
        sort: 'asc',
        perPage: 100,
        simple: true,
      }),
    );
    const [groupProjects, groupMs] = await timed(() =>
      api.Groups.allProjects('synthetic', {
        includeSubgroups: true,
        perPage: 100,
        simple: true,
      }),
    );
    const [tree, treeMs] = await timed(() =>
      api.Repositories.allRepositoryTrees(aiGateway, {
        recursive: true,
        perPage: 100,
      }),
    );
    const [, rawMs] = await timed(async () => {
      for (let i = 0; i < 20; i++) {
        await api.RepositoryFiles.showRaw(aiGateway, 'pyproject.toml', 'main');
      }
    });
    const target = projects[projects.length - 1].id;
    const [, firstSyntheticMs] = await timed(() =>
      api.Repositories.allRepositoryTrees(target),
    );
    const [, secondSyntheticMs] = await timed(() =>
      api.Repositories.allRepositoryTrees(target),
    );
    const stats = gitlab.stats();
    await gitlab.stop();

    console.log(
      JSON.stringify({
        synthetic,
        coldStartMs: round(coldMs),
        warmStartWithSyntheticMs: round(warmMs),
        keysetWalk: { projects: projects.length, ms: round(keysetMs) },
        groupWalk: { projects: groupProjects.length, ms: round(groupMs) },
        recursiveTree: { entries: tree.length, ms: round(treeMs) },
        rawFileAvgMs: round(rawMs / 20),
        syntheticTreeFirstMs: round(firstSyntheticMs),
        syntheticTreeSecondMs: round(secondSyntheticMs),
        requests: stats.totalRequests,
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
        loadAverage: os.loadavg()[0].toFixed(1),
      }),
    );
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
