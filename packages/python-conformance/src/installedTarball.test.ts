import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderCiComponent } from './__testUtils__/ciComponent';

/*
 * The CLI as CI gets it: the self-contained bundle, packed by `npm pack`,
 * installed from the tarball into an empty folder outside the monorepo and
 * run there with no NODE_PATH. Its output and exit code must equal the
 * workspace CLI's (bin/python-conformance, TypeScript sources).
 */

const PACKAGE_DIR = resolve(__dirname, '..');
const WORKSPACE_BIN = join(PACKAGE_DIR, 'bin/python-conformance');
const FIXTURES = resolve(
  PACKAGE_DIR,
  '../../plugins/python-stewardship-common/fixtures/repos',
);

let tempDir: string;
let installDir: string;

/** The environment without anything that could find the monorepo's modules. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const {
    NODE_PATH: _nodePath,
    NODE_OPTIONS: _nodeOptions,
    FORCE_COLOR: _force,
    NO_COLOR: _noColor,
    PYTHON_STEWARDSHIP_DOCS_URL: _docs,
    PORTAL_URL: _portal,
    CI_COMMIT_SHA: _sha,
    ...env
  } = process.env;
  return { ...env, npm_config_update_notifier: 'false' };
}

function run(
  command: string,
  args: string[],
  cwd: string,
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: isolatedEnv(),
    timeout: 60_000,
  });
}

/** Setup steps throw with what the tool printed, so a failure says why. */
function mustSucceed(result: SpawnSyncReturns<string>, what: string) {
  if (result.status !== 0) {
    throw new Error(
      `${what} exited with ${result.status ?? result.signal}: ${
        result.error?.message ?? ''
      }\n${result.stderr}${result.stdout}`,
    );
  }
}

let tarball: string;

beforeAll(() => {
  tempDir = mkdtempSync(join(tmpdir(), 'python-conformance-tarball-'));
  const buildDir = join(tempDir, 'build');
  installDir = join(tempDir, 'install');
  mkdirSync(installDir);

  // Built afresh (about half a second), so the test never runs a stale dist/.
  mustSucceed(
    run(
      process.execPath,
      [
        join(PACKAGE_DIR, 'scripts/bundle.js'),
        '--out-dir',
        buildDir,
        '--quiet',
      ],
      PACKAGE_DIR,
    ),
    'bundle',
  );
  mustSucceed(
    run(
      'npm',
      ['pack', '--pack-destination', tempDir],
      join(buildDir, 'package'),
    ),
    'npm pack',
  );
  const tarballs = readdirSync(tempDir).filter(name => name.endsWith('.tgz'));
  tarball = tarballs.join(', ');
  // No dependencies, so npm needs no registry: --offline proves it.
  mustSucceed(
    run(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        join(tempDir, tarball),
      ],
      installDir,
    ),
    'npm install',
  );
}, 60_000);

afterAll(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

describe('the packed CLI installed from its tarball', () => {
  jest.setTimeout(60_000);

  it('installs one file and nothing else', () => {
    expect(tarball).toBe('internal-python-conformance-0.1.0.tgz');
    expect(readdirSync(join(installDir, 'node_modules')).sort()).toEqual([
      '.bin',
      '.package-lock.json',
      '@internal',
    ]);
    expect(
      readdirSync(
        join(installDir, 'node_modules/@internal/python-conformance'),
      ).sort(),
    ).toEqual(['README.md', 'package.json', 'python-conformance.cjs']);
  });

  it.each([
    ['conformant-service', 'text'],
    ['legacy-service', 'json'],
    ['malformed-ci', 'junit'],
    ['legacy-setuptools-library', 'codequality'],
  ])(
    'checks %s (--format %s) exactly as the workspace CLI does',
    (fixture, format) => {
      const args = ['check', join(FIXTURES, fixture), '--format', format];
      // The installed bin, as `npx python-conformance` would run it.
      const installed = run(
        join(installDir, 'node_modules/.bin/python-conformance'),
        args,
        installDir,
      );
      const workspace = run(
        process.execPath,
        [WORKSPACE_BIN, ...args],
        PACKAGE_DIR,
      );
      expect(installed.stdout.length).toBeGreaterThan(100);
      expect({
        status: installed.status,
        stdout: installed.stdout,
        stderr: installed.stderr,
      }).toEqual({
        status: workspace.status,
        stdout: workspace.stdout,
        stderr: workspace.stderr,
      });
    },
  );

  it("loads an organisation's --checks module like the workspace CLI", () => {
    const module = join(tempDir, 'acme-checks.js');
    writeFileSync(
      module,
      `exports.checks = [{
        id: 'ACME-001', title: 'The README names the on-call rota',
        family: 'documentation', appliesTo: ['service', 'utility', 'library'],
        weight: 1, advisory: false, requires: [],
        source: { kind: 'portal-default' },
        rationale: 'Whoever is paged must find the rota.',
        fix: { summary: 'Add an On call section.' },
        docs: { page: 'deployment', anchor: 'deploying-with-runway' },
        evaluate: () => ({ status: 'fail', message: 'No on-call rota' }),
      }];`,
    );
    const args = [
      'check',
      join(FIXTURES, 'conformant-service'),
      '--checks',
      module,
      '--format',
      'json',
    ];
    const installed = run(
      join(installDir, 'node_modules/.bin/python-conformance'),
      args,
      installDir,
    );
    const workspace = run(
      process.execPath,
      [WORKSPACE_BIN, ...args],
      PACKAGE_DIR,
    );
    expect(installed.stdout).toContain('No on-call rota');
    expect([installed.status, installed.stdout, installed.stderr]).toEqual([
      workspace.status,
      workspace.stdout,
      workspace.stderr,
    ]);
  });

  it('answers usage errors and --version like the workspace CLI', () => {
    const bin = join(installDir, 'node_modules/.bin/python-conformance');
    const usage = run(bin, ['check', '--format', 'nope'], installDir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('nope');
    expect(run(bin, ['--version'], installDir).stdout).toBe('0.1.0\n');
  });
});

describe('the CI component job with the packed CLI', () => {
  jest.setTimeout(60_000);

  /** Runs the rendered job's script as the runner does, in a fixture's copy. */
  function runJob(fixture: string, inputs: Record<string, string>) {
    const job = renderCiComponent({
      ...inputs,
      cli: join(tempDir, tarball),
    })['python-conformance'];
    const projectDir = mkdtempSync(join(tempDir, `${fixture}-`));
    cpSync(join(FIXTURES, fixture), projectDir, { recursive: true });
    const jobTmp = mkdtempSync(join(tempDir, 'job-tmp-'));
    const result = spawnSync('sh', ['-e', '-c', job.script.join('\n')], {
      cwd: projectDir,
      encoding: 'utf8',
      env: {
        ...isolatedEnv(),
        ...job.variables,
        TMPDIR: jobTmp,
        // The tarball has no dependencies: no registry is needed.
        npm_config_offline: 'true',
        CI_PROJECT_DIR: projectDir,
      },
      timeout: 60_000,
    });
    return { result, projectDir };
  }

  it('installs the tarball, writes both reports and gates on the score', () => {
    const passing = runJob('conformant-service', { 'fail-under': '90' });
    expect(passing.result.stderr).toBe('');
    expect(passing.result.status).toBe(0);
    expect(passing.result.stdout).toContain('0.1.0\n');
    const codeQuality = JSON.parse(
      readFileSync(
        join(passing.projectDir, 'gl-code-quality-report.json'),
        'utf8',
      ),
    );
    expect(Array.isArray(codeQuality)).toBe(true);
    expect(
      readFileSync(
        join(passing.projectDir, 'python-conformance-junit.xml'),
        'utf8',
      ),
    ).toContain('<testsuites');

    const failing = runJob('legacy-service', {});
    expect(failing.result.status).toBe(1);
    // The JUnit report was written before the gate failed the job.
    expect(
      existsSync(join(failing.projectDir, 'python-conformance-junit.xml')),
    ).toBe(true);
    expect(
      JSON.parse(
        readFileSync(
          join(failing.projectDir, 'gl-code-quality-report.json'),
          'utf8',
        ),
      ).length,
    ).toBeGreaterThan(0);
  });
});
