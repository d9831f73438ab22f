import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readDiscoveryConfigs } from './readDiscoveryConfig';

const integrations = {
  gitlab: [
    {
      host: 'gitlab.example.com',
      apiBaseUrl: 'https://gitlab.example.com/api/v4',
      token: 'glpat-test',
    },
  ],
};

function configWith(pythonStewardship: JsonObject) {
  return new ConfigReader({
    integrations,
    catalog: { providers: { pythonStewardship } },
  });
}

describe('readDiscoveryConfigs', () => {
  it('returns nothing when discovery is not configured', () => {
    expect(readDiscoveryConfigs(new ConfigReader({ integrations }))).toEqual(
      [],
    );
  });

  it('reads a block with defaults and the matching integration', () => {
    const [config] = readDiscoveryConfigs(
      configWith({
        main: {
          host: 'gitlab.example.com',
          group: 'gitlab-org',
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
        },
      }),
    );
    expect(config).toMatchObject({
      id: 'main',
      host: 'gitlab.example.com',
      group: 'gitlab-org',
      orgGroup: 'gitlab-org',
      skipArchived: false,
      skipForks: true,
      concurrency: 8,
      events: true,
      maxScanAgeHours: 24,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
      integration: {
        apiBaseUrl: 'https://gitlab.example.com/api/v4',
        token: 'glpat-test',
      },
    });
  });

  it('reads several ids and explicit flags', () => {
    const configs = readDiscoveryConfigs(
      configWith({
        a: {
          host: 'gitlab.example.com',
          skipArchived: true,
          skipForks: false,
          concurrency: 2,
          requestsPerMinute: 600,
          schedule: { frequency: 'PT1H', timeout: 'PT5M' },
        },
        b: {
          host: 'gitlab.example.com',
          schedule: { frequency: { cron: '0 * * * *' }, timeout: 'PT5M' },
        },
      }),
    );
    expect(configs.map(c => [c.id, c.skipArchived, c.skipForks])).toEqual([
      ['a', true, false],
      ['b', false, true],
    ]);
    expect(configs[0]).toMatchObject({
      concurrency: 2,
      requestsPerMinute: 600,
    });
    expect(configs[0].group).toBeUndefined();
  });

  const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 3 } };
  it.each([
    [
      'a missing host',
      { main: { schedule } },
      'catalog.providers.pythonStewardship.main.host',
    ],
    [
      'a host with no integration',
      { main: { host: 'gitlab.other.org', schedule } },
      "catalog.providers.pythonStewardship.main.host: no integrations.gitlab entry for host 'gitlab.other.org'",
    ],
    [
      'a non-boolean skipForks',
      { main: { host: 'gitlab.example.com', skipForks: 'yes', schedule } },
      'catalog.providers.pythonStewardship.main.skipForks',
    ],
    [
      'an unknown key',
      { main: { host: 'gitlab.example.com', grup: 'x', schedule } },
      'catalog.providers.pythonStewardship.main.grup',
    ],
    [
      'a missing schedule',
      { main: { host: 'gitlab.example.com' } },
      'catalog.providers.pythonStewardship.main.schedule',
    ],
    [
      'a bad schedule',
      { main: { host: 'gitlab.example.com', schedule: { timeout: 'PT5M' } } },
      'catalog.providers.pythonStewardship.main.schedule',
    ],
  ])('rejects %s and names the key', (_, block, message) => {
    expect(() => readDiscoveryConfigs(configWith(block))).toThrow(message);
  });
});
