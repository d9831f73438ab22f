import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { reportWith } from '../__testUtils__/reports';
import { ConformanceStore } from '../database/ConformanceStore';
import { createUploadRouter } from './createUploadRouter';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A mock service token for the given subject. */
const serviceHeader = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'python-stewardship',
  });
const CI = serviceHeader('external:gitlab-ci');
const GATEWAY = 'component:default/ai-gateway';

describe('POST /uploads', () => {
  let store: ConformanceStore;
  let app: express.Express;

  beforeEach(async () => {
    store = await ConformanceStore.create(await databases.init('SQLITE_3'));
    await store.syncCodebases([
      {
        entityRef: GATEWAY,
        name: 'ai-gateway',
        type: 'service',
        owner: 'group:default/ai-framework',
        maintainers: [],
        projectPath: 'gitlab-org/ai-assist',
      },
      ...['api', 'worker'].map(name => ({
        entityRef: `component:default/mono-${name}`,
        name: `mono-${name}`,
        type: 'service' as const,
        owner: null,
        maintainers: [],
        projectPath: 'gitlab-org/mono',
      })),
    ]);
    await store.recordResult({
      entityRef: GATEWAY,
      source: 'schedule',
      commitId: 'aaaa111',
      rulePackVersion: 'v1',
      report: reportWith({ score: 40 }),
    });
    app = express()
      .use(
        await createUploadRouter({
          store,
          httpAuth: mockServices.httpAuth({
            pluginId: 'python-stewardship',
            // A request without a token, as the real httpAuth sees it.
            defaultCredentials: mockCredentials.none(),
          }),
          logger: mockServices.logger.mock(),
        }),
      )
      .use(mockErrorHandler());
  });

  const upload = (body: unknown, authorization: string | null = CI) => {
    const req = request(app).post('/uploads');
    return (authorization ? req.set('authorization', authorization) : req)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));
  };

  it('stores an external token’s report as a ci-upload beside the scan', async () => {
    const report = reportWith({ score: 90, level: 'silver', failing: [] });
    const res = await upload({
      projectPath: 'GitLab-Org/AI-Assist',
      commitId: 'bbbb2222',
      report,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      entityRef: GATEWAY,
      source: 'ci-upload',
      createdAt: expect.any(String),
    });
    expect(await store.latestResult(GATEWAY, 'upload')).toEqual({
      id: res.body.id,
      source: 'ci-upload',
      createdAt: res.body.createdAt,
      commitId: 'bbbb2222',
      rulePackVersion: 'ci-upload',
      report,
    });
    // The scan stays the codebase's current state.
    expect(await store.latestResult(GATEWAY, 'scan')).toMatchObject({
      source: 'schedule',
      commitId: 'aaaa111',
    });
    expect((await store.listCodebases({})).items[0]).toMatchObject({
      entityRef: GATEWAY,
      score: 40,
      source: 'schedule',
    });
  });

  it('takes an entity ref, the report’s commit and a given rule-pack version', async () => {
    const res = await upload({
      entityRef: 'Component:default/AI-Gateway',
      rulePackVersion: '0.1.0+abc',
      report: { ...reportWith(), commitId: 'cccc3333' },
    });
    expect(res.status).toBe(201);
    expect(res.body.entityRef).toBe(GATEWAY);
    expect(await store.latestResult(GATEWAY, 'upload')).toMatchObject({
      commitId: 'cccc3333',
      rulePackVersion: '0.1.0+abc',
    });
  });

  it.each([
    ['no token', null, 401],
    ['a signed-in person', mockCredentials.user.header(), 403],
    ['another plugin', serviceHeader('plugin:catalog'), 403],
  ])('refuses %s', async (_who, authorization, status) => {
    const res = await upload(
      { entityRef: GATEWAY, report: reportWith() },
      authorization,
    );
    expect(res.status).toBe(status);
    expect(await store.latestResult(GATEWAY, 'upload')).toBeNull();
  });

  it('says why another plugin’s service token may not upload', async () => {
    const res = await upload(
      { entityRef: GATEWAY, report: reportWith() },
      serviceHeader('plugin:catalog'),
    );
    expect(res.body.error.message).toMatch(
      /CI uploads need an external-access token.*plugin:catalog may not upload/,
    );
  });

  it('names each bad field in words', async () => {
    const report = reportWith();
    const res = await upload({
      entityRef: 'ai-gateway',
      commitId: 'not a sha',
      colour: 'blue',
      report: {
        ...report,
        schemaVersion: 2,
        score: 140,
        results: [
          { ...report.results[0], status: 'ok' },
          { ...report.results[1], id: 'PYG-999' },
        ],
      },
    });
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    expect(message).toMatch(/^Invalid upload: /);
    for (const part of [
      'entityRef must be a component entity ref like component:default/payments-api',
      'commitId must be a git commit SHA',
      "Unrecognized key(s) in object: 'colour'",
      'report.schemaVersion must be 1',
      'report.score must be from 0 to 100',
      'report.results.0.status must be one of: pass, fail, skip, error, exempt',
      "report.results.1.id PYG-999 is not a check of the portal's rule pack",
    ]) {
      expect(message).toContain(part);
    }
  });

  it('holds the report to the shared schema (conformanceReportJsonSchema), in words', async () => {
    const { counts, ...report } = reportWith();
    const res = await upload({
      entityRef: GATEWAY,
      report: {
        ...report,
        level: 'platinum',
        warnings: 'none',
        results: [{ ...report.results[0], weight: 0, extra: true }],
        classification: { ...report.classification, type: undefined },
      },
    });
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    for (const part of [
      'report.counts is required',
      'report.level must be one of: bronze, silver, gold, null',
      'report.warnings must be a list',
      'report.results.0 has a field the report format does not know: extra',
      'report.results.0.weight must be from 1 to 3',
      'report.classification.type is required',
    ]) {
      expect(message).toContain(part);
    }
  });

  it('takes reports of CLIs older than classification.confidence and evidence', async () => {
    const report = reportWith();
    const classification: Record<string, unknown> = {
      ...report.classification,
    };
    delete classification.confidence;
    delete classification.evidence;
    const res = await upload({
      entityRef: GATEWAY,
      report: { ...report, classification },
    });
    expect(res.status).toBe(201);
  });

  it.each([
    [
      'neither entityRef nor projectPath',
      { report: reportWith() },
      /give exactly one of entityRef .* or projectPath/,
    ],
    [
      'both',
      {
        entityRef: GATEWAY,
        projectPath: 'gitlab-org/ai-assist',
        report: reportWith(),
      },
      /give exactly one of entityRef/,
    ],
    [
      'no report',
      { entityRef: GATEWAY },
      /report is required: the JSON report of `python-conformance check --format json`/,
    ],
    [
      'a text report',
      { entityRef: GATEWAY, report: 'Score 90/100' },
      /report must be the JSON report/,
    ],
    [
      'a project with several codebases',
      { projectPath: 'gitlab-org/mono', report: reportWith() },
      /holds several codebases \(component:default\/mono-api, component:default\/mono-worker\); say which with --entity/,
    ],
  ])('refuses %s with 400', async (_what, body, message) => {
    const res = await upload(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 in words when no known codebase matches', async () => {
    const byRef = await upload({
      entityRef: 'component:default/nope',
      report: reportWith(),
    });
    expect(byRef.status).toBe(404);
    expect(byRef.body.error.message).toMatch(
      /component:default\/nope is not a Python codebase the portal knows/,
    );
    const byPath = await upload({
      projectPath: 'elsewhere/nope',
      report: reportWith(),
    });
    expect(byPath.status).toBe(404);
    expect(byPath.body.error.message).toMatch(
      /No Python codebase the portal knows lives in the GitLab project elsewhere\/nope/,
    );
  });

  it('refuses bodies over 5 MB', async () => {
    const report = reportWith();
    const res = await upload({
      entityRef: GATEWAY,
      report: { ...report, warnings: ['x'.repeat(6 * 1024 * 1024)] },
    });
    expect(res.status).toBe(413);
  });
});
