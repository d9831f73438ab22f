import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { GitlabPythonDiscoveryProvider } from './discovery/GitlabPythonDiscoveryProvider';
import { MaintainersProcessor } from './processors/MaintainersProcessor';
import { catalogModulePythonStewardship } from './module';

const integrations = {
  gitlab: [
    {
      host: 'gitlab.example.com',
      apiBaseUrl: 'https://gitlab.example.com/api/v4',
      token: 'glpat-test',
    },
  ],
};

async function start(data: JsonObject) {
  const extensionPoint = {
    addProcessor: jest.fn(),
    addEntityProvider: jest.fn(),
  };
  const runner = { run: jest.fn() };
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: jest.fn(() => runner),
  });
  const backend = await startTestBackend({
    extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
    features: [
      catalogModulePythonStewardship,
      mockServices.rootConfig.factory({ data }),
      scheduler.factory,
    ],
  });
  return { backend, extensionPoint, scheduler };
}

describe('catalogModulePythonStewardship', () => {
  it('adds the maintainers processor and no provider without discovery config', async () => {
    const { backend, extensionPoint, scheduler } = await start({
      integrations,
    });
    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      expect.any(MaintainersProcessor),
    );
    expect(extensionPoint.addEntityProvider).not.toHaveBeenCalled();
    expect(scheduler.createScheduledTaskRunner).not.toHaveBeenCalled();
    await backend.stop();
  });

  it('adds one discovery provider per configured id', async () => {
    const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 5 } };
    const { backend, extensionPoint, scheduler } = await start({
      integrations,
      catalog: {
        providers: {
          pythonStewardship: {
            all: { host: 'gitlab.example.com', schedule },
            org: { host: 'gitlab.example.com', group: 'gitlab-org', schedule },
          },
        },
      },
    });
    const providers = extensionPoint.addEntityProvider.mock.calls.map(
      ([provider]) => provider,
    );
    expect(providers).toHaveLength(2);
    expect(providers[0]).toBeInstanceOf(GitlabPythonDiscoveryProvider);
    expect(providers.map(p => p.getProviderName())).toEqual([
      'GitlabPythonDiscoveryProvider:all',
      'GitlabPythonDiscoveryProvider:org',
    ]);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(schedule);
    await backend.stop();
  });

  it('fails start-up on an invalid block, naming the key', async () => {
    await expect(
      start({
        integrations,
        catalog: {
          providers: {
            pythonStewardship: {
              all: { host: 'gitlab.nowhere', schedule: {} },
            },
          },
        },
      }),
    ).rejects.toThrow('catalog.providers.pythonStewardship.all.host');
  });
});
