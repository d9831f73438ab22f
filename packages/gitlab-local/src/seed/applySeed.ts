import fs from 'node:fs/promises';
import path from 'node:path';
import { RepositoryFile } from '../git/createRepository';
import { GitRepositories } from '../git/GitRepositories';
import { Project } from '../model/entities';
import { GitlabStore } from '../model/GitlabStore';
import {
  buildSeedRepositories,
  SeedRepositoryJob,
} from './buildSeedRepositories';
import { seedRepoFolder } from './loadSeedManifest';
import { SeedManifest, SeedProject } from './manifestSchema';

const SEED_EPOCH = '2024-01-01T00:00:00.000Z';

/** GitLab prints timestamps with milliseconds in UTC. */
const normalizeDate = (date: string | undefined) =>
  new Date(date ?? SEED_EPOCH).toISOString();

/** Reads a folder into repository files, keeping executable bits. */
export async function readRepositoryFiles(
  root: string,
): Promise<RepositoryFile[]> {
  const files: RepositoryFile[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else if (entry.isFile()) {
          const [content, stat] = await Promise.all([
            fs.readFile(full),
            fs.stat(full),
          ]);
          files.push({
            path: path.relative(root, full).split(path.sep).join('/'),
            content,
            executable: (stat.mode & 0o111) !== 0,
          });
        }
      }),
    );
  };
  await walk(root);
  // A stable order gives the same tree (and commit ids) on every start.
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Loads users, groups and projects into the store and builds their repositories. */
export async function applySeed(options: {
  manifest: SeedManifest;
  seedDir: string;
  store: GitlabStore;
  repos: GitRepositories;
  /** Holds the shared seed object store between starts (see buildSeedRepositories). */
  cacheDir: string;
}): Promise<void> {
  const { manifest, seedDir, store, repos } = options;

  for (const user of manifest.users) {
    store.addUser({
      username: user.username,
      name: user.name,
      email: user.email,
      isAdmin: user.admin,
      tokens: user.tokens ?? [`glpat-local-${user.username}`],
      createdAt: normalizeDate(user.createdAt),
    });
  }
  const userId = (username: string) => store.userByUsername(username)!.id;

  for (const seed of manifest.groups) {
    const slash = seed.path.lastIndexOf('/');
    const parent =
      slash > 0 ? store.findGroup(seed.path.slice(0, slash)) : undefined;
    const group = store.addGroup({
      name: seed.name,
      path: seed.path.slice(slash + 1),
      parentId: parent?.id ?? null,
      description: seed.description,
      visibility: seed.visibility,
      createdAt: normalizeDate(seed.createdAt),
    });
    for (const [username, level] of Object.entries(seed.members)) {
      group.members.set(userId(username), level);
    }
  }

  const admin = manifest.users.find(u => u.admin)!;
  const byPath = new Map(manifest.projects.map(p => [p.path, p]));
  const created: Array<{ seed: SeedProject; project: Project }> = [];
  for (const seed of manifest.projects) {
    const slash = seed.path.lastIndexOf('/');
    const namespace = store.findNamespace(seed.path.slice(0, slash))!;
    const lastCommitAt = normalizeDate(seed.lastCommitAt);
    const project = store.addProject({
      name: seed.name ?? seed.path.slice(slash + 1),
      path: seed.path.slice(slash + 1),
      namespaceId: namespace.id,
      creatorId: userId(seed.commitAuthor ?? admin.username),
      description: seed.description,
      visibility: seed.visibility,
      defaultBranch: seed.defaultBranch,
      topics: seed.topics,
      archived: seed.archived,
      forkedFromProjectId: seed.forkOf
        ? store.findProject(seed.forkOf)!.id
        : null,
      createdAt: normalizeDate(seed.createdAt),
      lastActivityAt: lastCommitAt,
      hasCommits: true,
      merge: seed.merge,
      approvals: seed.approvals,
    });
    for (const [username, level] of Object.entries(seed.members)) {
      project.members.set(userId(username), level);
    }
    project.protectedBranches = seed.protectedBranches.map(branch => ({
      id: store.allocateChildId(),
      ...branch,
    }));
    project.approvalRules = seed.approvalRules.map(rule => ({
      id: store.allocateChildId(),
      name: rule.name,
      ruleType: rule.ruleType,
      approvalsRequired: rule.approvalsRequired,
      userIds: rule.users.map(userId),
      groupIds: rule.groups.map(g => store.findGroup(g)!.id),
      protectedBranchIds: project.protectedBranches
        .filter(b => rule.protectedBranches.includes(b.name))
        .map(b => b.id),
      appliesToAllProtectedBranches: false,
    }));
    created.push({ seed, project });
  }

  const jobs: SeedRepositoryJob[] = await Promise.all(
    created.map(async ({ seed, project }) => {
      const author = store.userByUsername(seed.commitAuthor ?? admin.username)!;
      return {
        gitDir: repos.gitDir(project),
        defaultBranch: project.defaultBranch,
        extraBranches: seed.branches,
        commit: {
          files: await readRepositoryFiles(
            path.join(seedDir, 'repos', seedRepoFolder(seed, byPath)),
          ),
          message: `${seed.commitMessage}\n`,
          authorName: author.name,
          authorEmail: author.email,
          date: new Date(project.lastActivityAt),
        },
      };
    }),
  );
  await buildSeedRepositories(jobs, options.cacheDir);
}
