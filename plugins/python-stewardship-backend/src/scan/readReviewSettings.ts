import { parseEntityRef } from '@backstage/catalog-model';
import { GitlabProjectSettings } from '@internal/plugin-python-stewardship-common';
import {
  GitlabProjectHead,
  GitlabReader,
} from '@internal/plugin-python-stewardship-node';

type ProtectedBranchJson = {
  name: string;
  allow_force_push?: boolean;
  code_owner_approval_required?: boolean;
};

type ApprovalRuleJson = {
  name: string;
  approvals_required: number;
  users?: Array<{ username: string }>;
  groups?: Array<{ full_path: string }>;
  eligible_approvers?: Array<{ username: string }>;
};

/** GitLab's protected-branch wildcards: `*` matches any characters. */
function matchesBranch(pattern: string, branch: string): boolean {
  if (!pattern.includes('*')) return pattern === branch;
  const escaped = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`).test(branch);
}

/**
 * Reads what PYG-030 to PYG-032 judge: the default branch's protection,
 * the approval rules and the approval settings (three requests; "pipelines
 * must succeed" comes with the project). Maintainers are the catalog's user
 * refs; their names are GitLab usernames.
 */
export async function readReviewSettings(
  reader: GitlabReader,
  head: GitlabProjectHead,
  maintainerRefs: string[],
): Promise<GitlabProjectSettings | undefined> {
  if (!head.defaultBranch) return undefined;
  const [protectedBranches, rules, approvals] = await Promise.all([
    reader.api.ProtectedBranches.all(head.id, {
      perPage: 100,
    } as never) as unknown as Promise<ProtectedBranchJson[]>,
    reader.api.MergeRequestApprovals.allApprovalRules(
      head.id,
    ) as unknown as Promise<ApprovalRuleJson[]>,
    reader.api.MergeRequestApprovals.showConfiguration(
      head.id,
    ) as unknown as Promise<{ merge_requests_author_approval?: boolean }>,
  ]);
  const protection = protectedBranches.find(branch =>
    matchesBranch(branch.name, head.defaultBranch!),
  );
  return {
    defaultBranch: head.defaultBranch,
    defaultBranchProtection: protection
      ? {
          name: protection.name,
          codeOwnerApprovalRequired:
            protection.code_owner_approval_required ?? false,
          allowForcePush: protection.allow_force_push ?? false,
        }
      : null,
    approvalRules: rules.map(rule => ({
      name: rule.name,
      approvalsRequired: rule.approvals_required,
      usernames: (rule.users ?? []).map(user => user.username),
      groupPaths: (rule.groups ?? []).map(group => group.full_path),
      eligibleUsernames: (rule.eligible_approvers ?? []).map(
        user => user.username,
      ),
    })),
    authorCanApprove: approvals.merge_requests_author_approval ?? true,
    pipelinesMustSucceed: head.onlyAllowMergeIfPipelineSucceeds,
    maintainerUsernames: maintainerRefs.flatMap(ref => {
      const parsed = parseEntityRef(ref);
      return parsed.kind.toLocaleLowerCase('en-US') === 'user'
        ? [parsed.name]
        : [];
    }),
  };
}
