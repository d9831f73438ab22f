import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import {
  APPROVAL_RULE_NAME,
  createGitlabReviewSettingsAction,
} from './gitlabReviewSettings';

/** Exercised against the local GitLab, which implements the approvals API. */
describe('python-stewardship:gitlab:review-settings', () => {
  let gitlab: GitlabLocal;
  let dataDir: string;
  let host: string;
  let action: ReturnType<typeof createGitlabReviewSettingsAction>;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(join(os.tmpdir(), 'review-settings-'));
    gitlab = await startGitlabLocal({ dataDir });
    host = new URL(gitlab.url).host;
    const config = mockServices.rootConfig({
      data: {
        integrations: {
          gitlab: [gitlab.integration],
        },
      },
    });
    action = createGitlabReviewSettingsAction({
      integrations: ScmIntegrations.fromConfig(config),
    });
  });

  afterAll(async () => {
    await gitlab?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function api(method: string, path: string, body?: object) {
    const response = await fetch(`${gitlab.apiUrl}${path}`, {
      method,
      headers: {
        'PRIVATE-TOKEN': gitlab.token,
        'Content-Type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.ok).toBe(true);
    return response.json();
  }

  /** A project as publish:gitlab leaves it, with main protected or not. */
  async function createProject(name: string, { protectMain = true } = {}) {
    const group = await api('GET', '/groups/gitlab-org');
    const project = await api('POST', '/projects', {
      name,
      path: name,
      namespace_id: group.id,
    });
    if (protectMain) {
      await api('POST', `/projects/${project.id}/protected_branches`, {
        name: 'main',
      });
    }
    return project;
  }

  function contextFor(input: {
    repoUrl: string;
    maintainers: string[];
    approvalsRequired?: number;
    token?: string;
  }) {
    return createMockActionContext({
      input,
      logger: mockServices.logger.mock(),
    });
  }

  it('forbids author approval, requires the maintainers and code owners', async () => {
    const project = await createProject('review-settings-a');
    const ctx = contextFor({
      repoUrl: `${host}?owner=gitlab-org&repo=review-settings-a`,
      maintainers: [
        'user:default/alex.maintainer',
        'user:default/bea.reviewer',
      ],
    });

    await action.handler(ctx);

    const approvals = await api('GET', `/projects/${project.id}/approvals`);
    expect(approvals.merge_requests_author_approval).toBe(false);
    const rules = await api('GET', `/projects/${project.id}/approval_rules`);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      name: APPROVAL_RULE_NAME,
      approvals_required: 1,
    });
    expect(
      rules[0].users.map((user: { username: string }) => user.username).sort(),
    ).toEqual(['alex.maintainer', 'bea.reviewer']);
    const main = await api(
      'GET',
      `/projects/${project.id}/protected_branches/main`,
    );
    expect(main.code_owner_approval_required).toBe(true);
    const members = await api('GET', `/projects/${project.id}/members`);
    expect(
      members
        .filter((m: { access_level: number }) => m.access_level === 40)
        .map((m: { username: string }) => m.username)
        .sort(),
    ).toEqual(expect.arrayContaining(['alex.maintainer', 'bea.reviewer']));
    expect(ctx.output).toHaveBeenCalledWith('approvalRuleId', rules[0].id);
    expect(ctx.output).toHaveBeenCalledWith('approvers', [
      'alex.maintainer',
      'bea.reviewer',
    ]);
  });

  it('updates its rule instead of adding a second one when run again', async () => {
    const project = await createProject('review-settings-b');
    const repoUrl = `${host}?owner=gitlab-org&repo=review-settings-b`;
    await action.handler(
      contextFor({ repoUrl, maintainers: ['user:default/alex.maintainer'] }),
    );

    await action.handler(
      contextFor({
        repoUrl,
        maintainers: ['user:default/bea.reviewer'],
        approvalsRequired: 2,
      }),
    );

    const rules = await api('GET', `/projects/${project.id}/approval_rules`);
    expect(rules).toHaveLength(1);
    expect(rules[0].approvals_required).toBe(2);
    expect(rules[0].users.map((u: { username: string }) => u.username)).toEqual(
      ['bea.reviewer'],
    );
  });

  it('leaves out maintainers without a GitLab account, and fails when none has one', async () => {
    const project = await createProject('review-settings-c');
    const repoUrl = `${host}?owner=gitlab-org&repo=review-settings-c`;
    const ctx = contextFor({
      repoUrl,
      maintainers: ['user:default/alex.maintainer', 'user:default/nobody.here'],
    });

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('approvers', ['alex.maintainer']);
    await expect(
      action.handler(
        contextFor({ repoUrl, maintainers: ['user:default/nobody.here'] }),
      ),
    ).rejects.toThrow(
      `None of the maintainers (nobody.here) has an account on ${host}; the project has no approvers`,
    );
    const rules = await api('GET', `/projects/${project.id}/approval_rules`);
    expect(rules[0].users).toHaveLength(1);
  });

  it('protects the default branch when GitLab did not', async () => {
    const project = await createProject('review-settings-e', {
      protectMain: false,
    });

    await action.handler(
      contextFor({
        repoUrl: `${host}?owner=gitlab-org&repo=review-settings-e`,
        maintainers: ['user:default/alex.maintainer'],
      }),
    );

    const branches = await api(
      'GET',
      `/projects/${project.id}/protected_branches`,
    );
    expect(branches).toEqual([
      expect.objectContaining({
        name: 'main',
        code_owner_approval_required: true,
      }),
    ]);
  });

  it('changes nothing in a dry run', async () => {
    const project = await createProject('review-settings-d');
    const ctx = {
      // createMockActionContext takes no isDryRun option.
      ...createMockActionContext({
        input: {
          repoUrl: `${host}?owner=gitlab-org&repo=review-settings-d`,
          maintainers: ['user:default/alex.maintainer'],
        },
      }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(await api('GET', `/projects/${project.id}/approval_rules`)).toEqual(
      [],
    );
    expect(ctx.output).toHaveBeenCalledWith('approvers', ['alex.maintainer']);
  });

  it('converges when run again: no second rule, no duplicate or lowered members', async () => {
    const project = await createProject('review-settings-f', {
      protectMain: false,
    });
    const input = {
      repoUrl: `${host}?owner=gitlab-org&repo=review-settings-f`,
      // dana.owner owns gitlab-org, so already has more than Maintainer.
      maintainers: ['user:default/alex.maintainer', 'user:default/dana.owner'],
    };

    await action.handler(contextFor(input));
    const second = contextFor(input);
    await action.handler(second);

    const rules = await api('GET', `/projects/${project.id}/approval_rules`);
    expect(rules).toHaveLength(1);
    expect(second.output).toHaveBeenCalledWith('approvalRuleId', rules[0].id);
    const members = await api('GET', `/projects/${project.id}/members/all`);
    const levels = Object.fromEntries(
      members.map((m: { username: string; access_level: number }) => [
        m.username,
        m.access_level,
      ]),
    );
    expect(levels).toMatchObject({ 'alex.maintainer': 40, 'dana.owner': 50 });
    const branches = await api(
      'GET',
      `/projects/${project.id}/protected_branches`,
    );
    expect(branches).toEqual([
      expect.objectContaining({
        name: 'main',
        code_owner_approval_required: true,
      }),
    ]);
  });

  it('says what exists and how to finish when a GitLab call fails, and finishes when run again', async () => {
    const project = await createProject('review-settings-g');
    const input = {
      repoUrl: `${host}?owner=gitlab-org&repo=review-settings-g`,
      maintainers: ['user:default/alex.maintainer'],
    };
    gitlab.setFaults({
      rules: [
        {
          kind: 'error',
          status: 500,
          route: 'POST /api/v4/projects/:id/approval_rules',
          times: 1,
        },
      ],
    });

    try {
      await expect(action.handler(contextFor(input))).rejects.toThrow(
        `The GitLab project gitlab-org/review-settings-g was created, but the review settings were not applied: GitLab answered 500 to POST /api/v4/projects/${project.id}/approval_rules`,
      );
      await expect(action.handler(contextFor(input))).resolves.toBeUndefined();
    } finally {
      gitlab.setFaults({});
    }

    const rules = await api('GET', `/projects/${project.id}/approval_rules`);
    expect(rules).toHaveLength(1);
  });

  it("acts as the signed-in user when given their token, and logs when it falls back to the integration's", async () => {
    await createProject('review-settings-h');
    const repoUrl = `${host}?owner=gitlab-org&repo=review-settings-h`;
    const asNewcomer = createMockActionContext({
      input: {
        repoUrl,
        maintainers: ['user:default/alex.maintainer'],
        token: gitlab.tokens['eli.newcomer'],
      },
      logger: mockServices.logger.mock(),
    });

    // eli.newcomer cannot see the private project: GitLab judged the user's token.
    await expect(action.handler(asNewcomer)).rejects.toThrow(
      /gitlab-org\/review-settings-h cannot be read \(GitLab answered 404/,
    );

    const guest = contextFor({
      repoUrl,
      maintainers: ['user:default/alex.maintainer'],
    });
    await action.handler(guest);
    expect(guest.logger.info).toHaveBeenCalledWith(
      expect.stringContaining('using the integration token'),
    );
    expect(asNewcomer.logger.info).not.toHaveBeenCalledWith(
      expect.stringContaining('using the integration token'),
    );
  });

  it('refuses a host the portal has no integration for', async () => {
    await expect(
      action.handler(
        contextFor({
          repoUrl: 'gitlab.elsewhere.example?owner=python&repo=x',
          maintainers: ['user:default/alex.maintainer'],
        }),
      ),
    ).rejects.toThrow(/gitlab\.elsewhere\.example/);
  });
});
