import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './cli';

const FIXTURES = resolve(
  __dirname,
  '../../../plugins/python-stewardship-common/fixtures/repos',
);
const BIN = resolve(__dirname, '../bin/python-conformance');
const TOKEN = 'ci-upload-secret-0123456789';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A stand-in portal: records each request and answers with `reply`. */
let server: Server;
let portal: string;
let received: Received[];
let reply: { status: number; body: unknown };

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  portal = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  received = [];
  reply = {
    status: 201,
    body: {
      id: 'r-1',
      entityRef: 'component:default/payments-api',
      source: 'ci-upload',
      createdAt: '2026-11-29T00:00:00.000Z',
    },
  };
});

const backstageError = (name: string, message: string, statusCode: number) => ({
  error: { name, message },
  request: { method: 'POST', url: '/api/python-stewardship/uploads' },
  response: { statusCode },
});

async function run(env: Record<string, string | undefined>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    color: false,
    cwd: FIXTURES,
    env,
    writeFile: () => {},
    readFile: path => readFileSync(path, 'utf8'),
  });
  return { code, stdout, stderr };
}

describe('python-conformance check --upload', () => {
  it('prints the report, then sends it with the token to the portal', async () => {
    const result = await run(
      { PYTHON_CONFORMANCE_TOKEN: TOKEN },
      'check',
      'conformant-service',
      '--format',
      'json',
      '--upload',
      `${portal}/`,
      '--entity',
      'component:default/payments-api',
    );
    expect(result.code).toBe(0);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/api/python-stewardship/uploads',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
      },
    });
    // Exactly the printed report, whatever the CI environment.
    expect(request.body).toEqual({
      entityRef: 'component:default/payments-api',
      report: JSON.parse(result.stdout),
    });
    expect(request.body.report).toMatchObject({ schemaVersion: 1, score: 100 });
    expect(result.stderr).toBe(
      `python-conformance: uploaded the report for component:default/payments-api to ${portal} (result r-1, 2026-11-29T00:00:00.000Z)\n`,
    );
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('defaults to PORTAL_URL and GitLab CI’s project path and commit, and keeps the gate’s exit code', async () => {
    const result = await run(
      {
        PYTHON_CONFORMANCE_TOKEN: TOKEN,
        PORTAL_URL: `${portal}/portal/api/python-stewardship/`,
        CI_PROJECT_PATH: 'payments/legacy-service',
        CI_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
      },
      'check',
      'legacy-service',
      '--upload',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Python conformance: service');
    expect(received.map(r => r.url)).toEqual([
      '/portal/api/python-stewardship/uploads',
    ]);
    expect(received[0].body).toMatchObject({
      projectPath: 'payments/legacy-service',
      commitId: '0123456789abcdef0123456789abcdef01234567',
      report: { schemaVersion: 1 },
    });
    expect(received[0].body.entityRef).toBeUndefined();
  });

  it.each([
    [
      401,
      backstageError('AuthenticationError', 'Illegal token', 401),
      'upload failed (HTTP 401: the portal did not accept the token in PYTHON_CONFORMANCE_TOKEN): Illegal token',
    ],
    [
      403,
      backstageError(
        'NotAllowedError',
        "This token's access is restricted to plugin(s) 'catalog'",
        403,
      ),
      "upload failed (HTTP 403: the token in PYTHON_CONFORMANCE_TOKEN may not upload to this portal (it must be an external-access token allowed for python-stewardship)): This token's access is restricted to plugin(s) 'catalog'",
    ],
    [
      404,
      backstageError(
        'NotFoundError',
        'No Python codebase the portal knows lives in the GitLab project a/b',
        404,
      ),
      'upload failed (HTTP 404: the portal does not know this codebase): No Python codebase the portal knows lives in the GitLab project a/b',
    ],
    [
      400,
      backstageError(
        'InputError',
        "Invalid upload: report.results.0.id PYG-999 is not a check of the portal's rule pack",
        400,
      ),
      "upload failed (HTTP 400): Invalid upload: report.results.0.id PYG-999 is not a check of the portal's rule pack",
    ],
    [502, 'Bad gateway', 'upload failed (HTTP 502): "Bad gateway"'],
  ])(
    'exits 4 with the server’s message on HTTP %s',
    async (status, body, message) => {
      reply = { status, body };
      const result = await run(
        { PYTHON_CONFORMANCE_TOKEN: TOKEN, CI_PROJECT_PATH: 'a/b' },
        'check',
        'conformant-service',
        '--upload',
        portal,
      );
      expect(result.code).toBe(4);
      // The report is printed before the upload, so the job log has it.
      expect(result.stdout).toContain('Score 100/100');
      expect(result.stderr).toBe(`python-conformance: ${message}\n`);
      expect(result.stderr).not.toContain(TOKEN);
    },
  );

  it('exits 4 when the portal cannot be reached', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const result = await run(
      { PYTHON_CONFORMANCE_TOKEN: TOKEN, CI_PROJECT_PATH: 'a/b' },
      'check',
      'conformant-service',
      '--upload',
      `http://127.0.0.1:${port}`,
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      new RegExp(
        `^python-conformance: upload failed: could not reach http://127.0.0.1:${port}/api/python-stewardship/uploads: .*ECONNREFUSED`,
      ),
    );
  });

  it.each([
    [
      'no token',
      { CI_PROJECT_PATH: 'a/b' },
      ['--upload', 'PORTAL'],
      '--upload needs a token in PYTHON_CONFORMANCE_TOKEN',
    ],
    [
      'no portal URL',
      { PYTHON_CONFORMANCE_TOKEN: TOKEN, CI_PROJECT_PATH: 'a/b' },
      ['--upload'],
      '--upload needs the portal URL',
    ],
    [
      'a folder taken for the URL',
      { PYTHON_CONFORMANCE_TOKEN: TOKEN, CI_PROJECT_PATH: 'a/b' },
      ['--upload', '.'],
      '--upload . is not a URL',
    ],
    [
      'no codebase',
      { PYTHON_CONFORMANCE_TOKEN: TOKEN },
      ['--upload', 'PORTAL'],
      '--upload needs the codebase: --entity component:default/<name>, or CI_PROJECT_PATH',
    ],
    [
      '--entity alone',
      {},
      ['--entity', 'component:default/x'],
      '--entity only applies with --upload',
    ],
  ])(
    'is a usage error (exit 2) with %s, before any work',
    async (_what, env, flags, message) => {
      const result = await run(
        env,
        'check',
        'conformant-service',
        ...flags.map(flag => (flag === 'PORTAL' ? portal : flag)),
      );
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(received).toEqual([]);
    },
  );

  it('sets the process exit code from bin/python-conformance', async () => {
    reply = {
      status: 404,
      body: backstageError('NotFoundError', 'unknown codebase', 404),
    };
    const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
    const child = spawn(
      process.execPath,
      [
        BIN,
        'check',
        resolve(FIXTURES, 'conformant-library'),
        '--upload',
        portal,
      ],
      {
        env: {
          ...inherited,
          PYTHON_CONFORMANCE_TOKEN: TOKEN,
          CI_PROJECT_PATH: 'group/conformant-library',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', chunk => {
      stderr += chunk;
    });
    const [status] = await once(child, 'exit');
    expect({ status, stderr }).toEqual({
      status: 4,
      stderr:
        'python-conformance: upload failed (HTTP 404: the portal does not know this codebase): unknown codebase\n',
    });
    expect(received[0].body.projectPath).toBe('group/conformant-library');
  }, 60_000);
});
