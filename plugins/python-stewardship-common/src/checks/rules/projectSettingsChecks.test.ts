import { loadFixtureFiles } from '../../../fixtures/loadFixtureRepo';
import { evaluateRepository } from '../../engine/evaluateRepository';
import { GitlabProjectSettings } from '../../settings/GitlabProjectSettings';
import { createMemorySnapshot } from '../../snapshot/createMemorySnapshot';

const good: GitlabProjectSettings = {
  defaultBranch: 'main',
  defaultBranchProtection: {
    name: 'main',
    codeOwnerApprovalRequired: true,
    allowForcePush: false,
  },
  approvalRules: [
    {
      name: 'Maintainers',
      approvalsRequired: 1,
      usernames: [],
      groupPaths: ['gitlab-org/maintainers/example'],
      eligibleUsernames: ['alex.maintainer', 'bea.reviewer'],
    },
  ],
  authorCanApprove: false,
  pipelinesMustSucceed: true,
  maintainerUsernames: ['Alex.Maintainer'],
};

function settingsResults(settings: GitlabProjectSettings) {
  const report = evaluateRepository(
    createMemorySnapshot(loadFixtureFiles('conformant-service')),
    { gitlabSettings: settings },
  );
  return Object.fromEntries(
    report.results
      .filter(r => ['PYG-030', 'PYG-031', 'PYG-032'].includes(r.id))
      .map(r => [r.id, `${r.status}: ${r.message}`]),
  );
}

describe('project-settings checks (PYG-030 to PYG-032)', () => {
  it('pass on the settings the templates apply', () => {
    expect(settingsResults(good)).toEqual({
      'PYG-030':
        'pass: main is protected with code-owner approval and no force pushes',
      'PYG-031':
        'pass: Approval rule Maintainers requires approval from the maintainers',
      'PYG-032':
        'pass: Authors cannot approve their own merge requests and pipelines must succeed',
    });
  });

  it('say what is wrong in words', () => {
    expect(
      settingsResults({
        ...good,
        defaultBranchProtection: {
          name: 'ma*',
          codeOwnerApprovalRequired: false,
          allowForcePush: true,
        },
        approvalRules: [
          { ...good.approvalRules[0], eligibleUsernames: ['chen.developer'] },
        ],
        authorCanApprove: true,
        pipelinesMustSucceed: false,
      }),
    ).toEqual({
      'PYG-030':
        'fail: main is protected (rule ma*), but code-owner approval is off and force pushes are allowed',
      'PYG-031':
        'fail: No approval rule that requires approvals lets the maintainers (alex.maintainer) approve',
      'PYG-032':
        'fail: In this project authors may approve their own merge requests, and merge requests can be merged without a passing pipeline',
    });
    expect(
      settingsResults({
        ...good,
        defaultBranchProtection: null,
        approvalRules: [{ ...good.approvalRules[0], approvalsRequired: 0 }],
      }),
    ).toMatchObject({
      'PYG-030':
        'fail: The default branch main is not protected, so anyone with Developer access can push to it without review',
      'PYG-031': 'fail: No approval rule requires an approval before merging',
    });
  });

  it('accept any named approver when the catalog names no maintainers', () => {
    expect(
      settingsResults({ ...good, maintainerUsernames: [] })['PYG-031'],
    ).toMatch(/^pass/);
    expect(
      settingsResults({
        ...good,
        maintainerUsernames: [],
        approvalRules: [
          {
            ...good.approvalRules[0],
            groupPaths: [],
            usernames: [],
          },
        ],
      })['PYG-031'],
    ).toBe(
      'fail: Approval rules require approvals but name nobody, so anyone may approve',
    );
  });
});
