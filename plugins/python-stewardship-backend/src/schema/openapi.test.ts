import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { reportWith } from '../__testUtils__/reports';
import { ConformanceStore } from '../database/ConformanceStore';
import { ConformanceScanner } from '../scan/ConformanceScanner';
import { createRouter } from '../service/createRouter';
import { spec } from './openapi/generated';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const GATEWAY = 'component:default/ai-gateway';
const ROUTE = '/entities/component/default/ai-gateway';

async function createApp(store: ConformanceStore) {
  const scanner = {
    refresh: jest.fn(async () => undefined),
  } as unknown as ConformanceScanner;
  return express()
    .use(
      await createRouter({
        store,
        scanner,
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.user('user:default/alex'),
        }),
        permissions: mockServices.permissions(),
        ownershipRefs: async () => ['user:default/alex'],
        publicBadges: false,
        validateResponses: true,
      }),
    )
    .use(mockErrorHandler());
}

/** Method and OpenAPI path of every route the express router serves. */
function routesOf(router: express.Router): string[] {
  return router.stack
    .filter(layer => layer.route)
    .flatMap(layer =>
      Object.keys((layer.route as any).methods).map(
        method =>
          `${method.toUpperCase()} ${String(layer.route!.path).replace(
            /:(\w+)/g,
            '{$1}',
          )}`,
      ),
    )
    .filter(route => route !== 'GET /openapi.json')
    .sort();
}

describe('the OpenAPI description (src/schema/openapi.yaml)', () => {
  it('is what the generated router module carries', () => {
    const yaml = parseYaml(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });

  it('describes every route of the router, and no other', async () => {
    const store = await ConformanceStore.create(
      await databases.init('SQLITE_3'),
    );
    const router = await createRouter({
      store,
      scanner: {} as ConformanceScanner,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      ownershipRefs: async () => [],
      publicBadges: false,
    });
    const described = Object.entries(spec.paths)
      .flatMap(([route, operations]) =>
        Object.keys(operations).map(
          method => `${method.toUpperCase()} ${route}`,
        ),
      )
      .sort();
    expect(routesOf(router)).toEqual(described);
  });
});

describe('responses match the OpenAPI description', () => {
  let store: ConformanceStore;
  let app: express.Express;

  beforeAll(async () => {
    store = await ConformanceStore.create(await databases.init('SQLITE_3'));
    await store.syncCodebases([
      {
        entityRef: GATEWAY,
        name: 'ai-gateway',
        title: 'AI Gateway',
        type: 'service',
        owner: 'group:default/ai-framework',
        maintainers: ['user:default/alex'],
        projectPath: 'gitlab-org/ai-assist',
      },
      {
        entityRef: 'component:default/unscanned',
        name: 'unscanned',
        type: null,
        owner: null,
        maintainers: [],
        projectPath: null,
      },
    ]);
    for (const [source, score] of [
      ['schedule', 40],
      ['ci-upload', 55],
      ['push', 60],
    ] as const) {
      await store.recordResult({
        entityRef: GATEWAY,
        source,
        commitId: `c-${score}`,
        rulePackVersion: 'v1',
        report: reportWith({ score, failing: ['PYG-001', 'PYG-014'] }),
      });
    }
    app = await createApp(store);
  });

  // The router validates each response against the spec (validateResponses):
  // a response that does not match answers 500 with the mismatch.
  const ok = async (response: request.Response, status = 200) => {
    expect({
      status: response.status,
      error: response.body?.error?.message,
    }).toEqual({ status, error: undefined });
    return response.body;
  };

  it('summary, list, CSV and rules', async () => {
    expect((await ok(await request(app).get('/summary'))).scanned).toBe(1);
    const page = await ok(
      await request(app).get('/codebases?sort=score&order=desc&limit=5'),
    );
    expect(page.items).toHaveLength(2);
    const csv = await request(app).get(
      '/codebases.csv?owner=group:default/ai-framework',
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toMatch(/^entity_ref,/);
    expect(
      (await ok(await request(app).get('/rules'))).items.length,
    ).toBeGreaterThan(20);
  });

  it("one entity's report, history, refresh and exemptions", async () => {
    const report = await ok(await request(app).get(`${ROUTE}/report`));
    expect(report.scan.report.score).toBe(60);
    expect(report.upload.source).toBe('ci-upload');
    expect(
      (await ok(await request(app).get(`${ROUTE}/history?days=30`))).points,
    ).toHaveLength(2); // scans only; the CI upload is kept apart
    await ok(await request(app).post(`${ROUTE}/refresh`));
    const exemption = await ok(
      await request(app)
        .post(`${ROUTE}/exemptions`)
        .send({
          checkId: 'PYG-014',
          reason: 'Migrating to ruff this quarter',
          expiresAt: new Date(Date.now() + 30 * 86400_000)
            .toISOString()
            .slice(0, 10),
        }),
      201,
    );
    expect(exemption.state).toBe('requested');
    expect(
      (await ok(await request(app).get(`${ROUTE}/exemptions`))).items,
    ).toHaveLength(1);
    const decided = await ok(
      await request(app)
        .post(`/exemptions/${exemption.id}/decision`)
        .send({ decision: 'approve', comment: 'ok' }),
    );
    expect(decided.state).toBe('approved');
    const unscanned = await ok(
      await request(app).get('/entities/component/default/unscanned/report'),
    );
    expect(unscanned.scan).toBeNull();
  });

  it('the badge, and errors in the documented error shape', async () => {
    const badge = await request(app).get(
      '/badges/component/default/ai-gateway.svg',
    );
    expect(badge.status).toBe(200);
    expect(badge.type).toBe('image/svg+xml');
    const missing = await request(app).get(
      '/entities/component/default/nope/report',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });

  it('keeps the zod validation messages (the spec does not validate requests)', async () => {
    const bad = await request(app).get('/codebases?sort=size&limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /sort Invalid enum value.*limit Number must be less than or equal to 200/,
    );
    const badExemption = await request(app)
      .post(`${ROUTE}/exemptions`)
      .send({ checkId: 'PYG-999', reason: 'short', expiresAt: 'soon' });
    expect(badExemption.status).toBe(400);
    expect(badExemption.body.error.message).toMatch(
      /checkId PYG-999 is not a check of the rule pack.*reason Say why in at least 10 characters.*expiresAt must be a date/,
    );
  });
});
