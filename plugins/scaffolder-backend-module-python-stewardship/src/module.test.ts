import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import scaffolderModule from '.';

describe('scaffolderModulePythonStewardship', () => {
  it('registers the values, conformance and review-settings actions with the scaffolder', async () => {
    const addActions = jest.fn();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModule],
    });

    const ids = addActions.mock.calls.flat().map(action => action.id);
    expect(ids).toEqual([
      'python-stewardship:values:derive',
      'python-stewardship:conformance:check',
      'python-stewardship:gitlab:review-settings',
    ]);
  });
});
