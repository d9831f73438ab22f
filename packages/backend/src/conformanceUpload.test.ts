import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import type {
  ConformanceReport,
  EntityConformance,
} from '@internal/plugin-python-stewardship-common';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { signInWithGitlab } from './__testUtils__/signInWithGitlab';
import {
  conformanceDemoConfig,
  waitForConformanceDemoCatalog,
} from './__testUtils__/conformanceDemoConfig';
import {
  BackendProcess,
  repoRoot,
  startBackendProcess,
} from './testing/startBackendProcess';

jest.setTimeout(240_000);

const execFileAsync = promisify(execFile);

const CLI = path.join(
  repoRoot,
  'packages/python-conformance/bin/python-conformance',
);
const PROJECT = 'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist';
const GATEWAY = 'component:default/ai-gateway';
const REPORT_ROUTE = 'entities/component/default/ai-gateway/report';

/** `python-conformance check <dir> --upload <portal>` in its own process, as a CI job runs it. */
async function runCli(args: string[], env: Record<string, string>) {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', chunk => {
    stdout += chunk;
  });
  child.stderr!.on('data', chunk => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

/**
 * CI uploads in the real backend: a static external-access token restricted
 * to python-stewardship (as the README tells admins to configure), the real
 * CLI on a clone of a local GitLab project, and the report people read.
 */
describe('CI upload (real backend, real CLI)', () => {
  const ciToken = randomBytes(24).toString('base64url');
  const catalogToken = randomBytes(24).toString('base64url');
  let gitlab: GitlabLocal;
  let backend: BackendProcess;
  let dataDir: string;
  let checkout: string;
  let head: string;
  let personToken: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ci-upload-'));
    checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-upload-checkout-'));
    gitlab = await startGitlabLocal({ dataDir });
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      externalAccess: [
        {
          type: 'static',
          options: { token: ciToken, subject: 'external:gitlab-ci' },
          accessRestrictions: [{ plugin: 'python-stewardship' }],
        },
        {
          type: 'static',
          options: { token: catalogToken, subject: 'external:catalog-sync' },
          accessRestrictions: [{ plugin: 'catalog' }],
        },
      ],
      overrides: conformanceDemoConfig(gitlab),
    });
    await waitForConformanceDemoCatalog(backend);
    personToken = (await signInWithGitlab(backend.baseUrl, 'eli.newcomer'))
      .backstageToken;

    const remote = gitlab.url.replace('://', `://oauth2:${gitlab.token}@`);
    await execFileAsync('git', [
      'clone',
      '-q',
      `${remote}/${PROJECT}.git`,
      checkout,
    ]);
    head = (
      await execFileAsync('git', ['rev-parse', 'HEAD'], { cwd: checkout })
    ).stdout.trim();
  });

  afterAll(async () => {
    await backend?.stop();
    await gitlab?.stop();
    for (const dir of [dataDir, checkout]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** The codebase's report as a signed-in person reads it; null before the first sweep knows it. */
  async function report(): Promise<EntityConformance | null> {
    const res = await fetch(
      `${backend.baseUrl}/api/python-stewardship/${REPORT_ROUTE}`,
      { headers: { authorization: `Bearer ${personToken}` } },
    );
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return (await res.json()) as EntityConformance;
  }

  /** The CLI in GitLab CI on the default branch of ai-assist. */
  const upload = (token: string, ...extra: string[]) =>
    runCli(
      [
        'check',
        checkout,
        '--format',
        'json',
        '--fail-under',
        '0',
        '--upload',
        backend.baseUrl,
        ...extra,
      ],
      {
        PYTHON_CONFORMANCE_TOKEN: token,
        CI_PROJECT_PATH: PROJECT,
        CI_COMMIT_SHA: head,
      },
    );

  it('stores the CI job’s report as a ci-upload beside the scheduled scan', async () => {
    const deadline = Date.now() + 90_000;
    let before = await report();
    while (!before?.scan && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 1000));
      before = await report();
    }
    expect(before?.scan?.source).toBe('schedule');
    expect(before?.upload).toBeNull();

    const result = await upload(ciToken);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr: expect.stringMatching(
        /^python-conformance: uploaded the report for component:default\/ai-gateway to http:\/\/localhost:\d+ \(result [0-9a-f-]+, .+\)\n$/,
      ),
    });
    const printed = JSON.parse(result.stdout) as ConformanceReport;

    const after = (await report())!;
    expect(after.upload).toMatchObject({
      source: 'ci-upload',
      commitId: head,
      rulePackVersion: 'ci-upload',
      report: { score: printed.score, results: printed.results },
    });
    expect(result.stderr).toContain(`(result ${after.upload!.id}, `);
    // The scan stays the portal's own, scheduled one.
    expect(after.scan).toEqual(before!.scan);
    expect(after.entityRef).toBe(GATEWAY);
  });

  it('refuses tokens that are not the CI upload token, with the server’s words', async () => {
    const restricted = await upload(catalogToken);
    expect(restricted.code).toBe(4);
    expect(restricted.stderr).toContain(
      "python-conformance: upload failed (HTTP 403: the token in PYTHON_CONFORMANCE_TOKEN may not upload to this portal (it must be an external-access token allowed for python-stewardship)): This token's access is restricted to plugin(s) 'catalog'",
    );
    // The shared all-access test token has no external: subject.
    const allAccess = await upload(backend.token);
    expect(allAccess.code).toBe(4);
    expect(allAccess.stderr).toContain(
      'CI uploads need an external-access token',
    );
    const person = await upload(personToken);
    expect(person.code).toBe(4);
    expect(person.stderr).toContain('HTTP 403');
    const wrong = await upload('not-a-portal-token');
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toContain('HTTP 401');

    const unknown = await upload(ciToken, '--entity', 'component:default/nope');
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain(
      'HTTP 404: the portal does not know this codebase): component:default/nope is not a Python codebase the portal knows',
    );
    for (const { stdout, stderr } of [restricted, allAccess, unknown]) {
      expect(stdout + stderr).not.toContain(ciToken);
      expect(stdout + stderr).not.toContain(catalogToken);
    }
  });
});
