import { z } from 'zod/v3';
import { AccessLevel } from '../model/entities';
import { KNOWN_SCOPES } from '../oauth/scopes';

const accessLevelNames: Record<string, number> = {
  guest: AccessLevel.GUEST,
  reporter: AccessLevel.REPORTER,
  developer: AccessLevel.DEVELOPER,
  maintainer: AccessLevel.MAINTAINER,
  owner: AccessLevel.OWNER,
};

/** `maintainer` or `40`; both spellings appear in GitLab docs. */
const accessLevel = z.union([
  z
    .enum(['guest', 'reporter', 'developer', 'maintainer', 'owner'])
    .transform(name => accessLevelNames[name]),
  z
    .number()
    .refine(
      n => [10, 20, 30, 40, 50].includes(n),
      'must be 10, 20, 30, 40 or 50',
    ),
]);

const pushLevelNames: Record<string, number> = {
  'no one': 0,
  developer: 30,
  maintainer: 40,
  admin: 60,
};

const pushLevel = z.union([
  z
    .enum(['no one', 'developer', 'maintainer', 'admin'])
    .transform(name => pushLevelNames[name]),
  z
    .number()
    .refine(n => [0, 30, 40, 60].includes(n), 'must be 0, 30, 40 or 60'),
]);

const path = z
  .string()
  .regex(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]*(\/[a-zA-Z0-9_][a-zA-Z0-9_.-]*)*$/, {
    message:
      'must be a slash-separated GitLab path such as gitlab-org/my-project',
  });
const username = z.string().regex(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/, {
  message: 'is not a valid username',
});
const isoDate = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const members = z.record(username, accessLevel).default({});
const visibility = z.enum(['private', 'internal', 'public']);

const userSchema = z
  .object({
    username,
    name: z.string().min(1),
    email: z.string().email().optional(),
    admin: z.boolean().default(false),
    /** Personal access tokens; default `glpat-local-<username>`. */
    tokens: z.array(z.string().min(8)).optional(),
    createdAt: isoDate.optional(),
  })
  .strict();

const groupSchema = z
  .object({
    /** Full path; the parent group must be listed before it. */
    path,
    name: z.string().min(1),
    description: z.string().default(''),
    visibility: visibility.default('public'),
    createdAt: isoDate.optional(),
    members,
  })
  .strict();

const protectedBranchSchema = z
  .object({
    name: z.string().min(1),
    pushAccessLevel: pushLevel.default('maintainer'),
    mergeAccessLevel: pushLevel.default('maintainer'),
    allowForcePush: z.boolean().default(false),
    codeOwnerApprovalRequired: z.boolean().default(false),
  })
  .strict();

const approvalRuleSchema = z
  .object({
    name: z.string().min(1),
    ruleType: z.enum(['regular', 'any_approver']).default('regular'),
    approvalsRequired: z.number().int().nonnegative(),
    users: z.array(username).default([]),
    groups: z.array(path).default([]),
    /** Names of protected branches the rule is scoped to. */
    protectedBranches: z.array(z.string()).default([]),
  })
  .strict();

const projectSchema = z
  .object({
    /** Full path, e.g. gitlab-org/duo-workflow/duo-workflow-service. */
    path,
    name: z.string().min(1).optional(),
    description: z.string().default(''),
    visibility: visibility.default('internal'),
    defaultBranch: z.string().min(1).default('main'),
    topics: z.array(z.string()).default([]),
    archived: z.boolean().default(false),
    /** Full path of the upstream project this one is a fork of. */
    forkOf: path.optional(),
    /** Folder under `repos/` holding the files; default: the project path (forks fall back to the upstream's). */
    repo: path.optional(),
    /** Extra branches pointing at the seeded commit. */
    branches: z.array(z.string().min(1)).default([]),
    createdAt: isoDate.optional(),
    /** Date of the seeded commit and the project's last activity. */
    lastCommitAt: isoDate.optional(),
    commitAuthor: username.optional(),
    commitMessage: z.string().min(1).default('Initial import'),
    members,
    protectedBranches: z.array(protectedBranchSchema).default([]),
    approvals: z
      .object({
        resetApprovalsOnPush: z.boolean().optional(),
        selectiveCodeOwnerRemovals: z.boolean().optional(),
        disableOverridingApproversPerMergeRequest: z.boolean().optional(),
        mergeRequestsAuthorApproval: z.boolean().optional(),
        mergeRequestsDisableCommittersApproval: z.boolean().optional(),
        requirePasswordToApprove: z.boolean().optional(),
      })
      .strict()
      .default({}),
    approvalRules: z.array(approvalRuleSchema).default([]),
    merge: z
      .object({
        mergeMethod: z.enum(['merge', 'rebase_merge', 'ff']).optional(),
        squashOption: z
          .enum(['never', 'always', 'default_on', 'default_off'])
          .optional(),
        onlyAllowMergeIfPipelineSucceeds: z.boolean().optional(),
        onlyAllowMergeIfAllDiscussionsAreResolved: z.boolean().optional(),
        allowMergeOnSkippedPipeline: z.boolean().optional(),
        removeSourceBranchAfterMerge: z.boolean().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

const oauthApplicationSchema = z
  .object({
    name: z.string().min(1),
    /** GitLab's "Application ID". */
    clientId: z.string().min(8),
    /** GitLab's "Secret"; the seeded ones are public demo values. */
    clientSecret: z.string().min(16),
    redirectUris: z.array(z.string().url()).min(1),
    scopes: z.array(z.enum(KNOWN_SCOPES as [string, ...string[]])).min(1),
  })
  .strict();

export const seedManifestSchema = z
  .object({
    users: z.array(userSchema).min(1),
    /** OAuth applications (Admin > Applications), e.g. the portal's sign-in. */
    oauthApplications: z.array(oauthApplicationSchema).default([]),
    groups: z.array(groupSchema).default([]),
    projects: z.array(projectSchema).default([]),
  })
  .strict();

export type SeedManifest = z.output<typeof seedManifestSchema>;
export type SeedProject = SeedManifest['projects'][number];
