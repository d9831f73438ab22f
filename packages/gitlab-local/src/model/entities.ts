/** GitLab access levels, as numbers on the wire. */
export const AccessLevel = {
  NO_ACCESS: 0,
  MINIMAL_ACCESS: 5,
  GUEST: 10,
  REPORTER: 20,
  DEVELOPER: 30,
  MAINTAINER: 40,
  OWNER: 50,
} as const;

export type Visibility = 'private' | 'internal' | 'public';

export interface User {
  id: number;
  username: string;
  name: string;
  email: string;
  isAdmin: boolean;
  state: 'active' | 'blocked';
  createdAt: string;
  /** Personal access tokens that authenticate as this user. */
  tokens: string[];
  /** Every user owns a personal namespace, as on GitLab. */
  namespaceId: number;
}

export interface Group {
  id: number;
  name: string;
  path: string;
  fullPath: string;
  parentId: number | null;
  description: string;
  visibility: Visibility;
  createdAt: string;
  /** userId -> access level for direct members. */
  members: Map<number, number>;
}

export interface ProtectedBranch {
  id: number;
  name: string;
  pushAccessLevel: number;
  mergeAccessLevel: number;
  allowForcePush: boolean;
  codeOwnerApprovalRequired: boolean;
}

export interface ApprovalSettings {
  resetApprovalsOnPush: boolean;
  selectiveCodeOwnerRemovals: boolean;
  disableOverridingApproversPerMergeRequest: boolean;
  mergeRequestsAuthorApproval: boolean;
  mergeRequestsDisableCommittersApproval: boolean;
  requirePasswordToApprove: boolean;
}

export interface ApprovalRule {
  id: number;
  name: string;
  ruleType: 'regular' | 'any_approver';
  approvalsRequired: number;
  userIds: number[];
  groupIds: number[];
  protectedBranchIds: number[];
  appliesToAllProtectedBranches: boolean;
}

export interface ProjectVariable {
  key: string;
  value: string;
  variableType: 'env_var' | 'file';
  protected: boolean;
  masked: boolean;
  raw: boolean;
  environmentScope: string;
  description: string | null;
}

/** Merge-related project settings GitLab keeps on the project itself. */
export interface MergeSettings {
  mergeMethod: 'merge' | 'rebase_merge' | 'ff';
  squashOption: 'never' | 'always' | 'default_on' | 'default_off';
  onlyAllowMergeIfPipelineSucceeds: boolean;
  onlyAllowMergeIfAllDiscussionsAreResolved: boolean;
  allowMergeOnSkippedPipeline: boolean;
  removeSourceBranchAfterMerge: boolean;
}

/** Where a project's git content comes from. */
export type RepositorySource =
  /** A bare repository already exists on disk (seeded, created or pushed). */
  | { kind: 'disk' }
  /** Generated on first use, so synthetic projects cost nothing until read. */
  | { kind: 'synthetic'; index: number };

export interface Project {
  id: number;
  name: string;
  path: string;
  namespaceId: number;
  description: string;
  visibility: Visibility;
  defaultBranch: string;
  topics: string[];
  archived: boolean;
  forkedFromProjectId: number | null;
  creatorId: number;
  createdAt: string;
  lastActivityAt: string;
  ciConfigPath: string | null;
  autoDevopsEnabled: boolean;
  merge: MergeSettings;
  approvals: ApprovalSettings;
  approvalRules: ApprovalRule[];
  protectedBranches: ProtectedBranch[];
  members: Map<number, number>;
  variables: ProjectVariable[];
  source: RepositorySource;
  /** False until the repository holds at least one commit. */
  hasCommits: boolean;
}

/** A group or a user's personal namespace, as the Namespaces API sees it. */
export type Namespace =
  | { kind: 'group'; id: number; group: Group }
  | { kind: 'user'; id: number; user: User };
