import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import {
  decodeSnapshotText,
  DEFAULT_MAX_FILE_BYTES,
  refuseOversized,
  RepositorySnapshot,
  SnapshotReadError,
} from '@internal/plugin-python-stewardship-common';

/** Folders that are never part of a repository's own content. */
const SKIPPED_FOLDERS = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.mypy_cache',
  '.ruff_cache',
  '.pytest_cache',
  '.tox',
  '.nox',
  'htmlcov',
  'site-packages',
]);

/** A walk stops here; no Python repository the checks care about is this big. */
const MAX_FILES = 100_000;

export interface DirectorySnapshotOptions {
  maxFileBytes?: number;
  /** Use `git ls-files` when the folder is a git work tree (default true). */
  useGit?: boolean;
  /**
   * In a git work tree, also list untracked files that are not ignored.
   * Default: yes, except in a GitLab CI job (`CI_COMMIT_SHA` set), where
   * the checkout is the commit being judged and an untracked file is output
   * of the job itself; listing only tracked files also spares git a walk
   * of the whole folder (about 10 ms on a 2,200-file service).
   */
  untracked?: boolean;
}

/**
 * A snapshot of a local folder. Inside a git work tree it lists what git
 * would commit (tracked plus untracked-but-not-ignored files), so a local
 * `.env` that .gitignore excludes is not reported as committed. Elsewhere it
 * walks the folder, skipping virtualenvs and caches. Files are read lazily.
 */
export function createDirectorySnapshot(
  root: string,
  options: DirectorySnapshotOptions = {},
): RepositorySnapshot {
  const base = resolve(root);
  const stat = statSync(base, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new Error(`${root} is not a directory`);
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const ciCommit = process.env.CI_COMMIT_SHA || undefined;
  const git =
    options.useGit === false
      ? undefined
      : gitFiles(base, options.untracked ?? !ciCommit);
  const paths = (git ?? walk(base)).sort();

  return {
    commitId: ciCommit ?? (git ? headCommit(base) : undefined),
    listPaths: () => [...paths],
    readText(path: string): string {
      const full = join(base, path);
      const info = statSync(full, { throwIfNoEntry: false });
      if (!info?.isFile()) {
        throw new SnapshotReadError(path, 'missing');
      }
      // The size from stat first, so an oversized file is never read.
      refuseOversized(path, info.size, maxFileBytes);
      return decodeSnapshotText(path, readFileSync(full));
    },
  };
}

/**
 * What git would commit, from one `git ls-files` call: tracked files (with
 * their mode) and, when asked, untracked files that are not ignored, less
 * the tracked files deleted from the work tree. Only the few entries whose kind the
 * listing cannot tell (symbolic links, untracked and skip-worktree entries)
 * are looked at on disk, not every file.
 */
function gitFiles(base: string, untracked: boolean): string[] | undefined {
  const listed = spawnSync(
    'git',
    [
      'ls-files',
      '-z',
      '-t',
      '--stage',
      '--cached',
      '--deleted',
      ...(untracked ? ['--others', '--exclude-standard'] : []),
    ],
    { cwd: base, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (listed.status !== 0 || listed.error) {
    return undefined;
  }
  return parseGitListing(listed.stdout, path =>
    statSync(join(base, path), { throwIfNoEntry: false })?.isFile(),
  );
}

/**
 * Reads `git ls-files -z -t --stage --cached --deleted --others` output:
 * `H <mode> <object> <stage>\t<path>` for index entries, `R ...` for those
 * deleted from the work tree, `? <path>` for untracked files (a folder, such
 * as a nested repository, ends in `/`).
 */
export function parseGitListing(
  output: string,
  isFile: (path: string) => boolean | undefined,
): string[] {
  const kept = new Set<string>();
  const deleted = new Set<string>();
  for (const record of output.split('\0')) {
    if (record.length < 3) continue;
    const tag = record[0];
    if (tag === '?') {
      const path = record.slice(2);
      if (!path.endsWith('/') && isFile(path)) kept.add(path);
      continue;
    }
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const path = record.slice(tab + 1);
    const mode = record.slice(2, record.indexOf(' ', 2));
    if (tag === 'R') {
      deleted.add(path);
    } else if (mode === '160000') {
      // a submodule: its files are another repository's
    } else if (
      (tag === 'H' || tag === 'C' || tag === 'M') &&
      (mode === '100644' || mode === '100755')
    ) {
      kept.add(path);
    } else if (isFile(path)) {
      // a symbolic link (kept when it points at a file), a skip-worktree
      // entry (kept when it is there after all) or a tag of another kind
      kept.add(path);
    }
  }
  for (const path of deleted) kept.delete(path);
  return [...kept];
}

/**
 * The commit checked out, read from the repository's files the way git
 * does for the usual layouts (a `.git` folder or a worktree's `.git` file,
 * loose or packed refs), and from `git rev-parse HEAD` otherwise.
 */
function headCommit(base: string): string | undefined {
  try {
    const fromFiles = headCommitFromFiles(base);
    if (fromFiles) return fromFiles;
  } catch {
    // fall back to git itself
  }
  const head = spawnSync('git', ['rev-parse', 'HEAD'], {
    cwd: base,
    encoding: 'utf8',
  });
  return head.status === 0 ? head.stdout.trim() : undefined;
}

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function headCommitFromFiles(base: string): string | undefined {
  // Where git is told to look elsewhere, only git knows.
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE) return undefined;
  let gitDir: string | undefined;
  for (let dir = base; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const info = statSync(dotGit, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      gitDir = dotGit;
    } else if (info?.isFile()) {
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      if (!pointer) return undefined;
      gitDir = resolve(dir, pointer[1].trim());
    }
    if (gitDir || dirname(dir) === dir) break;
  }
  if (!gitDir) return undefined;
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
  if (OBJECT_ID.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  // A linked worktree keeps its HEAD but shares refs with the main repository.
  const commonFile = join(gitDir, 'commondir');
  const commonDir = existsSync(commonFile)
    ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim())
    : gitDir;
  for (const dir of new Set([gitDir, commonDir])) {
    const loose = join(dir, ref);
    if (existsSync(loose)) {
      const id = readFileSync(loose, 'utf8').trim();
      return OBJECT_ID.test(id) ? id : undefined;
    }
  }
  const packed = join(commonDir, 'packed-refs');
  if (!existsSync(packed)) return undefined;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [id, name] = line.trim().split(' ');
    if (name === ref && OBJECT_ID.test(id)) return id;
  }
  return undefined;
}

function walk(base: string): string[] {
  const result: string[] = [];
  const pending = [''];
  while (pending.length && result.length < MAX_FILES) {
    const relative = pending.pop()!;
    for (const entry of readdirSync(join(base, relative), {
      withFileTypes: true,
    })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) {
          pending.push(path);
        }
      } else if (
        entry.isFile() &&
        !lstatSync(join(base, path)).isSymbolicLink()
      ) {
        result.push(path.split(sep).join('/'));
      }
    }
  }
  return result;
}
