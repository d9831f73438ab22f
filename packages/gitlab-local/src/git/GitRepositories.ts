import fs from 'node:fs/promises';
import path from 'node:path';
import { Project } from '../model/entities';
import { createRepository, InitialCommit } from './createRepository';
import { GitCommandError, runGit } from './runGit';

export interface TreeEntry {
  id: string;
  name: string;
  type: 'tree' | 'blob' | 'commit';
  path: string;
  mode: string;
  size?: number;
}

export interface CommitInfo {
  id: string;
  parentIds: string[];
  authorName: string;
  authorEmail: string;
  authoredDate: string;
  committerName: string;
  committerEmail: string;
  committedDate: string;
  message: string;
}

export interface BlobInfo {
  blobId: string;
  mode: string;
  content: Buffer;
}

export interface LogOptions {
  path?: string;
  skip?: number;
  maxCount?: number;
  since?: string;
  until?: string;
}

const FIELD = '\x00';
const RECORD = '\x1e';
// Arguments cannot hold NUL bytes, so the format spells separators as %x00/%x1e.
const LOG_FORMAT =
  '%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B';

/**
 * Git access for projects. Repositories live under `@hashed/<id>.git` like
 * GitLab's hashed storage, so renaming a project never moves files.
 */
export class GitRepositories {
  private readonly pending = new Map<number, Promise<string>>();

  constructor(
    readonly root: string,
    /** Builds the content of a synthetic project when it is first read. */
    private readonly synthesize: (project: Project) => InitialCommit,
  ) {}

  /** The repository path relative to `root`, as `git http-backend` needs it. */
  relativeGitDir(project: Project): string {
    return `@hashed/${project.id}.git`;
  }

  gitDir(project: Project): string {
    return path.join(this.root, this.relativeGitDir(project));
  }

  /** Returns the git dir, materialising synthetic projects on first use. */
  ensure(project: Project): Promise<string> {
    const gitDir = this.gitDir(project);
    if (project.source.kind !== 'synthetic') {
      return Promise.resolve(gitDir);
    }
    let pending = this.pending.get(project.id);
    if (!pending) {
      pending = (async () => {
        const exists = await fs.stat(gitDir).then(
          () => true,
          () => false,
        );
        if (!exists) {
          await createRepository({
            gitDir,
            defaultBranch: project.defaultBranch,
            commit: this.synthesize(project),
          });
        }
        project.source = { kind: 'disk' };
        return gitDir;
      })();
      this.pending.set(project.id, pending);
      pending.finally(() => this.pending.delete(project.id)).catch(() => {});
    }
    return pending;
  }

  async createEmpty(project: Project): Promise<void> {
    await createRepository({
      gitDir: this.gitDir(project),
      defaultBranch: project.defaultBranch,
    });
  }

  /** Resolves a branch, tag or sha to a commit sha, or undefined. */
  async resolveCommit(
    gitDir: string,
    ref: string,
  ): Promise<string | undefined> {
    if (ref.startsWith('-')) return undefined;
    try {
      const out = await runGit(
        ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
        { gitDir },
      );
      return out.toString().trim();
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
  }

  /**
   * Reads a file at a ref with one `git cat-file --batch`, returning the
   * commit it resolved to; `missing` says whether the ref or the file is
   * absent. The raw-file endpoint is the hottest path of a repository scan.
   */
  async readFileAtRef(
    gitDir: string,
    ref: string,
    filePath: string,
  ): Promise<
    | { commit: string; blobId: string; content: Buffer }
    | { missing: 'ref' | 'file' }
  > {
    if (ref.startsWith('-') || /[\n\r]/.test(ref + filePath)) {
      return { missing: 'ref' };
    }
    const out = await runGit(['cat-file', '--batch'], {
      gitDir,
      input: `${ref}^{commit}\n${ref}:${filePath}\n`,
    });
    const first = parseBatchObject(out, 0);
    if (!first || first.type !== 'commit') return { missing: 'ref' };
    const second = parseBatchObject(out, first.next);
    if (!second || second.type !== 'blob') return { missing: 'file' };
    return { commit: first.id, blobId: second.id, content: second.content };
  }

  /** Lists a directory (or, recursively, the whole tree below it). */
  /**
   * Reads several files at one ref with a single `git cat-file --batch`
   * (GraphQL `blobs(paths:)`); files that do not exist are left out.
   */
  async readFilesAtRef(
    gitDir: string,
    ref: string,
    filePaths: readonly string[],
  ): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    const safe = filePaths.filter(p => !/[\n\r]/.test(p));
    if (ref.startsWith('-') || /[\n\r]/.test(ref) || safe.length === 0) {
      return files;
    }
    const out = await runGit(['cat-file', '--batch'], {
      gitDir,
      input: safe.map(p => `${ref}:${p}\n`).join(''),
    });
    let offset = 0;
    for (const filePath of safe) {
      const newline = out.indexOf(10, offset);
      if (newline < 0) break;
      const header = out.subarray(offset, newline).toString('utf8');
      if (/ (missing|ambiguous)$/.test(header)) {
        offset = newline + 1;
        continue;
      }
      const [, type, size] = header.split(' ');
      const start = newline + 1;
      const end = start + Number(size);
      if (type === 'blob') files.set(filePath, out.subarray(start, end));
      offset = end + 1;
    }
    return files;
  }

  async listTree(
    gitDir: string,
    /** A commit sha or ref name. */
    commit: string,
    dir: string,
    recursive: boolean,
  ): Promise<TreeEntry[] | undefined> {
    if (commit.startsWith('-')) return undefined;
    const treeish = dir ? `${commit}:${dir}` : commit;
    let out: Buffer;
    try {
      out = await runGit(
        ['ls-tree', '-z', ...(recursive ? ['-r', '-t'] : []), treeish],
        {
          gitDir,
        },
      );
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
    return out
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const tab = line.indexOf('\t');
        const [mode, type, id] = line.slice(0, tab).split(' ');
        const relative = line.slice(tab + 1);
        return {
          id,
          mode,
          type: type as TreeEntry['type'],
          name: path.posix.basename(relative),
          path: dir ? `${dir}/${relative}` : relative,
        };
      });
  }

  /** Every blob with its size, for language statistics. */
  async listBlobSizes(
    gitDir: string,
    commit: string,
  ): Promise<Array<{ path: string; size: number }>> {
    const out = await runGit(['ls-tree', '-z', '-r', '-l', commit], { gitDir });
    return out
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const tab = line.indexOf('\t');
        const parts = line.slice(0, tab).split(/ +/);
        return { path: line.slice(tab + 1), size: Number(parts[3]) || 0 };
      });
  }

  async readBlob(
    gitDir: string,
    commit: string,
    filePath: string,
  ): Promise<BlobInfo | undefined> {
    const entry = await runGit(['ls-tree', '-z', commit, '--', filePath], {
      gitDir,
    });
    const line = entry.toString('utf8').split('\0')[0];
    if (!line) return undefined;
    const [mode, type, blobId] = line.slice(0, line.indexOf('\t')).split(' ');
    if (type !== 'blob') return undefined;
    const content = await runGit(['cat-file', 'blob', blobId], { gitDir });
    return { blobId, mode, content };
  }

  async log(
    gitDir: string,
    ref: string,
    options: LogOptions = {},
  ): Promise<CommitInfo[]> {
    const args = ['log', `--format=${LOG_FORMAT}`];
    if (options.skip) args.push(`--skip=${options.skip}`);
    if (options.maxCount !== undefined)
      args.push(`--max-count=${options.maxCount}`);
    if (options.since) args.push(`--since=${options.since}`);
    if (options.until) args.push(`--until=${options.until}`);
    args.push(ref, '--');
    if (options.path) args.push(options.path);
    const out = await runGit(args, { gitDir });
    return out.toString('utf8').split(RECORD).filter(Boolean).map(parseCommit);
  }

  async branches(
    gitDir: string,
  ): Promise<Array<{ name: string; commit: string }>> {
    const out = await runGit(
      [
        'for-each-ref',
        '--format=%(refname:strip=2)%00%(objectname)',
        'refs/heads',
      ],
      { gitDir },
    );
    return out
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [name, commit] = line.split('\0');
        return { name, commit };
      });
  }

  async createBranch(
    gitDir: string,
    name: string,
    commit: string,
  ): Promise<void> {
    await runGit(['update-ref', `refs/heads/${name}`, commit, ''], { gitDir });
  }

  async deleteBranch(gitDir: string, name: string): Promise<void> {
    await runGit(['update-ref', '-d', `refs/heads/${name}`], { gitDir });
  }

  async isValidBranchName(name: string): Promise<boolean> {
    try {
      await runGit(['check-ref-format', '--branch', name]);
      return true;
    } catch {
      return false;
    }
  }

  async setHead(gitDir: string, branch: string): Promise<void> {
    await runGit(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], { gitDir });
  }

  async archive(
    gitDir: string,
    commit: string,
    prefix: string,
    subPath?: string,
  ): Promise<Buffer> {
    const args = ['archive', '--format=tar.gz', `--prefix=${prefix}/`, commit];
    if (subPath) args.push('--', subPath);
    return runGit(args, { gitDir });
  }
}

/** One `<id> <type> <size>\\n<content>\\n` record of `cat-file --batch`. */
function parseBatchObject(out: Buffer, offset: number) {
  const newline = out.indexOf(10, offset);
  if (newline < 0) return undefined;
  const header = out.subarray(offset, newline).toString('utf8');
  // Missing objects echo the (possibly space-containing) input: "<input> missing".
  if (/ (missing|ambiguous)$/.test(header)) return undefined;
  const [id, type, size] = header.split(' ');
  const start = newline + 1;
  const end = start + Number(size);
  return { id, type, content: out.subarray(start, end), next: end + 1 };
}

function parseCommit(record: string): CommitInfo {
  const [id, parents, an, ae, ad, cn, ce, cd, message] = record.split(FIELD);
  return {
    id,
    parentIds: parents ? parents.split(' ') : [],
    authorName: an,
    authorEmail: ae,
    authoredDate: ad,
    committerName: cn,
    committerEmail: ce,
    committedDate: cd,
    message: message.replace(/\n+$/, '\n'),
  };
}
