import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import {
  DEFAULT_MAX_FILE_BYTES,
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
  const git = options.useGit === false ? undefined : gitFiles(base);
  const paths = (git?.paths ?? walk(base)).sort();

  return {
    commitId: process.env.CI_COMMIT_SHA || git?.commitId,
    listPaths: () => [...paths],
    readText(path: string): string {
      const full = join(base, path);
      const info = statSync(full, { throwIfNoEntry: false });
      if (!info?.isFile()) {
        throw new SnapshotReadError(path, 'missing');
      }
      if (info.size > maxFileBytes) {
        throw new SnapshotReadError(
          path,
          'too-large',
          `${path} is ${info.size} bytes, more than the ${maxFileBytes} bytes allowed`,
        );
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(
          readFileSync(full),
        );
      } catch {
        throw new SnapshotReadError(path, 'binary');
      }
      if (text.includes('\u0000')) {
        throw new SnapshotReadError(path, 'binary');
      }
      return text;
    },
  };
}

function gitFiles(
  base: string,
): { paths: string[]; commitId?: string } | undefined {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: base, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (listed.status !== 0 || listed.error) {
    return undefined;
  }
  const paths = [...new Set(listed.stdout.split('\0').filter(Boolean))].filter(
    path => statSync(join(base, path), { throwIfNoEntry: false })?.isFile(),
  );
  const head = spawnSync('git', ['rev-parse', 'HEAD'], {
    cwd: base,
    encoding: 'utf8',
  });
  return {
    paths,
    commitId: head.status === 0 ? head.stdout.trim() : undefined,
  };
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
