import { spawn } from 'node:child_process';

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (${exitCode}): ${stderr.trim()}`);
    this.name = 'GitCommandError';
  }
}

export interface RunGitOptions {
  gitDir?: string;
  cwd?: string;
  input?: Buffer | string;
  env?: NodeJS.ProcessEnv;
}

/** Environment that keeps git from reading the host user's config or prompting. */
export const isolatedGitEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LANG: 'C',
});

/** Runs git and resolves with its stdout, rejecting on a non-zero exit. */
export function runGit(
  args: string[],
  options: RunGitOptions = {},
): Promise<Buffer> {
  const fullArgs = options.gitDir
    ? [`--git-dir=${options.gitDir}`, ...args]
    : args;
  return new Promise((resolve, reject) => {
    const child = spawn('git', fullArgs, {
      cwd: options.cwd,
      env: { ...isolatedGitEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', chunk => out.push(chunk));
    child.stderr.on('data', chunk => err.push(chunk));
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) {
        resolve(Buffer.concat(out));
      } else {
        reject(
          new GitCommandError(fullArgs, code, Buffer.concat(err).toString()),
        );
      }
    });
    // Ignore EPIPE when git exits before reading all input; close reports it.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input);
  });
}
