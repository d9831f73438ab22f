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

/** fast-import needs C-style quoting for paths with spaces or quotes. */
function quotePath(filePath: string): string {
  return /[\s"\\]/.test(filePath) ? JSON.stringify(filePath) : filePath;
}

/** Builds `git fast-import` input; one stream can hold many commits. */
export class FastImportStream {
  private readonly chunks: Buffer[] = [];

  private write(text: string) {
    this.chunks.push(Buffer.from(text, 'utf8'));
  }

  private data(payload: Buffer) {
    this.write(`data ${payload.length}\n`);
    this.chunks.push(payload);
    this.write('\n');
  }

  /** A root commit on `ref`; `mark` lets `--export-marks` report its sha. */
  commit(ref: string, commit: InitialCommit, mark?: number): this {
    const when = `${Math.floor(commit.date.getTime() / 1000)} +0000`;
    const who = `${commit.authorName} <${commit.authorEmail}>`;
    this.write(`commit ${ref}\n`);
    if (mark !== undefined) this.write(`mark :${mark}\n`);
    this.write(`author ${who} ${when}\ncommitter ${who} ${when}\n`);
    this.data(Buffer.from(commit.message, 'utf8'));
    for (const file of commit.files) {
      const mode = file.executable ? '100755' : '100644';
      this.write(`M ${mode} inline ${quotePath(file.path)}\n`);
      this.data(file.content);
    }
    return this;
  }

  /** Points `ref` at the tip of `from`. */
  branch(ref: string, from: string): this {
    this.write(`reset ${ref}\nfrom ${from}\n\n`);
    return this;
  }

  /** Runs the import into `gitDir`, optionally writing marks to a file. */
  async run(gitDir: string, exportMarks?: string): Promise<void> {
    this.write('done\n');
    const args = ['fast-import', '--quiet', '--done'];
    if (exportMarks) args.push(`--export-marks=${exportMarks}`);
    await runGit(args, { gitDir, input: Buffer.concat(this.chunks) });
  }
}

/**
 * Writes the few files `git init --bare` would, saving a process per
 * repository (start-up creates many and processes are slow on busy hosts).
 */
export async function writeBareSkeleton(
  gitDir: string,
  defaultBranch: string,
): Promise<void> {
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
  const stream = new FastImportStream().commit(
    `refs/heads/${defaultBranch}`,
    commit,
  );
  for (const branch of options.extraBranches ?? []) {
    stream.branch(`refs/heads/${branch}`, `refs/heads/${defaultBranch}`);
  }
  await stream.run(gitDir);
}
