import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDirectorySnapshot,
  parseGitListing,
} from './createDirectorySnapshot';

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  ).trim();

describe('createDirectorySnapshot in a git work tree', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'directory-snapshot-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    git(dir, 'init', '-q');
    write('pyproject.toml', '[project]\nname = "demo"\n');
    write('src/demo/__init__.py', '');
    write('deleted.txt', 'soon gone\n');
    write('.gitignore', '.env\n');
    symlinkSync('src', join(dir, 'link-to-folder'));
    symlinkSync('pyproject.toml', join(dir, 'link-to-file'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'first');
    unlinkSync(join(dir, 'deleted.txt'));
    write('untracked.py', 'print(1)\n');
    write('.env', 'SECRET=1\n');
    // A nested repository, untracked: its files are not ours.
    write('vendored/inner.txt', 'x\n');
    git(join(dir, 'vendored'), 'init', '-q');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists what git would commit, without deleted, ignored or nested-repository files', () => {
    const snapshot = createDirectorySnapshot(dir, { untracked: true });
    expect(snapshot.listPaths()).toEqual([
      '.gitignore',
      'link-to-file',
      'pyproject.toml',
      'src/demo/__init__.py',
      'untracked.py',
    ]);
  });

  it('lists tracked files only in a CI job, whose checkout is the commit', () => {
    const saved = process.env.CI_COMMIT_SHA;
    process.env.CI_COMMIT_SHA = 'f'.repeat(40);
    try {
      const snapshot = createDirectorySnapshot(dir);
      expect(snapshot.commitId).toBe('f'.repeat(40));
      expect(snapshot.listPaths()).not.toContain('untracked.py');
      expect(
        createDirectorySnapshot(dir, { untracked: true }).listPaths(),
      ).toContain('untracked.py');
    } finally {
      if (saved === undefined) delete process.env.CI_COMMIT_SHA;
      else process.env.CI_COMMIT_SHA = saved;
    }
  });

  it('reads the checked-out commit as git rev-parse HEAD does', () => {
    const saved = process.env.CI_COMMIT_SHA;
    delete process.env.CI_COMMIT_SHA;
    try {
      expect(createDirectorySnapshot(dir).commitId).toBe(
        git(dir, 'rev-parse', 'HEAD'),
      );
      // Packed refs (after git gc or a fresh clone) as well as loose ones.
      git(dir, 'pack-refs', '--all');
      expect(createDirectorySnapshot(dir).commitId).toBe(
        git(dir, 'rev-parse', 'HEAD'),
      );
      // From a subfolder, as `python-conformance check src` would.
      expect(createDirectorySnapshot(join(dir, 'src')).commitId).toBe(
        git(dir, 'rev-parse', 'HEAD'),
      );
      // A linked worktree on a branch of its own, which has a `.git` file.
      const worktree = `${dir}-worktree`;
      git(dir, 'worktree', 'add', '-q', '-b', 'other', worktree);
      try {
        git(worktree, 'commit', '-q', '--allow-empty', '-m', 'second');
        const second = git(worktree, 'rev-parse', 'HEAD');
        expect(second).not.toBe(git(dir, 'rev-parse', 'HEAD'));
        expect(createDirectorySnapshot(worktree).commitId).toBe(second);
      } finally {
        rmSync(worktree, { recursive: true, force: true });
      }
    } finally {
      if (saved !== undefined) process.env.CI_COMMIT_SHA = saved;
    }
  });
});

describe('parseGitListing', () => {
  it('keeps regular files, drops deletions and submodules, and asks about the rest', () => {
    const asked: string[] = [];
    const listing = [
      'H 100644 aaaa 0\ta.py',
      'H 100755 bbbb 0\tbin/run',
      'H 100644 cccc 0\tgone.py',
      'R 100644 cccc 0\tgone.py',
      'H 160000 dddd 0\tsubmodule',
      'H 120000 eeee 0\tlink',
      'S 100644 ffff 0\tsparse.py',
      'M 100644 1111 1\tconflict.py',
      'M 100644 2222 2\tconflict.py',
      '? new.py',
      '? nested-repo/',
      '',
    ].join('\0');
    const paths = parseGitListing(listing, path => {
      asked.push(path);
      return path !== 'sparse.py';
    });
    expect(paths.sort()).toEqual([
      'a.py',
      'bin/run',
      'conflict.py',
      'link',
      'new.py',
    ]);
    expect(asked.sort()).toEqual(['link', 'new.py', 'sparse.py']);
  });
});
