/**
 * The GitLab project settings the review-process checks judge (PYG-030 to
 * PYG-032). Files cannot show them, so only the portal, which reads the
 * GitLab API, passes them to the engine; without them those checks are
 * skipped as "evaluated by the portal".
 *
 * @public
 */
export interface GitlabProjectSettings {
  defaultBranch: string;
  /** The protection that applies to the default branch, `null` when unprotected. */
  defaultBranchProtection: {
    /** The protected-branch name or wildcard that matched, e.g. `main`. */
    name: string;
    codeOwnerApprovalRequired: boolean;
    allowForcePush: boolean;
  } | null;
  approvalRules: Array<{
    name: string;
    approvalsRequired: number;
    /** Usernames of users named by the rule. */
    usernames: string[];
    /** Full paths of groups named by the rule. */
    groupPaths: string[];
    /** Usernames of everyone who may approve under the rule (users and group members). */
    eligibleUsernames: string[];
  }>;
  /** Project setting "Prevent approval by author" turned off. */
  authorCanApprove: boolean;
  /** "Pipelines must succeed" merge check. */
  pipelinesMustSucceed: boolean;
  /**
   * GitLab usernames of the codebase's maintainers as the catalog records
   * them; empty when the catalog names none (then any named approver counts).
   */
  maintainerUsernames: string[];
}
