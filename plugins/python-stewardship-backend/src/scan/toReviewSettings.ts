import { parseEntityRef } from '@backstage/catalog-model';
import { GitlabProjectSettings } from '@internal/plugin-python-stewardship-common';
import {
  GitlabBranchRule,
  GitlabProjectOverview,
} from '@internal/plugin-python-stewardship-node';

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
 * What PYG-030 to PYG-032 judge, from what the scan already read: the
 * branch rules and "pipelines must succeed" of `GitlabReader.projectOverview`
 * (the same GraphQL request as the project and its tree) and the one
 * setting GraphQL does not give, whether authors may approve
 * (`GitlabReader.authorCanApprove`, one REST request).
 *
 * The default branch's protection is the first protected rule whose name
 * or wildcard matches it. Its approval rules are those of every rule that
 * applies to it: the matching protected ones and the rules without
 * protection ("All branches", and "All protected branches" when the branch
 * is protected), once per name. GraphQL names eligible approvers (users
 * named and members of groups named), so a rule names someone when it has
 * any. Maintainers are the catalog's user refs; their names are GitLab
 * usernames.
 */
export function toReviewSettings(
  overview: GitlabProjectOverview,
  authorCanApprove: boolean,
  maintainerRefs: string[],
): GitlabProjectSettings | undefined {
  const defaultBranch = overview.defaultBranch;
  if (!defaultBranch) return undefined;
  const matching = overview.branchRules.filter(
    rule => rule.branchProtection && matchesBranch(rule.name, defaultBranch),
  );
  const protection = matching[0]?.branchProtection ?? null;
  const applying: GitlabBranchRule[] = [
    ...overview.branchRules.filter(
      rule => !rule.branchProtection && (!rule.isProtected || protection),
    ),
    ...matching,
  ];
  const approvalRules = new Map(
    applying
      .flatMap(rule => rule.approvalRules)
      .map(rule => [rule.name, rule] as const),
  );
  return {
    defaultBranch,
    defaultBranchProtection: protection
      ? {
          name: matching[0].name,
          codeOwnerApprovalRequired: protection.codeOwnerApprovalRequired,
          allowForcePush: protection.allowForcePush,
        }
      : null,
    approvalRules: [...approvalRules.values()].map(rule => ({
      name: rule.name,
      approvalsRequired: rule.approvalsRequired,
      usernames: rule.eligibleUsernames,
      groupPaths: [],
      eligibleUsernames: rule.eligibleUsernames,
    })),
    authorCanApprove,
    pipelinesMustSucceed: overview.onlyAllowMergeIfPipelineSucceeds,
    maintainerUsernames: maintainerRefs.flatMap(ref => {
      const parsed = parseEntityRef(ref);
      return parsed.kind.toLocaleLowerCase('en-US') === 'user'
        ? [parsed.name]
        : [];
    }),
  };
}
