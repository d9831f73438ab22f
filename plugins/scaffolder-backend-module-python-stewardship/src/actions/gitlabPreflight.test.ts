import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createPublishGitlabAction } from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Gitlab } from '@gitbeaker/rest';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createGitlabPreflightAction } from './gitlabPreflight';

const GROUP = 'gitlab-org/python-examples';
const COMMIT_MESSAGE = 'Initial commit from the Python utility template';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'ai-framework', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/**
 * Exercised against the local GitLab (packages/gitlab-local): real users,
 * groups, roles and projects; the "left behind" projects are made by the
 * real publish:gitlab action.
 */
describe('python-stewardship:gitlab:preflight', () => {
  let gitlab: GitlabLocal;
  let dataDir: string;
  let host: string;
  let integrations: ScmIntegrations;
  let root: InstanceType<typeof Gitlab>;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(join(os.tmpdir(), 'preflight-'));
    gitlab = await startGitlabLocal({ dataDir });
    host = new URL(gitlab.url).host;
    const config = mockServices.rootConfig({
      data: { integrations: { gitlab: [gitlab.integration] } },
    });
    integrations = ScmIntegrations.fromConfig(config);
    root = new Gitlab({ host: gitlab.url, token: gitlab.token });
  });

  afterAll(async () => {
    await gitlab?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  /** A catalog holding the team and `entities`, with no locations. */
  function catalogWith(entities: Entity[] = []) {
    const catalog = catalogServiceMock({ entities: [team, ...entities] });
    catalog.getLocationByRef = jest.fn(async () => undefined);
    return catalog;
  }

  function input(
    repo: string,
    overrides: Partial<{
      owner: string;
      group: string;
      name: string;
      maintainers: string[];
      token: string;
      gitCommitMessage: string;
    }> = {},
  ) {
    const { group = GROUP, ...rest } = overrides;
    return {
      repoUrl: `${host}?owner=${encodeURIComponent(group)}&repo=${repo}`,
      name: repo,
      owner: 'group:default/ai-framework',
      maintainers: [
        'user:default/alex.maintainer',
        'user:default/bea.reviewer',
      ],
      gitCommitMessage: COMMIT_MESSAGE,
      ...rest,
    };
  }

  async function run(
    actionInput: ReturnType<typeof input>,
    catalog = catalogWith(),
  ) {
    const action = createGitlabPreflightAction({ integrations, catalog });
    const ctx = createMockActionContext({
      input: actionInput,
      logger: mockServices.logger.mock(),
    });
    await action.handler(ctx);
    return ctx;
  }

  async function failureOf(
    actionInput: ReturnType<typeof input>,
    catalog = catalogWith(),
  ): Promise<string> {
    try {
      await run(actionInput, catalog);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('Expected the preflight to fail');
  }

  /** What publish:gitlab leaves when a later step of the template fails. */
  async function publish(repo: string, token?: string) {
    const workspacePath = await fs.mkdtemp(join(dataDir, 'workspace-'));
    await fs.writeFile(join(workspacePath, 'README.md'), `# ${repo}\n`);
    const action = createPublishGitlabAction({
      integrations,
      config: mockServices.rootConfig({}),
    });
    await action.handler(
      createMockActionContext({
        workspacePath,
        input: {
          repoUrl: `${host}?owner=${GROUP}&repo=${repo}`,
          defaultBranch: 'main',
          gitCommitMessage: COMMIT_MESSAGE,
          ...(token ? { token } : {}),
        },
      }),
    );
  }

  it('passes for a free path, active maintainers and a known owner, acting as the integration for a guest', async () => {
    const ctx = await run(input('fresh-utility'));

    expect(ctx.output).toHaveBeenCalledWith('resume', false);
    expect(ctx.output).toHaveBeenCalledWith('gitlabUser', 'root');
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringContaining('using the integration token'),
    );
  });

  it('acts as the signed-in user when given their token', async () => {
    const ctx = await run(
      input('fresh-utility', { token: gitlab.tokens['alex.maintainer'] }),
    );

    expect(ctx.output).toHaveBeenCalledWith('gitlabUser', 'alex.maintainer');
    expect(ctx.logger.info).not.toHaveBeenCalledWith(
      expect.stringContaining('using the integration token'),
    );
  });

  it('reports every problem at once: unknown and blocked maintainers, a taken path, an unknown owner, a name mismatch', async () => {
    const [chen] = await root.Users.all({ username: 'chen.developer' });
    await root.Users.block(chen.id);
    try {
      const message = await failureOf(
        input('gitlab-cloud-connector', {
          group: 'gitlab-org/cloud-connector',
          name: 'cloud-connector',
          owner: 'group:default/no-such-team',
          maintainers: [
            'user:default/alex.maintainer',
            'user:default/nobody.here',
            'user:default/chen.developer',
          ],
        }),
      );

      expect(message.split('\n')).toEqual([
        'Nothing was created; fix these first:',
        '- The GitLab project is named "gitlab-cloud-connector" but the codebase is "cloud-connector"; they must be equal.',
        `- Maintainer user:default/nobody.here has no GitLab account on ${host} (no user "nobody.here").`,
        `- Maintainer user:default/chen.developer has a blocked GitLab account on ${host}; an administrator must reactivate "chen.developer" first.`,
        '- The owning team group:default/no-such-team is not in the catalog.',
        `- The GitLab project gitlab-org/cloud-connector/gitlab-cloud-connector is already taken (${gitlab.url}/gitlab-org/cloud-connector/gitlab-cloud-connector), and it is not an unfinished earlier run of this template: it was created by another GitLab user than root; its history is not just the template's initial commit ("${COMMIT_MESSAGE}"). Choose another name.`,
      ]);
    } finally {
      await root.Users.unblock(chen.id);
    }
  });

  it("says when GitLab refuses the signed-in user's token", async () => {
    expect(
      await failureOf(input('fresh-utility', { token: 'glpat-not-a-token' })),
    ).toBe(`Nothing was created; fix these first:
- GitLab on ${host} refused the signed-in user's token (GitLab answered 401 to GET /api/v4/user: 401 Unauthorized).`);
  });

  it('reports a missing group', async () => {
    expect(await failureOf(input('fresh-utility', { group: 'no-such-group' })))
      .toBe(`Nothing was created; fix these first:
- The GitLab group no-such-group does not exist on ${host}, or root cannot see it.`);
  });

  it('reports a group the user may not create projects in, with their role and the rule', async () => {
    const reporterIn =
      'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation';
    expect(
      await failureOf(
        input('fresh-utility', {
          group: reporterIn,
          token: gitlab.tokens['eli.newcomer'],
        }),
      ),
    ).toBe(`Nothing was created; fix these first:
- eli.newcomer may not create projects in the GitLab group ${reporterIn}: it lets Developers and above create projects, and eli.newcomer has the Reporter role there.`);
    expect(
      await failureOf(
        input('fresh-utility', {
          group: 'gitlab-org/cloud-connector',
          token: gitlab.tokens['alex.maintainer'],
        }),
      ),
    ).toContain(
      'alex.maintainer may not create projects in the GitLab group gitlab-org/cloud-connector: it lets Developers and above create projects, and alex.maintainer has no role there.',
    );
  });

  it('recognises a project an earlier run of the template left unfinished, and outputs resume', async () => {
    await publish('left-behind');

    const ctx = await run(input('left-behind'));

    expect(ctx.output).toHaveBeenCalledWith('resume', true);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'gitlab-org/python-examples/left-behind was left unfinished by an earlier run of this template',
      ),
    );
  });

  it('does not resume a project made by someone else, changed since, or already in the catalog', async () => {
    await publish('not-ours');
    const registered: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'not-ours',
        namespace: 'default',
        annotations: {
          'gitlab.com/project-slug': `${GROUP}/not-ours`,
        },
      },
      spec: { type: 'library', lifecycle: 'experimental', owner: 'x' },
    };

    const message = await failureOf(
      input('not-ours', {
        token: gitlab.tokens['alex.maintainer'],
        gitCommitMessage: 'Initial commit from the Python library template',
      }),
      catalogWith([registered]),
    );

    expect(message).toContain(
      `The GitLab project ${GROUP}/not-ours is already taken (${gitlab.url}/${GROUP}/not-ours), and it is not an unfinished earlier run of this template: it was created by another GitLab user than alex.maintainer; its history is not just the template's initial commit ("Initial commit from the Python library template"); it is already in the catalog as component:default/not-ours. Choose another name.`,
    );
  });

  it('does not resume a project whose catalog-info.yaml location is registered', async () => {
    await publish('registered-location');
    const catalog = catalogWith();
    catalog.getLocationByRef = jest.fn(async (ref: string) =>
      ref ===
      `url:${gitlab.url}/${GROUP}/registered-location/-/blob/main/catalog-info.yaml`
        ? {
            id: 'loc-1',
            type: 'url',
            target: ref.slice(4),
            entityRef: 'location:default/loc-1',
          }
        : undefined,
    );

    expect(await failureOf(input('registered-location'), catalog)).toContain(
      'its catalog-info.yaml is already registered in the catalog (location loc-1)',
    );
  });

  it('does not resume an empty project: skipping the push would leave it empty', async () => {
    const group = await root.Groups.show(GROUP);
    await root.Projects.create({ name: 'empty-one', namespaceId: group.id });

    expect(await failureOf(input('empty-one'))).toContain(
      'it is empty: an earlier run stopped before pushing the code, so delete it and run the template again',
    );
  });

  it('checks only the inputs in a dry run', async () => {
    const action = createGitlabPreflightAction({
      integrations,
      catalog: catalogWith(),
    });
    const ctx = {
      // createMockActionContext takes no isDryRun option.
      ...createMockActionContext({
        input: input('fresh-utility', {
          maintainers: ['user:default/nobody.here'],
        }),
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('resume', false);

    await expect(
      action.handler({
        ...ctx,
        input: input('fresh-utility', { name: 'other-name' }),
      }),
    ).rejects.toThrow('they must be equal');
  });
});
