import type { GitlabApi } from '@internal/plugin-python-stewardship-node';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './gitlabReviewSettings.examples';
import {
  createGitlabProjectClient,
  describeGitlabError,
  isGitlabNotFound,
} from './gitlabClient';
import { gitlabUsernameOf } from './gitlabUsername';
import {
  ExistingProject,
  memberSchema,
  projectSchema,
  userSchema,
} from './gitlabSchemas';
import { GitlabAccess } from './projectCreationRights';

/** Name of the approval rule the action creates or updates. */
export const APPROVAL_RULE_NAME = 'Maintainers';

/**
 * Gives a user the Maintainer role unless they already have it or more
 * (GitLab refuses a direct role below an inherited one).
 */
async function ensureMaintainer(
  api: GitlabApi,
  projectId: number,
  userId: number,
) {
  try {
    const effective = memberSchema.parse(
      await api.ProjectMembers.show(projectId, userId, {
        includeInherited: true,
      }),
    );
    if (effective.access_level >= GitlabAccess.MAINTAINER) return;
  } catch (error) {
    if (!isGitlabNotFound(error)) throw error;
  }
  try {
    await api.ProjectMembers.show(projectId, userId);
  } catch (error) {
    if (!isGitlabNotFound(error)) throw error;
    await api.ProjectMembers.add(projectId, GitlabAccess.MAINTAINER, {
      userId,
    });
    return;
  }
  await api.ProjectMembers.edit(projectId, userId, GitlabAccess.MAINTAINER);
}

/** Creates the maintainers' approval rule, or updates it when it exists. */
async function ensureApprovalRule(
  api: GitlabApi,
  projectId: number,
  approvalsRequired: number,
  userIds: number[],
): Promise<number> {
  const rules = await api.MergeRequestApprovals.allApprovalRules(projectId);
  const existing = rules.find(rule => rule.name === APPROVAL_RULE_NAME);
  const saved = existing
    ? await api.MergeRequestApprovals.editApprovalRule(
        projectId,
        existing.id,
        APPROVAL_RULE_NAME,
        approvalsRequired,
        { userIds },
      )
    : await api.MergeRequestApprovals.createApprovalRule(
        projectId,
        APPROVAL_RULE_NAME,
        approvalsRequired,
        { userIds },
      );
  return saved.id;
}

/**
 * Protects the branch with code-owner approval required. GitLab usually
 * protects the default branch on the first push (an instance setting);
 * protect it here when it did not.
 */
async function ensureProtectedBranch(
  api: GitlabApi,
  projectId: number,
  branch: string,
) {
  try {
    await api.ProtectedBranches.show(projectId, branch);
  } catch (error) {
    if (!isGitlabNotFound(error)) throw error;
    await api.ProtectedBranches.protect(projectId, branch);
  }
  await api.ProtectedBranches.edit(projectId, branch, {
    codeOwnerApprovalRequired: true,
  });
}

/**
 * Applies the merge request settings the handbook's review process relies on
 * and publish:gitlab cannot set: the maintainers get the Maintainer role,
 * authors cannot approve their own merge requests, one approval from the
 * maintainers is required, and code owners must approve changes to their
 * paths on the default branch. Every step converges, so running it again
 * (a rerun of the template) changes nothing that is already right.
 *
 * @public
 */
export function createGitlabReviewSettingsAction(options: {
  integrations: ScmIntegrationRegistry;
}) {
  return createTemplateAction({
    id: 'python-stewardship:gitlab:review-settings',
    description:
      'Configures a GitLab project for the Python review process: the maintainers become project Maintainers, authors cannot approve, an approval rule requires the maintainers and code owners must approve on the protected default branch.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({
            description: 'The project, as publish:gitlab takes it',
          }),
        maintainers: z =>
          z
            .array(z.string(), {
              description:
                'User entity refs; their names are the GitLab usernames of the approvers',
            })
            .min(1),
        approvalsRequired: z =>
          z
            .number({
              description: 'Approvals a merge request needs; default 1',
            })
            .int()
            .min(1)
            .optional(),
        branch: z =>
          z
            .string({
              description:
                'Branch to protect and require code-owner approval on; default main',
            })
            .optional(),
        token: z =>
          z
            .string({
              description:
                "The signed-in user's GitLab token; the integration token when absent",
            })
            .optional(),
      },
      output: {
        approvalRuleId: z =>
          z.number({ description: 'Id of the maintainers approval rule' }),
        approvers: z =>
          z.array(z.string(), {
            description: 'GitLab usernames in the approval rule',
          }),
      },
    },
    async handler(ctx) {
      const { repoUrl, maintainers, approvalsRequired = 1 } = ctx.input;
      const branch = ctx.input.branch ?? 'main';
      const { api, host, slug } = createGitlabProjectClient({
        integrations: options.integrations,
        repoUrl,
        token: ctx.input.token,
        logger: ctx.logger,
      });
      const usernames = maintainers.map(gitlabUsernameOf);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would require ${approvalsRequired} approval(s) from ${usernames.join(
            ', ',
          )}, forbid author approval and require code-owner approval on ${branch}`,
        );
        ctx.output('approvalRuleId', 0);
        ctx.output('approvers', usernames);
        return;
      }

      let project: ExistingProject;
      try {
        project = projectSchema.parse(await api.Projects.show(slug));
      } catch (error) {
        throw new InputError(
          `Cannot apply the review settings: the GitLab project ${slug} cannot be read (${describeGitlabError(
            error,
          )})`,
        );
      }

      try {
        // Approvers must exist on this GitLab; a catalog user without an
        // account cannot approve, so say who is missing instead of failing.
        // (The preflight step refuses such maintainers before publishing.)
        const userIds: number[] = [];
        const approvers: string[] = [];
        for (const username of usernames) {
          const [user] = userSchema
            .array()
            .parse(await api.Users.all({ username, maxPages: 1 }));
          if (user && user.state === 'active') {
            userIds.push(user.id);
            approvers.push(username);
          } else {
            ctx.logger.warn(
              `Maintainer ${username} has no active account on ${host}, so cannot approve`,
            );
          }
        }
        if (userIds.length === 0) {
          throw new InputError(
            `None of the maintainers (${usernames.join(
              ', ',
            )}) has an account on ${host}; the project has no approvers`,
          );
        }

        // On a retried task (the scaffolder's retry) the checkpoint skips
        // what already succeeded; a new run converges anyway.
        const approvalRuleId = await ctx.checkpoint({
          key: `python-stewardship.review-settings.${slug}`,
          fn: async (): Promise<number> => {
            // Maintainer role, so that they can merge and so that the
            // generated CODEOWNERS (@@maintainer) makes them code owners.
            for (const userId of userIds) {
              await ensureMaintainer(api, project.id, userId);
            }
            await api.MergeRequestApprovals.editConfiguration(project.id, {
              mergeRequestsAuthorApproval: false,
            });
            const ruleId = await ensureApprovalRule(
              api,
              project.id,
              approvalsRequired,
              userIds,
            );
            await ensureProtectedBranch(api, project.id, branch);
            return ruleId;
          },
        });
        ctx.output('approvalRuleId', approvalRuleId);
        ctx.output('approvers', approvers);
        ctx.logger.info(
          `${slug}: ${approvalsRequired} approval(s) from ${approvers.join(
            ', ',
          )}, no author approval, code-owner approval on ${branch}`,
        );
      } catch (error) {
        throw new Error(
          `The GitLab project ${slug} was created, but the review settings were not applied: ${describeGitlabError(
            error,
          )}. Run the template again with the same values to finish, or delete the project at ${
            project.web_url
          }.`,
        );
      }
    },
  });
}
