import fs from 'node:fs/promises';
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
  await fs.mkdir(gitDir, { recursive: true });
  await runGit([
    'init',
    '--quiet',
    '--bare',
    `--initial-branch=${defaultBranch}`,
    gitDir,
  ]);
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

/** fast-import needs C-style quoting for paths with spaces or quotes. */
function quotePath(path: string): string {
  return /[\s"\\]/.test(path) ? JSON.stringify(path) : path;
}
