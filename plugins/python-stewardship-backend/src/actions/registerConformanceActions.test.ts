import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { ruleCatalog } from '@internal/plugin-python-stewardship-common';
import { reportWith } from '../__testUtils__/reports';
import { ConformanceStore } from '../database/ConformanceStore';
import { registerConformanceActions } from './registerConformanceActions';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const GATEWAY = 'component:default/ai-gateway';

describe('conformance actions', () => {
  let registry: ReturnType<typeof actionsRegistryServiceMock>;

  beforeAll(async () => {
    const store = await ConformanceStore.create(
      await databases.init('SQLITE_3'),
    );
    await store.syncCodebases([
      {
        entityRef: GATEWAY,
        name: 'ai-gateway',
        type: 'service',
        owner: 'group:default/ai-framework',
        maintainers: [],
        projectPath: 'gitlab-org/ai-assist',
      },
    ]);
    await store.recordResult({
      entityRef: GATEWAY,
      source: 'schedule',
      commitId: 'c1',
      rulePackVersion: 'v1',
      report: reportWith({ score: 40, failing: ['PYG-001'] }),
    });
    registry = actionsRegistryServiceMock();
    registerConformanceActions({
      actionsRegistry: registry,
      store,
      rules: ruleCatalog,
      appBaseUrl: 'https://portal.example.com/',
    });
  });

  const id = async (name: string) =>
    (await registry.list()).actions.find(action => action.name === name)!.id;

  it('registers three read-only actions', async () => {
    const { actions } = await registry.list();
    expect(actions.map(action => action.name).sort()).toEqual([
      'explain-check',
      'explain-codebase-conformance',
      'list-failing-codebases',
    ]);
    expect(actions.map(action => action.attributes.readOnly)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('lists, explains a codebase and a check with the caller’s credentials', async () => {
    const credentials = mockCredentials.user('user:default/eli');
    const list = await registry.invoke({
      id: await id('list-failing-codebases'),
      input: { checkId: 'pyg-001', owner: 'ai-framework' },
      credentials,
    });
    expect(list.output).toMatchObject({
      totalCount: 1,
      items: [{ entityRef: GATEWAY, score: 40, failingChecks: ['PYG-001'] }],
    });
    const report = await registry.invoke({
      id: await id('explain-codebase-conformance'),
      input: { entityRef: 'ai-gateway' },
      credentials,
    });
    expect(report.output).toMatchObject({
      entityRef: GATEWAY,
      score: 40,
      failingChecks: [
        {
          checkId: 'PYG-001',
          handbookUrl: expect.stringMatching(
            /^https:\/\/portal\.example\.com\/python-guidelines\/[a-z-]+#/,
          ),
        },
      ],
    });
    const check = await registry.invoke({
      id: await id('explain-check'),
      input: { checkId: 'PYG-001' },
      credentials,
    });
    expect(check.output).toMatchObject({
      id: 'PYG-001',
      why: expect.any(String),
      howToFix: expect.any(String),
    });
  });

  it('refuses callers without credentials', async () => {
    await expect(
      registry.invoke({
        id: await id('explain-check'),
        input: { checkId: 'PYG-001' },
        credentials: mockCredentials.none(),
      }),
    ).rejects.toThrow(/Sign in/);
  });
});
