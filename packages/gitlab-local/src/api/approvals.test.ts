import {
  AI_GATEWAY,
  CLOUD_CONNECTOR,
  PROMPT_LIBRARY,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('merge request approvals API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('shows the seeded approval settings', async () => {
    const aiGateway = await t
      .api()
      .MergeRequestApprovals.showConfiguration(AI_GATEWAY);
    expect(aiGateway).toMatchObject({
      merge_requests_author_approval: false,
      merge_requests_disable_committers_approval: true,
      reset_approvals_on_push: true,
    });
    const promptLibrary = await t
      .api()
      .MergeRequestApprovals.showConfiguration(PROMPT_LIBRARY);
    expect(promptLibrary.merge_requests_author_approval).toBe(true);
  });

  it('updates approval settings for maintainers only', async () => {
    const updated = await t
      .api()
      .MergeRequestApprovals.editConfiguration(PROMPT_LIBRARY, {
        mergeRequestsAuthorApproval: false,
        requirePasswordToApprove: true,
      });
    expect(updated).toMatchObject({
      merge_requests_author_approval: false,
      require_password_to_approve: true,
    });
    expect(
      await statusOf(
        t
          .api('eli.newcomer')
          .MergeRequestApprovals.editConfiguration(PROMPT_LIBRARY, {
            mergeRequestsAuthorApproval: true,
          }),
      ),
    ).toBe(403);
  });

  it('lists approval rules with groups and eligible approvers', async () => {
    const [rule] = await t
      .api()
      .MergeRequestApprovals.allApprovalRules(AI_GATEWAY);
    expect(rule).toMatchObject({
      name: 'Maintainers',
      rule_type: 'regular',
      approvals_required: 1,
      groups: [{ full_path: 'gitlab-org/maintainers/ai-gateway' }],
    });
    expect(
      (rule.eligible_approvers as Array<{ username: string }>)
        .map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['alex.maintainer', 'bea.reviewer', 'dana.owner']);
    const [scoped] = await t
      .api()
      .MergeRequestApprovals.allApprovalRules(CLOUD_CONNECTOR);
    expect(
      (scoped.protected_branches as Array<{ name: string }>).map(
        (b: { name: string }) => b.name,
      ),
    ).toEqual(['main']);
  });

  it('creates, edits and removes approval rules', async () => {
    const api = t.api('chen.developer');
    const created = await api.MergeRequestApprovals.createApprovalRule(
      PROMPT_LIBRARY,
      'Evaluators',
      2,
      {
        usernames: ['bea.reviewer', 'alex.maintainer'],
      },
    );
    expect(created).toMatchObject({
      name: 'Evaluators',
      approvals_required: 2,
    });
    expect(
      (created.users as Array<{ username: string }>)
        .map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['alex.maintainer', 'bea.reviewer']);
    const edited = await api.MergeRequestApprovals.editApprovalRule(
      PROMPT_LIBRARY,
      created.id,
      'Evaluators',
      1,
    );
    expect(edited.approvals_required).toBe(1);
    const shown = await api.MergeRequestApprovals.showApprovalRule(
      PROMPT_LIBRARY,
      created.id,
    );
    expect(shown.name).toBe('Evaluators');
    await api.MergeRequestApprovals.removeApprovalRule(
      PROMPT_LIBRARY,
      created.id,
    );
    expect(
      await api.MergeRequestApprovals.allApprovalRules(PROMPT_LIBRARY),
    ).toEqual([]);
  });

  it('validates approval rule input', async () => {
    expect(
      await statusOf(
        t
          .api()
          .MergeRequestApprovals.createApprovalRule(
            AI_GATEWAY,
            'Maintainers',
            1,
          ),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        t.api().MergeRequestApprovals.createApprovalRule(AI_GATEWAY, 'Bad', -1),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        t
          .api()
          .MergeRequestApprovals.createApprovalRule(AI_GATEWAY, 'Ghosts', 1, {
            userIds: [999],
          }),
      ),
    ).toBe(404);
  });
});
