import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { AccessLevel, Project, ProtectedBranch } from '../model/entities';
import { protectedBranchJson } from './json';

/** Protected branch names may be wildcards such as `release/*`. */
export function matchesProtectedName(pattern: string, branch: string): boolean {
  if (!pattern.includes('*')) return pattern === branch;
  const regex = new RegExp(
    `^${pattern.split('*').map(escapeRegex).join('.*')}$`,
  );
  return regex.test(branch);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const pushLevel = z.preprocess(
  value =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  z.union([z.literal(0), z.literal(30), z.literal(40), z.literal(60)]),
);

const protectSchema = z.object({
  name: z.string().min(1),
  push_access_level: pushLevel.optional(),
  merge_access_level: pushLevel.optional(),
  allow_force_push: param.boolean().optional(),
  code_owner_approval_required: param.boolean().optional(),
});

const editSchema = z.object({
  allow_force_push: param.boolean().optional(),
  code_owner_approval_required: param.boolean().optional(),
});

function findProtected(ctx: ApiContext, project: Project): ProtectedBranch {
  const branch = project.protectedBranches.find(
    b => b.name === ctx.params.name,
  );
  if (!branch) throw GitlabError.notFound('Protected Branch');
  return branch;
}

export const protectedBranchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/protected_branches',
    handler: async ctx =>
      ctx.paginated(ctx.project().protectedBranches, protectedBranchJson),
  },
  {
    method: 'GET',
    pattern: '/projects/:id/protected_branches/:name',
    handler: async ctx => ({
      json: protectedBranchJson(findProtected(ctx, ctx.project())),
    }),
  },
  {
    method: 'POST',
    pattern: '/projects/:id/protected_branches',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const input = ctx.parse(protectSchema);
      if (project.protectedBranches.some(b => b.name === input.name)) {
        throw GitlabError.conflict(
          `Protected branch '${input.name}' already exists`,
        );
      }
      const branch: ProtectedBranch = {
        id: ctx.store.allocateChildId(),
        name: input.name,
        pushAccessLevel: input.push_access_level ?? AccessLevel.MAINTAINER,
        mergeAccessLevel: input.merge_access_level ?? AccessLevel.MAINTAINER,
        allowForcePush: input.allow_force_push ?? false,
        codeOwnerApprovalRequired: input.code_owner_approval_required ?? false,
      };
      project.protectedBranches.push(branch);
      return { status: 201, json: protectedBranchJson(branch) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/projects/:id/protected_branches/:name',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const branch = findProtected(ctx, project);
      const input = ctx.parse(editSchema);
      if (input.allow_force_push !== undefined)
        branch.allowForcePush = input.allow_force_push;
      if (input.code_owner_approval_required !== undefined) {
        branch.codeOwnerApprovalRequired = input.code_owner_approval_required;
      }
      return { json: protectedBranchJson(branch) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/projects/:id/protected_branches/:name',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const branch = findProtected(ctx, project);
      project.protectedBranches = project.protectedBranches.filter(
        b => b !== branch,
      );
      return { status: 204 };
    },
  },
];
