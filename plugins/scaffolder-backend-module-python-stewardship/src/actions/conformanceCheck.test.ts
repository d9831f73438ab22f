import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createConformanceCheckAction } from './conformanceCheck';

/** The rule pack's own fixture repositories, copied into the workspace. */
const FIXTURES = join(
  dirname(
    require.resolve('@internal/plugin-python-stewardship-common/package.json'),
  ),
  'fixtures/repos',
);

describe('python-stewardship:conformance:check', () => {
  const workspace = createMockDirectory();
  const action = createConformanceCheckAction();

  beforeEach(() => workspace.clear());

  function contextFor(input: {
    path?: string;
    minimumScore?: number;
    type?: 'service' | 'utility' | 'library';
  }) {
    return createMockActionContext({ input, workspacePath: workspace.path });
  }

  it('outputs score, level and no failures for a conformant repository', async () => {
    cpSync(join(FIXTURES, 'conformant-library'), workspace.path, {
      recursive: true,
    });
    const ctx = contextFor({});

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('score', 100);
    expect(ctx.output).toHaveBeenCalledWith('level', 'gold');
    expect(ctx.output).toHaveBeenCalledWith('repositoryType', 'library');
    expect(ctx.output).toHaveBeenCalledWith('failures', []);
  });

  it('fails below the minimum score and names every failing check', async () => {
    workspace.setContent({
      'pyproject.toml':
        '[project]\nname = "bare"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n',
    });
    const ctx = contextFor({ minimumScore: 100 });

    const run = action.handler(ctx);

    await expect(run).rejects.toThrow(
      /^Python conformance score \d+ is below the minimum of 100\. Failing checks: /,
    );
    await expect(run).rejects.toThrow(
      /PYG-020 GitLab CI runs lint and test jobs \(fail\)/,
    );
    const failures = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'failures',
    )?.[1];
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'PYG-020', status: 'fail' }),
        expect.objectContaining({ id: 'PYG-021', status: 'skip' }),
      ]),
    );
  });

  it('only reports when the minimum score is met', async () => {
    workspace.setContent({ 'pyproject.toml': '[project]\nname = "bare"\n' });
    const ctx = contextFor({ minimumScore: 0, type: 'service' });

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('repositoryType', 'service');
    const score = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'score',
    )?.[1];
    expect(score).toBeLessThan(50);
  });

  it('evaluates a subfolder of the workspace', async () => {
    cpSync(
      join(FIXTURES, 'conformant-utility'),
      join(workspace.path, 'tools/prompt-eval'),
      { recursive: true },
    );
    const ctx = contextFor({ path: 'tools/prompt-eval' });

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('repositoryType', 'utility');
    expect(ctx.output).toHaveBeenCalledWith('score', 100);
  });

  it('refuses an empty folder, which means the skeleton was never fetched', async () => {
    mkdirSync(join(workspace.path, 'empty'));

    await expect(action.handler(contextFor({ path: 'empty' }))).rejects.toThrow(
      'found no files in "empty"; run fetch:template before this step',
    );
    await expect(
      action.handler(contextFor({ path: 'missing' })),
    ).rejects.toThrow('found no files in "missing"');
  });

  it('refuses a path outside the workspace', async () => {
    await expect(
      action.handler(contextFor({ path: '../elsewhere' })),
    ).rejects.toThrow(/outside/i);
  });
});
