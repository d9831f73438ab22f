import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createGitlabReviewSettingsAction } from './gitlabReviewSettings';
import { examples } from './gitlabReviewSettings.examples';

describe('python-stewardship:gitlab:review-settings examples', () => {
  it('names both maintainers as approvers (checked as a dry run)', async () => {
    const action = createGitlabReviewSettingsAction({
      integrations: ScmIntegrations.fromConfig(
        mockServices.rootConfig({
          data: {
            integrations: {
              gitlab: [
                {
                  host: 'gitlab.example.com',
                  apiBaseUrl: 'https://gitlab.example.com/api/v4',
                  token: 'integration-token',
                },
              ],
            },
          },
        }),
      ),
    });
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = {
      // createMockActionContext takes no isDryRun option.
      ...createMockActionContext({ input }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('approvers', [
      'alex.maintainer',
      'bea.reviewer',
    ]);
  });
});
