import { defineCheck, fail, listOf, pass } from '../support';
import { portalOnly } from './portalOnly';

export const maintainerApprovalRequired = defineCheck({
  id: 'PYG-031',
  title: "Merge requests need a maintainer's approval",
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'code-review-guidelines' },
  requires: [],
  rationale:
    "Every merge request gets at least one approval from the codebase's maintainers, who keep its design consistent.",
  fix: {
    summary:
      'Add an approval rule requiring at least one approval from the maintainers (their group or the people themselves): Settings → Merge requests → Merge request approvals.',
    snippet: {
      path: 'GitLab API',
      language: 'text',
      content:
        'curl --request POST --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\\n  "https://gitlab.example.com/api/v4/projects/$PROJECT_ID/approval_rules" \\\n  --data "name=Maintainers" --data "approvals_required=1" \\\n  --data "group_ids[]=$MAINTAINERS_GROUP_ID"\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'approvals-and-merge-settings',
  },
  evaluate(context) {
    const settings = context.gitlabSettings;
    if (!settings) return portalOnly();
    const requiring = settings.approvalRules.filter(
      rule => rule.approvalsRequired > 0,
    );
    if (!requiring.length) {
      return fail('No approval rule requires an approval before merging');
    }
    const maintainers = new Set(
      settings.maintainerUsernames.map(name => name.toLowerCase()),
    );
    const naming = requiring.filter(rule =>
      maintainers.size
        ? rule.eligibleUsernames.some(name =>
            maintainers.has(name.toLowerCase()),
          )
        : rule.usernames.length + rule.groupPaths.length > 0,
    );
    if (!naming.length) {
      return fail(
        maintainers.size
          ? `No approval rule that requires approvals lets the maintainers (${listOf(
              [...maintainers],
            )}) approve`
          : 'Approval rules require approvals but name nobody, so anyone may approve',
      );
    }
    return pass(
      `Approval rule ${listOf(
        naming.map(rule => rule.name),
      )} requires approval from the maintainers`,
    );
  },
});
