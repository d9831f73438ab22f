import { spawn } from 'node:child_process';
import { IncomingMessage, ServerResponse } from 'node:http';
import { GitRepositories } from './GitRepositories';
import { isolatedGitEnv } from './runGit';

/**
 * Runs `git http-backend` as a CGI program for one smart-HTTP request
 * (info/refs, git-upload-pack or git-receive-pack) and streams its answer.
 * Resolves with the HTTP status it sent.
 */
export function runGitHttpBackend(options: {
  req: IncomingMessage;
  res: ServerResponse;
  repos: GitRepositories;
  /** Repository path below the repositories root, e.g. `@hashed/1001.git`. */
  relativeGitDir: string;
  /** `info/refs`, `git-upload-pack` or `git-receive-pack`. */
  service: string;
  query: string;
  remoteUser: string;
  /** Extra environment for git, e.g. hook configuration. */
  extraEnv?: NodeJS.ProcessEnv;
  /**
   * Runs after git finishes but before the response ends, like a
   * post-receive hook, so clients never see state from before their push.
   */
  beforeEnd?: () => Promise<void>;
}): Promise<number> {
  const { req, res } = options;
  const env: NodeJS.ProcessEnv = {
    ...isolatedGitEnv(),
    GIT_PROJECT_ROOT: options.repos.root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${options.relativeGitDir}/${options.service}`,
    REQUEST_METHOD: req.method,
    QUERY_STRING: options.query,
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    // http-backend enables receive-pack only for authenticated users.
    REMOTE_USER: options.remoteUser,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    ...options.extraEnv,
  };
  if (req.headers['content-length'])
    env.CONTENT_LENGTH = req.headers['content-length'];
  if (req.headers['content-encoding'])
    env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  if (req.headers['git-protocol'])
    env.GIT_PROTOCOL = String(req.headers['git-protocol']);

  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let headerBuffer = Buffer.alloc(0);
    let headersSent = false;
    let status = 200;
    const stderr: Buffer[] = [];

    child.stderr.on('data', chunk => stderr.push(chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      headerBuffer = Buffer.concat([headerBuffer, chunk]);
      const end = findHeaderEnd(headerBuffer);
      if (!end) return;
      const headerText = headerBuffer.subarray(0, end.index).toString('latin1');
      for (const line of headerText.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status')
          status = parseInt(value, 10) || 200;
        else res.setHeader(name, value);
      }
      res.statusCode = status;
      headersSent = true;
      res.write(headerBuffer.subarray(end.index + end.length));
    });
    child.on('error', reject);
    child.on('close', code => {
      const finish = () => {
        if (!headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'text/plain');
          res.write(
            `git http-backend failed (${code}): ${Buffer.concat(
              stderr,
            ).toString()}`,
          );
          status = 500;
        }
        res.end();
        resolve(status);
      };
      if (code === 0 && options.beforeEnd) {
        options.beforeEnd().then(finish, reject);
      } else {
        finish();
      }
    });
    child.stdin.on('error', () => {});
    req.pipe(child.stdin);
  });
}

function findHeaderEnd(
  buffer: Buffer,
): { index: number; length: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  if (crlf >= 0) return { index: crlf, length: 4 };
  const lf = buffer.indexOf('\n\n');
  return lf >= 0 ? { index: lf, length: 2 } : undefined;
}
