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
import { ConformanceScanner } from '../scan/ConformanceScanner';
import { createRouter } from './createRouter';
import { MAX_ENTITY_REFS } from './requestSchemas';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const refOf = (i: number) => `component:default/codebase-${i}`;

/**
 * `GET /codebases?entityRefs=…`: the catalog table's Guidelines column asks
 * for one page of rows in one request.
 */
describe('GET /codebases with entityRefs', () => {
  let app: express.Express;

  beforeAll(async () => {
    const store = await ConformanceStore.create(
      await databases.init('SQLITE_3'),
    );
    await store.syncCodebases(
      Array.from({ length: 150 }, (_, i) => ({
        entityRef: refOf(i),
        name: `codebase-${i}`,
        type: i % 2 ? 'library' : 'service',
        owner: 'group:default/team-a',
        maintainers: [],
        projectPath: `group/codebase-${i}`,
      })),
    );
    for (const i of [1, 2, 3, 120]) {
      await store.recordResult({
        entityRef: refOf(i),
        source: 'schedule',
        commitId: `c${i}`,
        rulePackVersion: 'v1',
        report: reportWith({ score: 50 + i, level: 'bronze' }),
      });
    }
    app = express()
      .use(
        await createRouter({
          store,
          scanner: {} as ConformanceScanner,
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
  });

  const refs = (body: { items: Array<{ entityRef: string }> }) =>
    body.items.map(item => item.entityRef);

  it('returns exactly the named codebases, repeated or comma-separated, case-insensitive', async () => {
    const repeated = await request(app).get(
      `/codebases?entityRefs=${refOf(3)}&entityRefs=${refOf(
        1,
      )}&entityRefs=Component:Default/Codebase-120`,
    );
    expect(repeated.status).toBe(200);
    expect(refs(repeated.body)).toEqual([refOf(1), refOf(120), refOf(3)]);
    expect(repeated.body.totalCount).toBe(3);
    expect(repeated.body.items[0]).toMatchObject({
      score: 51,
      level: 'bronze',
    });

    const commas = await request(app)
      .get('/codebases')
      .query({ entityRefs: `${refOf(2)},${refOf(140)}, ${refOf(2)}` });
    expect(commas.status).toBe(200);
    expect(refs(commas.body)).toEqual([refOf(140), refOf(2)]);
    // An unscanned codebase is a row without a score.
    expect(commas.body.items[0]).toMatchObject({ score: null, level: null });
  });

  it('leaves out refs that are not codebases, and combines with the other filters', async () => {
    const response = await request(app)
      .get('/codebases')
      .query({
        entityRefs: [refOf(1), refOf(2), refOf(4), 'component:default/nope'],
        level: 'bronze',
      });
    expect(response.status).toBe(200);
    expect(refs(response.body)).toEqual([refOf(1), refOf(2)]);
  });

  it('returns a whole table page without a limit, and honours one when given', async () => {
    const page = Array.from({ length: MAX_ENTITY_REFS }, (_, i) => refOf(i));
    const all = await request(app)
      .get('/codebases')
      .query({ entityRefs: page.join(',') });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(MAX_ENTITY_REFS);
    expect(all.body.limit).toBe(MAX_ENTITY_REFS);

    const limited = await request(app)
      .get('/codebases')
      .query({ entityRefs: page.join(','), limit: 10, offset: 95 });
    expect(limited.body.items).toHaveLength(5);
    expect(limited.body.totalCount).toBe(MAX_ENTITY_REFS);
  });

  it('filters the CSV export too', async () => {
    const csv = await request(app)
      .get('/codebases.csv')
      .query({ entityRefs: `${refOf(7)},${refOf(8)}` });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\n')).toHaveLength(3);
  });

  it('refuses more than the bound and malformed refs, in words', async () => {
    const tooMany = await request(app)
      .get('/codebases')
      .query({
        entityRefs: Array.from({ length: MAX_ENTITY_REFS + 1 }, (_, i) =>
          refOf(i),
        ).join(','),
      });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(
      /entityRefs may name at most 100 entity refs per request/,
    );

    const malformed = await request(app)
      .get('/codebases')
      .query({ entityRefs: `${refOf(1)},not a ref` });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(
      /entityRefs\.1 must be an entity ref like group:default\/python-maintainers/,
    );

    const empty = await request(app).get('/codebases?entityRefs=');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(
      /entityRefs must name at least one entity ref/,
    );
  });
});
