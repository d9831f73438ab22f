import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'yaml';
import { createConformanceCheckAction } from './conformanceCheck';
import { examples } from './conformanceCheck.examples';

const FIXTURES = join(
  dirname(
    require.resolve('@internal/plugin-python-stewardship-common/package.json'),
  ),
  'fixtures/repos',
);

describe('python-stewardship:conformance:check examples', () => {
  const workspace = createMockDirectory();
  const action = createConformanceCheckAction();

  beforeEach(() => workspace.clear());

  it('gates a conformant service at the root of the workspace', async () => {
    cpSync(join(FIXTURES, 'conformant-service'), workspace.path, {
      recursive: true,
    });
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('repositoryType', 'service');
    expect(ctx.output).toHaveBeenCalledWith('score', 100);
  });

  it('checks a project in a subfolder against a lower minimum', async () => {
    cpSync(
      join(FIXTURES, 'conformant-service'),
      join(workspace.path, 'services/search-api'),
      { recursive: true },
    );
    const input = yaml.parse(examples[1].example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });

    await action.handler(ctx);

    expect(input).toEqual({ path: 'services/search-api', minimumScore: 90 });
    expect(ctx.output).toHaveBeenCalledWith('failures', []);
  });
});
