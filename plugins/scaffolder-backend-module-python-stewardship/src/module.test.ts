import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import scaffolderModule from '.';

describe('scaffolderModulePythonStewardship', () => {
  it('registers the values, preflight, conformance, review-settings and catalog-wait actions with the scaffolder', async () => {
    const addActions = jest.fn();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModule, catalogServiceMock.factory()],
    });

    const ids = addActions.mock.calls.flat().map(action => action.id);
    expect(ids).toEqual([
      'python-stewardship:values:derive',
      'python-stewardship:gitlab:preflight',
      'python-stewardship:conformance:check',
      'python-stewardship:gitlab:review-settings',
      'python-stewardship:catalog:wait-for-entity',
    ]);
  });
});
