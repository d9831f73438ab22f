import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../bin/python-conformance');
const FIXTURES = resolve(
  __dirname,
  '../../../plugins/python-stewardship-common/fixtures/repos',
);

function runBin(args: string[], env: Record<string, string> = {}) {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
}

describe('bin/python-conformance', () => {
  jest.setTimeout(60_000);

  it('runs from the TypeScript sources without a build and sets the exit code', () => {
    const ok = runBin(['check', resolve(FIXTURES, 'conformant-library')]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Score 100/100  level: gold');
    // stdout is a pipe here, not a terminal: no ANSI colors.
    expect(ok.stdout).not.toContain('\u001b[');

    const failing = runBin(['check', resolve(FIXTURES, 'legacy-service')]);
    expect(failing.status).toBe(1);

    const usage = runBin(['check', '--format', 'nope']);
    expect(usage.status).toBe(2);
  });

  it('colors output when forced, and NO_COLOR alone keeps it plain', () => {
    expect(runBin(['checks'], { FORCE_COLOR: '1' }).stdout).toContain(
      '\u001b[',
    );
    expect(runBin(['checks'], { NO_COLOR: '1' }).stdout).not.toContain(
      '\u001b[',
    );
  });
});
