import { Gitlab } from '@gitbeaker/rest';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type {
  CodebasePage,
  EntityConformance,
  Exemption,
  OrganisationSummary,
} from '@internal/plugin-python-stewardship-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInWithGitlab } from './__testUtils__/signInWithGitlab';
import {
  conformanceDemoConfig,
  waitForConformanceDemoCatalog,
} from './__testUtils__/conformanceDemoConfig';
import {
  BackendProcess,
  startBackendProcess,
} from './testing/startBackendProcess';

jest.setTimeout(240_000);

const execFileAsync = promisify(execFile);

const GATEWAY = 'entities/component/default/ai-gateway';

/**
 * The conformance service in the real backend on app-config.yaml, against
 * the local GitLab's seeded projects and the demo catalog: the first sweep,
 * the API people and the UI use, and who may do what.
 */
describe('conformance service (real backend, local GitLab)', () => {
  let gitlab: GitlabLocal;
  let backend: BackendProcess;
  let dataDir: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-conformance-'));
    gitlab = await startGitlabLocal({ dataDir });
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      overrides: conformanceDemoConfig(gitlab),
    });
    await waitForConformanceDemoCatalog(backend);
    for (const username of [
      'alex.maintainer',
      'chen.developer',
      'eli.newcomer',
    ]) {
      tokens[username] = (
        await signInWithGitlab(backend.baseUrl, username)
      ).backstageToken;
    }
    const guest = await fetch(`${backend.baseUrl}/api/auth/guest/refresh`);
    tokens.guest = ((await guest.json()) as any).backstageIdentity.token;
  });

  afterAll(async () => {
    await backend?.stop();
    await gitlab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (who: string | null, route: string, init: RequestInit = {}) =>
    fetch(`${backend.baseUrl}/api/python-stewardship/${route}`, {
      ...init,
      headers: {
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        'content-type': 'application/json',
        ...(init.headers as object),
      },
    });

  async function json<T>(response: Response, status = 200): Promise<T> {
    const text = await response.text();
    expect({ status: response.status, body: text.slice(0, 300) }).toEqual({
      status,
      body: expect.any(String),
    });
    return JSON.parse(text) as T;
  }

  /** The summary once the first sweep has stored all four codebases. */
  let firstSweep: OrganisationSummary | undefined;
  beforeAll(async () => {
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      firstSweep = await json<OrganisationSummary>(
        await api('eli.newcomer', 'summary'),
      );
      if (firstSweep.scanned === 4) return;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  });

  it('scans every demo codebase shortly after start and summarises them', async () => {
    const summary = firstSweep;
    expect(summary).toMatchObject({ codebases: 4, scanned: 4 });
    expect(summary!.byType.service).toBeGreaterThanOrEqual(1);
    expect(summary!.owners.map(o => o.owner)).toContain(
      'group:default/ai-framework',
    );

    const page = await json<CodebasePage>(
      await api('eli.newcomer', 'codebases?sort=score&order=desc&limit=2'),
    );
    expect(page.totalCount).toBe(4);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].score!).toBeGreaterThanOrEqual(page.items[1].score!);
    expect(page.items[0].source).toBe('schedule');
  });

  it("serves one codebase's report with what the viewer may do", async () => {
    const asChen = await json<EntityConformance>(
      await api('chen.developer', `${GATEWAY}/report`),
    );
    expect(asChen.scan?.report.repositoryType).toBe('service');
    expect(asChen.projectWebUrl).toBe(
      `${gitlab.url}/gitlab-org/modelops/applied-ml/code-suggestions/ai-assist`,
    );
    expect(asChen.viewer).toEqual({
      canRefresh: true,
      canDecideExemptions: true,
    });
    const asEli = await json<EntityConformance>(
      await api('eli.newcomer', `${GATEWAY}/report`),
    );
    expect(asEli.viewer).toEqual({
      canRefresh: false,
      canDecideExemptions: false,
    });
    const missing = await api(
      'eli.newcomer',
      'entities/component/default/nope/report',
    );
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(
      /not a Python codebase the portal knows/,
    );
  });

  it('lets owners and maintainers rescan, and refuses others in words', async () => {
    const refused = await api('eli.newcomer', `${GATEWAY}/refresh`, {
      method: 'POST',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/Only the owners and maintainers/);
    const refreshed = await json<EntityConformance>(
      await api('alex.maintainer', `${GATEWAY}/refresh`, { method: 'POST' }),
    );
    expect(refreshed.scan?.source).toBe('manual');
  });

  it('takes an exemption request from anyone signed in with GitLab, and a maintainer approval changes the score', async () => {
    const before = await json<EntityConformance>(
      await api('eli.newcomer', `${GATEWAY}/report`),
    );
    const failing = before.scan!.report.results.find(r => r.status === 'fail')!;
    const bad = await api('eli.newcomer', `${GATEWAY}/exemptions`, {
      method: 'POST',
      body: JSON.stringify({
        checkId: 'PYG-999',
        reason: 'short',
        expiresAt: 'soon',
      }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(
      /checkId PYG-999 is not a check of the rule pack.*reason Say why in at least 10 characters.*expiresAt must be a date/,
    );
    const asGuest = await api('guest', `${GATEWAY}/exemptions`, {
      method: 'POST',
      body: JSON.stringify({
        checkId: failing.id,
        reason: 'Guests may not ask for this',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    });
    expect(asGuest.status).toBe(403);

    const requested = await json<Exemption>(
      await api('eli.newcomer', `${GATEWAY}/exemptions`, {
        method: 'POST',
        body: JSON.stringify({
          checkId: failing.id,
          reason: 'Replaced by the new gateway next quarter',
          expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        }),
      }),
      201,
    );
    expect(requested).toMatchObject({
      state: 'requested',
      requestedBy: 'user:default/eli.newcomer',
    });
    const selfApproval = await api(
      'eli.newcomer',
      `exemptions/${requested.id}/decision`,
      { method: 'POST', body: JSON.stringify({ decision: 'approve' }) },
    );
    expect(selfApproval.status).toBe(403);
    const approved = await json<Exemption>(
      await api('alex.maintainer', `exemptions/${requested.id}/decision`, {
        method: 'POST',
        body: JSON.stringify({ decision: 'approve', comment: 'Agreed' }),
      }),
    );
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: 'user:default/alex.maintainer',
    });
    const after = await json<EntityConformance>(
      await api('eli.newcomer', `${GATEWAY}/report`),
    );
    expect(
      after.scan!.report.results.find(r => r.id === failing.id)?.status,
    ).toBe('exempt');
    expect(after.scan!.report.score).toBeGreaterThan(before.scan!.report.score);
  });

  it('exports the filtered list as CSV and keeps history', async () => {
    const csv = await api('eli.newcomer', 'codebases.csv?type=service');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'entity_ref,name,type,owner,maintainers,gitlab_project,score,level,failing_checks,last_scan_at,source',
    );
    expect(lines.length).toBeGreaterThan(1);
    const history = await json<{ points: unknown[] }>(
      await api('eli.newcomer', `${GATEWAY}/history?days=30`),
    );
    expect(history.points.length).toBeGreaterThanOrEqual(3);
  });

  it('rescans a project within seconds of a push to its default branch, and ignores hooks with a wrong secret', async () => {
    const root = new Gitlab({ host: gitlab.url, token: gitlab.token });
    const hookUrl = `${backend.baseUrl}/api/events/http/gitlab`;
    const forged = await fetch(hookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-gitlab-token': 'not-the-secret',
      },
      body: JSON.stringify({ event_name: 'push' }),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);

    await root.SystemHooks.create(hookUrl, {
      token: 'python-stewardship-demo-webhook',
      pushEvents: true,
    });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-push-'));
    const git = (...args: string[]) =>
      execFileAsync('git', args, {
        cwd: work,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Alex',
          GIT_AUTHOR_EMAIL: 'alex@example.com',
          GIT_COMMITTER_NAME: 'Alex',
          GIT_COMMITTER_EMAIL: 'alex@example.com',
        },
      });
    try {
      const remote = gitlab.url.replace('://', `://oauth2:${gitlab.token}@`);
      await git(
        'clone',
        '-q',
        `${remote}/gitlab-org/modelops/applied-ml/code-suggestions/ai-assist.git`,
        '.',
      );
      fs.writeFileSync(path.join(work, 'NOTES.md'), '# Notes\n');
      await git('add', '.');
      await git('commit', '-qm', 'Add notes');
      await git('push', '-q', 'origin', 'HEAD:main');
      const head = (await git('rev-parse', 'HEAD')).stdout.trim();
      const pushedAt = Date.now();
      let report: EntityConformance | undefined;
      while (Date.now() - pushedAt < 20_000) {
        report = await json<EntityConformance>(
          await api('eli.newcomer', `${GATEWAY}/report`),
        );
        if (report.scan?.commitId === head) break;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      expect(report?.scan).toMatchObject({ commitId: head, source: 'push' });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('refuses unsigned requests and bad queries', async () => {
    expect((await api(null, 'summary')).status).toBe(401);
    const bad = await api('eli.newcomer', 'codebases?limit=5000&sort=colour');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(
      /sort Invalid enum value.*limit Number must be less than or equal to 200/,
    );
  });
});
