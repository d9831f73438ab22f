import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { createDeriveValuesAction } from './deriveValues';

const valid = {
  type: 'utility',
  name: 'prompt-eval',
  description: 'Runs prompt evaluation datasets',
  owner: 'group:default/model-validation',
  maintainers: ['user:default/alex.maintainer', 'user:default/bea.reviewer'],
  pythonVersion: '3.12',
};

describe('python-stewardship:values:derive', () => {
  const action = createDeriveValuesAction();

  // Deliberately loose: the tests feed values the JSON schema would let through.
  async function run(input: JsonObject) {
    const ctx = createMockActionContext({ input }) as unknown as Parameters<
      typeof action.handler
    >[0];
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  it('derives the names every skeleton file uses', async () => {
    expect(await run(valid)).toEqual({
      name: 'prompt-eval',
      description: 'Runs prompt evaluation datasets',
      owner: 'group:default/model-validation',
      maintainers: 'user:default/alex.maintainer, user:default/bea.reviewer',
      packageName: 'prompt_eval',
      distributionName: 'gitlab-prompt-eval',
      envPrefix: 'PROMPT_EVAL',
      pythonVersion: '3.12',
      pythonPatch: '3.12.13',
      pythonUpperBound: '3.13',
      ruffTarget: 'py312',
      pythonMatrix: '["3.12", "3.13"]',
      pythonDocstring: '"""Runs prompt evaluation datasets"""',
    });
  });

  it('keeps the plain name for services, which are not published to PyPI', async () => {
    const output = await run({
      ...valid,
      type: 'service',
      name: 'gitlab-relay',
    });
    expect(output.distributionName).toBe('gitlab-relay');
    expect(output.packageName).toBe('gitlab_relay');
  });

  it('pins the newer patch release and tests only supported versions from there up', async () => {
    const output = await run({ ...valid, pythonVersion: '3.13' });
    expect(output).toMatchObject({
      pythonPatch: '3.13.9',
      pythonUpperBound: '3.14',
      ruffTarget: 'py313',
      pythonMatrix: '["3.13"]',
    });
  });

  it.each([
    ['name', { name: 'Prompt_Eval' }, 'name must be 2 to 63 lowercase letters'],
    ['name', { name: 'x' }, 'name must be 2 to 63 lowercase letters'],
    ['name', { name: 'class' }, 'name is a Python keyword'],
    ['name', { name: 'gitlab-eval' }, 'name must not start with "gitlab-"'],
    [
      'description',
      { description: 'short' },
      'description must be at least 10',
    ],
    [
      'owner',
      { owner: 'user:default/alex' },
      'owner must be a group entity ref',
    ],
    ['maintainers', { maintainers: [] }, 'maintainers must name at least one'],
    [
      'maintainers',
      { maintainers: ['group:default/python-maintainers'] },
      'maintainers.0 must be a user entity ref',
    ],
    [
      'maintainers',
      { maintainers: ['user:default/a', 'user:default/a'] },
      'maintainers must not name the same person twice',
    ],
    [
      'pythonVersion',
      { pythonVersion: '3.11' },
      'pythonVersion must be one of 3.12, 3.13',
    ],
  ])(
    'rejects a bad %s with a message naming it',
    async (_field, change, message) => {
      await expect(run({ ...valid, ...change })).rejects.toThrow(
        `Invalid template values: ${message}`,
      );
    },
  );

  it('accepts a GitLab project named like the codebase', async () => {
    const output = await run({
      ...valid,
      repoUrl: 'localhost:7080?owner=python%2Fevaluation&repo=prompt-eval',
    });
    expect(output.packageName).toBe('prompt_eval');
  });

  it('rejects a GitLab project named differently from the codebase', async () => {
    await expect(
      run({ ...valid, repoUrl: 'localhost:7080?owner=python&repo=evals' }),
    ).rejects.toThrow(
      'Invalid template values: repoUrl must name the GitLab project "prompt-eval" (the name field), not "evals"',
    );
  });

  it('lists every invalid field at once', async () => {
    await expect(
      run({ ...valid, name: '9lives', owner: 'nobody' }),
    ).rejects.toThrow(/name must be .*; owner must be a group entity ref/);
  });
});
