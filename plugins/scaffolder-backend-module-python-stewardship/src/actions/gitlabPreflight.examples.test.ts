import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createGitlabPreflightAction } from './gitlabPreflight';
import { gitlabPreflightExamples } from './gitlabPreflight.examples';

describe('python-stewardship:gitlab:preflight examples', () => {
  it('accepts the example input (checked as a dry run) and feeds publish:gitlab its resume flag', async () => {
    const action = createGitlabPreflightAction({
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
      catalog: catalogServiceMock(),
    });
    const [preflight, publish] = yaml.parse(
      gitlabPreflightExamples[0].example,
    ).steps;
    const ctx = {
      // createMockActionContext takes no isDryRun option.
      ...createMockActionContext({ input: preflight.input }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('resume', false);
    expect(publish.input.skipExisting).toBe(
      '${{ steps.preflight.output.resume }}',
    );
  });
});
