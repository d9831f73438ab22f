import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import { examples } from './gitlabReviewSettings.examples';

/** GitLab's Maintainer role. */
const MAINTAINER_ACCESS = 40;

/** Name of the approval rule the action creates or updates. */
export const APPROVAL_RULE_NAME = 'Maintainers';

/** The user name of a user entity ref, which the portal keeps equal to the GitLab username. */
function usernameOf(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * Applies the merge request settings the handbook's review process relies on
 * and publish:gitlab cannot set: the maintainers get the Maintainer role,
 * authors cannot approve their own merge requests, one approval from the
 * maintainers is required, and code owners must approve changes to their
 * paths on the default branch.
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
      const { host, owner, repo } = parseRepoUrl(repoUrl, options.integrations);
      const integration = options.integrations.gitlab.byHost(host);
      if (!integration) {
        throw new InputError(
          `No GitLab integration for ${host}; add it under integrations.gitlab in app-config`,
        );
      }
      if (!owner) {
        throw new InputError(`repoUrl ${repoUrl} names no GitLab group`);
      }
      const usernames = maintainers.map(usernameOf);
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

      const { apiBaseUrl, token } = integration.config;
      const project = `${apiBaseUrl}/projects/${encodeURIComponent(
        `${owner}/${repo}`,
      )}`;
      const call = async (
        method: string,
        url: string,
        body?: object,
        acceptedStatuses: number[] = [],
      ) => {
        const response = await fetch(url, {
          method,
          headers: {
            ...(token ? { 'PRIVATE-TOKEN': token } : {}),
            'Content-Type': 'application/json',
          },
          body: body ? JSON.stringify(body) : undefined,
        });
        if (acceptedStatuses.includes(response.status)) {
          return undefined;
        }
        if (!response.ok) {
          throw new Error(
            `GitLab answered ${
              response.status
            } to ${method} ${url}: ${await response.text()}`,
          );
        }
        return response.json();
      };

      // Approvers must exist on this GitLab; a catalog user without an
      // account cannot approve, so say who is missing instead of failing.
      const userIds: number[] = [];
      const approvers: string[] = [];
      for (const username of usernames) {
        const [user] = await call(
          'GET',
          `${apiBaseUrl}/users?username=${encodeURIComponent(username)}`,
        );
        if (user) {
          userIds.push(user.id);
          approvers.push(username);
        } else {
          ctx.logger.warn(
            `Maintainer ${username} has no account on ${host}, so cannot approve`,
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

      // A retried task must not create a second rule.
      const approvalRuleId = await ctx.checkpoint({
        key: `python-stewardship.review-settings.${owner}/${repo}`,
        fn: async (): Promise<number> => {
          // Maintainer role, so that they can merge and so that the
          // generated CODEOWNERS (@@maintainer) makes them code owners.
          // 409: already a member, for example through the group.
          for (const userId of userIds) {
            await call(
              'POST',
              `${project}/members`,
              { user_id: userId, access_level: MAINTAINER_ACCESS },
              [409],
            );
          }
          await call('POST', `${project}/approvals`, {
            merge_requests_author_approval: false,
          });
          const rules: Array<{ id: number; name: string }> = await call(
            'GET',
            `${project}/approval_rules`,
          );
          const existing = rules.find(rule => rule.name === APPROVAL_RULE_NAME);
          const rule = {
            name: APPROVAL_RULE_NAME,
            approvals_required: approvalsRequired,
            user_ids: userIds,
          };
          const saved = existing
            ? await call(
                'PUT',
                `${project}/approval_rules/${existing.id}`,
                rule,
              )
            : await call('POST', `${project}/approval_rules`, rule);
          // GitLab usually protects the default branch on the first push
          // (instance setting); protect it here when it did not.
          const protectedBranch = `${project}/protected_branches/${encodeURIComponent(
            branch,
          )}`;
          const alreadyProtected = await call(
            'GET',
            protectedBranch,
            undefined,
            [404],
          );
          if (!alreadyProtected) {
            await call('POST', `${project}/protected_branches`, {
              name: branch,
            });
          }
          await call(
            'PATCH',
            `${protectedBranch}?code_owner_approval_required=true`,
          );
          return saved.id;
        },
      });
      ctx.output('approvalRuleId', approvalRuleId);
      ctx.output('approvers', approvers);
      ctx.logger.info(
        `${owner}/${repo}: ${approvalsRequired} approval(s) from ${approvers.join(
          ', ',
        )}, no author approval, code-owner approval on ${branch}`,
      );
    },
  });
}
