import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import type { OrganisationSummary } from '@internal/plugin-python-stewardship-common';
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

/**
 * The conformance service's read actions as MCP tools: an MCP client on the
 * real backend (app-config.yaml, local GitLab, demo catalog) lists them and
 * calls each once the first sweep has stored results.
 */
describe('conformance actions as MCP tools (real backend, local GitLab)', () => {
  let gitlab: GitlabLocal;
  let backend: BackendProcess;
  let dataDir: string;
  let userToken: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-mcp-'));
    gitlab = await startGitlabLocal({ dataDir });
    backend = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      overrides: conformanceDemoConfig(gitlab),
    });
    await waitForConformanceDemoCatalog(backend);
    userToken = (await signInWithGitlab(backend.baseUrl, 'eli.newcomer'))
      .backstageToken;
    // The first sweep: all four demo codebases scanned.
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      const response = await fetch(
        `${backend.baseUrl}/api/python-stewardship/summary`,
        { headers: { authorization: `Bearer ${userToken}` } },
      );
      const summary = (await response.json()) as OrganisationSummary;
      if (summary.scanned === 4) break;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await gitlab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function connect(token: string) {
    const client = new Client({ name: 'conformance-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`${backend.baseUrl}/api/mcp-actions/v1`),
        { requestInit: { headers: { authorization: `Bearer ${token}` } } },
      ),
    );
    return client;
  }

  const structured = (result: Awaited<ReturnType<Client['callTool']>>) => {
    const content = result.content as Array<{ type: string; text: string }>;
    expect({
      isError: result.isError,
      text: content[0].text.slice(0, 300),
    }).toEqual({ isError: undefined, text: expect.stringMatching(/^[{[]/) });
    return JSON.parse(content[0].text);
  };

  it('lists the three read tools with their input schemas', async () => {
    const client = await connect(backend.token);
    const { tools } = await client.listTools();
    const ours = tools.filter(tool =>
      /failing-codebases|codebase-conformance|explain-check/.test(tool.name),
    );
    // mcp-actions-backend names each tool <pluginId>.<action name>.
    expect(ours.map(tool => tool.name).sort()).toEqual([
      'python-stewardship.explain-check',
      'python-stewardship.explain-codebase-conformance',
      'python-stewardship.list-failing-codebases',
    ]);
    expect(
      ours.find(
        tool => tool.name === 'python-stewardship.list-failing-codebases',
      )?.inputSchema.properties,
    ).toEqual(
      expect.objectContaining({
        checkId: expect.anything(),
        owner: expect.anything(),
        level: expect.anything(),
      }),
    );
    expect(ours.every(tool => tool.annotations?.readOnlyHint)).toBe(true);
    await client.close();
  });

  it('lists codebases failing a check, explains one and explains the check, as a signed-in person', async () => {
    const client = await connect(userToken);
    const all = structured(
      await client.callTool({
        name: 'python-stewardship.list-failing-codebases',
        arguments: {},
      }),
    );
    expect(all.totalCount).toBe(4);
    const failingCheck: string = all.items.find(
      (row: { failingChecks: string[] }) => row.failingChecks.length > 0,
    ).failingChecks[0];

    const failing = structured(
      await client.callTool({
        name: 'python-stewardship.list-failing-codebases',
        arguments: { checkId: failingCheck },
      }),
    );
    expect(failing.totalCount).toBeGreaterThanOrEqual(1);
    expect(
      failing.items.every((row: { failingChecks: string[] }) =>
        row.failingChecks.includes(failingCheck),
      ),
    ).toBe(true);

    const byOwner = structured(
      await client.callTool({
        name: 'python-stewardship.list-failing-codebases',
        arguments: { owner: 'ai-framework' },
      }),
    );
    expect(byOwner.items.map((row: { owner: string }) => row.owner)).toEqual(
      byOwner.items.map(() => 'group:default/ai-framework'),
    );
    expect(byOwner.totalCount).toBeGreaterThanOrEqual(1);

    const report = structured(
      await client.callTool({
        name: 'python-stewardship.explain-codebase-conformance',
        arguments: { entityRef: failing.items[0].entityRef },
      }),
    );
    expect(report).toMatchObject({
      entityRef: failing.items[0].entityRef,
      scanned: true,
      score: failing.items[0].score,
    });
    expect(report.failingChecks).toContainEqual(
      expect.objectContaining({
        checkId: failingCheck,
        message: expect.any(String),
        howToFix: expect.any(String),
        handbookUrl: expect.stringMatching(
          /^http:\/\/localhost:\d+\/python-guidelines\/[a-z-]+#/,
        ),
      }),
    );

    const check = structured(
      await client.callTool({
        name: 'python-stewardship.explain-check',
        arguments: { checkId: failingCheck.toLowerCase() },
      }),
    );
    expect(check).toMatchObject({
      id: failingCheck,
      title: expect.any(String),
      why: expect.any(String),
      howToFix: expect.any(String),
      handbookUrl: expect.stringContaining('/python-guidelines/'),
    });
    await client.close();
  });

  it('answers an unknown check or codebase with an error that says what to do', async () => {
    const client = await connect(userToken);
    const unknownCheck = await client.callTool({
      name: 'python-stewardship.explain-check',
      arguments: { checkId: 'PYG-999' },
    });
    expect(unknownCheck.isError).toBe(true);
    expect(JSON.stringify(unknownCheck.content)).toMatch(
      /PYG-999 is not a check of the rule pack/,
    );
    const unknownCodebase = await client.callTool({
      name: 'python-stewardship.explain-codebase-conformance',
      arguments: { entityRef: 'component:default/no-such-codebase' },
    });
    expect(unknownCodebase.isError).toBe(true);
    expect(JSON.stringify(unknownCodebase.content)).toMatch(
      /not a Python codebase the portal knows/,
    );
    await client.close();
  });

  it('refuses calls without credentials', async () => {
    await expect(
      fetch(`${backend.baseUrl}/api/mcp-actions/v1`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/list',
        }),
      }).then(response => response.status),
    ).resolves.toBe(401);
  });
});
