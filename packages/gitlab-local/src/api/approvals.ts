import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { AccessLevel, ApprovalRule, Project } from '../model/entities';
import { approvalRuleJson } from './json';

const settingsSchema = z.object({
  approvals_before_merge: param.integer().optional(),
  reset_approvals_on_push: param.boolean().optional(),
  selective_code_owner_removals: param.boolean().optional(),
  disable_overriding_approvers_per_merge_request: param.boolean().optional(),
  merge_requests_author_approval: param.boolean().optional(),
  merge_requests_disable_committers_approval: param.boolean().optional(),
  require_password_to_approve: param.boolean().optional(),
  require_reauthentication_to_approve: param.boolean().optional(),
});

const ruleFields = {
  approvals_required: param
    .integer()
    .refine(n => n >= 0, 'must be greater than or equal to 0'),
  rule_type: z.enum(['regular', 'any_approver']).optional(),
  user_ids: param.integerList().optional(),
  usernames: param.stringList().optional(),
  group_ids: param.integerList().optional(),
  protected_branch_ids: param.integerList().optional(),
  applies_to_all_protected_branches: param.boolean().optional(),
};

const createRuleSchema = z.object({ name: z.string().min(1), ...ruleFields });
const editRuleSchema = z.object({
  name: z.string().min(1).optional(),
  ...ruleFields,
  approvals_required: ruleFields.approvals_required.optional(),
});

function settingsJson(project: Project) {
  const { approvals } = project;
  return {
    approvers: [],
    approver_groups: [],
    approvals_before_merge:
      project.approvalRules.find(r => r.ruleType === 'any_approver')
        ?.approvalsRequired ?? 0,
    reset_approvals_on_push: approvals.resetApprovalsOnPush,
    selective_code_owner_removals: approvals.selectiveCodeOwnerRemovals,
    disable_overriding_approvers_per_merge_request:
      approvals.disableOverridingApproversPerMergeRequest,
    merge_requests_author_approval: approvals.mergeRequestsAuthorApproval,
    merge_requests_disable_committers_approval:
      approvals.mergeRequestsDisableCommittersApproval,
    require_password_to_approve: approvals.requirePasswordToApprove,
    require_reauthentication_to_approve: approvals.requirePasswordToApprove,
  };
}

/** Checks that referenced users, groups and protected branches exist. */
function resolveRuleMembers(
  ctx: ApiContext,
  project: Project,
  input: z.infer<typeof editRuleSchema>,
): Partial<ApprovalRule> {
  const result: Partial<ApprovalRule> = {};
  if (input.user_ids || input.usernames) {
    const ids = [...(input.user_ids ?? [])];
    for (const username of input.usernames ?? []) {
      const user = ctx.store.userByUsername(username);
      if (!user) throw GitlabError.notFound('User');
      ids.push(user.id);
    }
    if (ids.some(id => !ctx.store.users.has(id)))
      throw GitlabError.notFound('User');
    result.userIds = [...new Set(ids)];
  }
  if (input.group_ids) {
    if (input.group_ids.some(id => !ctx.store.groups.has(id)))
      throw GitlabError.notFound('Group');
    result.groupIds = input.group_ids;
  }
  if (input.protected_branch_ids) {
    const known = new Set(project.protectedBranches.map(b => b.id));
    if (input.protected_branch_ids.some(id => !known.has(id))) {
      throw GitlabError.notFound('Protected Branch');
    }
    result.protectedBranchIds = input.protected_branch_ids;
  }
  return result;
}

function findRule(ctx: ApiContext, project: Project): ApprovalRule {
  const rule = project.approvalRules.find(
    r => String(r.id) === ctx.params.rule_id,
  );
  if (!rule) throw GitlabError.notFound('Approval Rule');
  return rule;
}

export const approvalRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/approvals',
    handler: async ctx => ({ json: settingsJson(ctx.project()) }),
  },
  {
    method: 'POST',
    pattern: '/projects/:id/approvals',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const input = ctx.parse(settingsSchema);
      const target = project.approvals;
      if (input.reset_approvals_on_push !== undefined)
        target.resetApprovalsOnPush = input.reset_approvals_on_push;
      if (input.selective_code_owner_removals !== undefined) {
        target.selectiveCodeOwnerRemovals = input.selective_code_owner_removals;
      }
      if (input.disable_overriding_approvers_per_merge_request !== undefined) {
        target.disableOverridingApproversPerMergeRequest =
          input.disable_overriding_approvers_per_merge_request;
      }
      if (input.merge_requests_author_approval !== undefined) {
        target.mergeRequestsAuthorApproval =
          input.merge_requests_author_approval;
      }
      if (input.merge_requests_disable_committers_approval !== undefined) {
        target.mergeRequestsDisableCommittersApproval =
          input.merge_requests_disable_committers_approval;
      }
      const password =
        input.require_password_to_approve ??
        input.require_reauthentication_to_approve;
      if (password !== undefined) target.requirePasswordToApprove = password;
      return { status: 201, json: settingsJson(project) };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:id/approval_rules',
    handler: async ctx => {
      const project = ctx.project();
      return ctx.paginated(project.approvalRules, rule =>
        approvalRuleJson(ctx.services, project, rule),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:id/approval_rules/:rule_id',
    handler: async ctx => {
      const project = ctx.project();
      return {
        json: approvalRuleJson(ctx.services, project, findRule(ctx, project)),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:id/approval_rules',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const input = ctx.parse(createRuleSchema);
      if (project.approvalRules.some(r => r.name === input.name)) {
        throw GitlabError.badRequest({ name: ['has already been taken'] });
      }
      const rule: ApprovalRule = {
        id: ctx.store.allocateChildId(),
        name: input.name,
        ruleType: input.rule_type ?? 'regular',
        approvalsRequired: input.approvals_required,
        userIds: [],
        groupIds: [],
        protectedBranchIds: [],
        appliesToAllProtectedBranches:
          input.applies_to_all_protected_branches ?? false,
        ...resolveRuleMembers(ctx, project, input),
      };
      project.approvalRules.push(rule);
      return {
        status: 201,
        json: approvalRuleJson(ctx.services, project, rule),
      };
    },
  },
  {
    method: 'PUT',
    pattern: '/projects/:id/approval_rules/:rule_id',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const rule = findRule(ctx, project);
      const input = ctx.parse(editRuleSchema);
      Object.assign(rule, resolveRuleMembers(ctx, project, input));
      if (input.name) rule.name = input.name;
      if (input.approvals_required !== undefined)
        rule.approvalsRequired = input.approvals_required;
      if (input.applies_to_all_protected_branches !== undefined) {
        rule.appliesToAllProtectedBranches =
          input.applies_to_all_protected_branches;
      }
      return { json: approvalRuleJson(ctx.services, project, rule) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/projects/:id/approval_rules/:rule_id',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const rule = findRule(ctx, project);
      project.approvalRules = project.approvalRules.filter(r => r !== rule);
      return { status: 204 };
    },
  },
];
