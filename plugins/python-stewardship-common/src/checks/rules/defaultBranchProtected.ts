import { defineCheck, fail, pass } from '../support';
import { portalOnly } from './portalOnly';

export const defaultBranchProtected = defineCheck({
  id: 'PYG-030',
  title: 'Default branch is protected and needs code-owner approval',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'code-review-guidelines' },
  requires: [],
  rationale:
    'Changes reach the default branch only through reviewed merge requests, and the code owners named in CODEOWNERS must approve changes to their paths.',
  fix: {
    summary:
      'Protect the default branch (Settings → Repository → Protected branches), forbid force pushes and turn on "Code owner approval".',
    snippet: {
      path: 'GitLab API',
      language: 'text',
      content:
        'curl --request PATCH --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\\n  "https://gitlab.example.com/api/v4/projects/$PROJECT_ID/protected_branches/main?code_owner_approval_required=true&allow_force_push=false"\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'code-owner-approval-on-the-default-branch',
  },
  evaluate(context) {
    const settings = context.gitlabSettings;
    if (!settings) return portalOnly();
    const protection = settings.defaultBranchProtection;
    if (!protection) {
      return fail(
        `The default branch ${settings.defaultBranch} is not protected, so anyone with Developer access can push to it without review`,
      );
    }
    const problems = [
      !protection.codeOwnerApprovalRequired && 'code-owner approval is off',
      protection.allowForcePush && 'force pushes are allowed',
    ].filter(Boolean);
    if (problems.length) {
      return fail(
        `${settings.defaultBranch} is protected (rule ${
          protection.name
        }), but ${problems.join(' and ')}`,
      );
    }
    return pass(
      `${settings.defaultBranch} is protected with code-owner approval and no force pushes`,
    );
  },
});
