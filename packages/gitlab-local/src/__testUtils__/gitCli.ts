import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs the git CLI with no user config and a fixed identity, like a CI runner. */
export async function gitCli(args: string[], cwd: string): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: 'Scaffolder',
      GIT_AUTHOR_EMAIL: 'scaffolder@example.com',
      GIT_COMMITTER_NAME: 'Scaffolder',
      GIT_COMMITTER_EMAIL: 'scaffolder@example.com',
    },
  });
  return stdout;
}

/** `http://oauth2:<token>@host/<path>.git`, how CI jobs clone from GitLab. */
export function authedRemote(
  baseUrl: string,
  projectPath: string,
  token: string,
): string {
  const url = new URL(`${baseUrl}/${projectPath}.git`);
  url.username = 'oauth2';
  url.password = token;
  return url.toString();
}
