import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createDeriveValuesAction } from './deriveValues';
import { examples } from './deriveValues.examples';

describe('python-stewardship:values:derive examples', () => {
  it('derives the PyPI and import names for the example utility', async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({ input });

    await createDeriveValuesAction().handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'distributionName',
      'gitlab-prompt-eval',
    );
    expect(ctx.output).toHaveBeenCalledWith('packageName', 'prompt_eval');
  });
});
