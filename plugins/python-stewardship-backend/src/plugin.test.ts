import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CheckDefinition,
  defineCheck,
  pass,
} from '@internal/plugin-python-stewardship-common';
import { pythonStewardshipChecksExtensionPoint } from '@internal/plugin-python-stewardship-node';
import request from 'supertest';
import { pythonStewardshipPlugin } from './plugin';

const quietSchedule = {
  frequency: { hours: 1 },
  timeout: { minutes: 1 },
  initialDelay: { hours: 1 },
};

const config = {
  integrations: {
    gitlab: [
      {
        host: 'gitlab.test',
        apiBaseUrl: 'https://gitlab.test/api/v4',
        token: 'unused',
      },
    ],
  },
  pythonStewardship: { conformance: { schedule: quietSchedule } },
};

const acmeCheck = defineCheck({
  id: 'ACME-001',
  title: 'Every service has a runbook',
  family: 'documentation',
  appliesTo: ['service'],
  weight: 1,
  advisory: false,
  requires: [],
  source: { kind: 'portal-default' },
  rationale: 'On-call engineers need one.',
  fix: { summary: 'Add RUNBOOK.md.' },
  docs: { page: 'deployment', anchor: 'deploying-with-runway' },
  evaluate: () => pass('RUNBOOK.md exists'),
} as CheckDefinition);

const acmeChecksModule = (checks: CheckDefinition[]) =>
  createBackendModule({
    pluginId: 'python-stewardship',
    moduleId: 'acme-checks',
    register(env) {
      env.registerInit({
        deps: { extension: pythonStewardshipChecksExtensionPoint },
        async init({ extension }) {
          extension.addChecks(...checks);
        },
      });
    },
  });

describe('pythonStewardshipPlugin', () => {
  it("serves the rule pack with an organisation's checks added through the extension point", async () => {
    const { server } = await startTestBackend({
      features: [
        pythonStewardshipPlugin,
        acmeChecksModule([acmeCheck]),
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory(),
      ],
    });
    const response = await request(server).get('/api/python-stewardship/rules');
    expect(response.status).toBe(200);
    const ids = response.body.items.map((rule: { id: string }) => rule.id);
    expect(ids).toContain('ACME-001');
    expect(ids).toContain('PYG-001');
    expect(response.body.items[0]).not.toHaveProperty('evaluate');
  });

  it('refuses to start with a check that takes a built-in id', async () => {
    await expect(
      startTestBackend({
        features: [
          pythonStewardshipPlugin,
          acmeChecksModule([{ ...acmeCheck, id: 'PYG-001' }]),
          mockServices.rootConfig.factory({ data: config }),
          catalogServiceMock.factory(),
        ],
      }),
    ).rejects.toThrow(/PYG-001 is already a check of the rule pack/);
  });

  it('refuses to start with invalid organisation options, naming the field', async () => {
    await expect(
      startTestBackend({
        features: [
          pythonStewardshipPlugin,
          mockServices.rootConfig.factory({
            data: {
              ...config,
              pythonStewardship: {
                ...config.pythonStewardship,
                options: { minimumPythonVersion: 'three' },
              },
            },
          }),
          catalogServiceMock.factory(),
        ],
      }),
    ).rejects.toThrow(
      /pythonStewardship\.options is invalid: minimumPythonVersion: must look like 3\.12/,
    );
  });
});
