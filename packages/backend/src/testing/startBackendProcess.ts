import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The repository root, from packages/backend/src/testing. */
// Test helpers always run from source, so __dirname is reliable here.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../../../..');
const backendDir = path.join(repoRoot, 'packages/backend');

export interface BackendProcess {
  baseUrl: string;
  /** A static external-access token accepted by every plugin API. */
  token: string;
  logs(): string;
  stop(): Promise<void>;
}

export interface StartBackendOptions {
  /** Config files (repository-relative) merged before the test overrides. */
  configFiles: string[];
  /** Config merged last: the test's own overrides. */
  overrides?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Shared token, so several processes accept the same credentials. */
  token?: string;
  /**
   * More `backend.auth.externalAccess` entries, after the shared token's
   * (the overrides cannot add them: config merging replaces arrays).
   */
  externalAccess?: Array<Record<string, unknown>>;
  readyTimeoutMs?: number;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Runs the real backend (packages/backend/src/index.ts) in a child process,
 * the same way `backstage-cli package start` does, and waits for readiness.
 */
export async function startBackendProcess(
  options: StartBackendOptions,
): Promise<BackendProcess> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backend-'));
  const overrides = {
    ...options.overrides,
    app: { baseUrl },
    backend: {
      ...(options.overrides?.backend as object | undefined),
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'integration-test' } },
          ...(options.externalAccess ?? []),
        ],
      },
    },
  };
  const overridesFile = path.join(tmp, 'app-config.test.yaml');
  // JSON is valid YAML, and keeps this free of a YAML dependency.
  fs.writeFileSync(overridesFile, JSON.stringify(overrides));

  const args = [
    '--enable-source-maps',
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    'src/index.ts',
    ...options.configFiles.flatMap(f => ['--config', path.join(repoRoot, f)]),
    '--config',
    overridesFile,
  ];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: backendDir,
    env: { ...process.env, NODE_ENV: 'development', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await once(child, 'exit');
      clearTimeout(timer);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  const handle: BackendProcess = { baseUrl, token, logs: () => output, stop };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    // A startup error leaves the process alive but never ready: fail fast.
    if (
      child.exitCode !== null ||
      /unhandledRejection|failed to start/i.test(output)
    ) {
      await stop();
      throw new Error(`backend failed to start:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`backend not ready within the timeout:\n${output}`);
}

/** Polls a catalog query until `accept` is satisfied (processing is asynchronous). */
export async function waitForCatalog<T>(
  backend: BackendProcess,
  query: string,
  accept: (body: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const res = await fetch(`${backend.baseUrl}/api/catalog/${query}`, {
      headers: { authorization: `Bearer ${backend.token}` },
    });
    last = res.ok ? await res.json() : `${res.status} ${await res.text()}`;
    if (res.ok && accept(last as T)) return last as T;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `catalog query ${query} never satisfied; last answer: ${JSON.stringify(
      last,
    )}`,
  );
}
