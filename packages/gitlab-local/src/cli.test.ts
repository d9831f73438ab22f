import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../bin/gitlab-local');

/** Runs the bin until it prints its token line, then stops it. */
function runUntilReady(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gitlab-local did not start:\n${output}`));
    }, 40_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Token:')) {
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code => {
      clearTimeout(timer);
      if (output.includes('Token:')) resolve(output);
      else reject(new Error(`gitlab-local exited with ${code}:\n${output}`));
    });
  });
}

describe('gitlab-local command line', () => {
  jest.setTimeout(60_000);

  it('starts from the TypeScript sources and prints URL and token', async () => {
    const dataDir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'gitlab-local-cli-'),
    );
    try {
      const output = await runUntilReady([
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--synthetic',
        '50',
      ]);
      expect(output).toMatch(/URL: {3}http:\/\/127\.0\.0\.1:\d+/);
      expect(output).toContain('Token: glpat-local-root');
      expect(output).toContain(
        'OAuth: Python Stewardship Portal: client id python-stewardship-portal-demo',
      );
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('explains bad flags', async () => {
    await expect(runUntilReady(['--synthetic', 'lots'])).rejects.toThrow(
      '--synthetic must be a non-negative integer, got "lots"',
    );
  });
});
