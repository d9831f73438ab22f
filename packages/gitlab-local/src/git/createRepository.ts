import fs from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './runGit';

export interface RepositoryFile {
  path: string;
  content: Buffer;
  executable?: boolean;
}

export interface InitialCommit {
  files: RepositoryFile[];
  message: string;
  authorName: string;
  authorEmail: string;
  /** Commit date; seeds pin it so `last_activity_at` stays stable. */
  date: Date;
}

/**
 * Creates a bare repository holding one commit on `defaultBranch` (plus
 * `extraBranches` pointing at it). It streams the files into one
 * `git fast-import`, which is much faster than a working copy and `git add`.
 */
export async function createRepository(options: {
  gitDir: string;
  defaultBranch: string;
  commit?: InitialCommit;
  extraBranches?: string[];
}): Promise<void> {
  const { gitDir, defaultBranch, commit } = options;
  await writeBareSkeleton(gitDir, defaultBranch);
  if (!commit) return;

  const chunks: Buffer[] = [];
  const write = (text: string) => chunks.push(Buffer.from(text, 'utf8'));
  const data = (payload: Buffer) => {
    write(`data ${payload.length}\n`);
    chunks.push(payload);
    write('\n');
  };
  const when = `${Math.floor(commit.date.getTime() / 1000)} +0000`;
  const who = `${commit.authorName} <${commit.authorEmail}>`;
  write(`commit refs/heads/${defaultBranch}\n`);
  write(`author ${who} ${when}\ncommitter ${who} ${when}\n`);
  data(Buffer.from(commit.message, 'utf8'));
  for (const file of commit.files) {
    write(
      `M ${file.executable ? '100755' : '100644'} inline ${quotePath(
        file.path,
      )}\n`,
    );
    data(file.content);
  }
  for (const branch of options.extraBranches ?? []) {
    write(`reset refs/heads/${branch}\nfrom refs/heads/${defaultBranch}\n\n`);
  }
  write('done\n');
  await runGit(['fast-import', '--quiet', '--done'], {
    gitDir,
    input: Buffer.concat(chunks),
  });
}

/**
 * Writes the few files `git init --bare` would, saving a process per
 * repository (start-up creates many and processes are slow on busy hosts).
 */
async function writeBareSkeleton(gitDir: string, defaultBranch: string) {
  await Promise.all(
    ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'].map(dir =>
      fs.mkdir(path.join(gitDir, dir), { recursive: true }),
    ),
  );
  await Promise.all([
    fs.writeFile(
      path.join(gitDir, 'HEAD'),
      `ref: refs/heads/${defaultBranch}\n`,
    ),
    fs.writeFile(
      path.join(gitDir, 'config'),
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n',
    ),
  ]);
}

/** fast-import needs C-style quoting for paths with spaces or quotes. */
function quotePath(filePath: string): string {
  return /[\s"\\]/.test(filePath) ? JSON.stringify(filePath) : filePath;
}
