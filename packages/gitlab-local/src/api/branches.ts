import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { AccessLevel, Project } from '../model/entities';
import { commitJson } from './json';
import { matchesProtectedName } from './protectedBranches';

const createSchema = z.object({
  branch: z.string().min(1),
  ref: z.string().min(1),
});
const listSchema = z.object({ search: z.string().optional() });

async function branchJson(
  ctx: ApiContext,
  project: Project,
  gitDir: string,
  name: string,
  commit: string,
) {
  const [info] = await ctx.repos.log(gitDir, commit, { maxCount: 1 });
  const isProtected = project.protectedBranches.some(b =>
    matchesProtectedName(b.name, name),
  );
  const level = ctx.user.isAdmin
    ? AccessLevel.OWNER
    : ctx.store.projectAccessLevel(ctx.user, project);
  return {
    name,
    commit: commitJson(ctx.services, project, info),
    merged: false,
    protected: isProtected,
    default: name === project.defaultBranch,
    developers_can_push: !isProtected,
    developers_can_merge: !isProtected,
    can_push:
      level >= (isProtected ? AccessLevel.MAINTAINER : AccessLevel.DEVELOPER),
    web_url: `${ctx.baseUrl}/${ctx.store.projectFullPath(
      project,
    )}/-/tree/${name}`,
  };
}

export const branchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/repository/branches',
    handler: async ctx => {
      const project = ctx.project();
      const { search } = ctx.parse(listSchema);
      const gitDir = await ctx.repos.ensure(project);
      const branches = (await ctx.repos.branches(gitDir))
        .filter(
          b => !search || b.name.toLowerCase().includes(search.toLowerCase()),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      const page = ctx.paginated(branches, b => b);
      const json = await Promise.all(
        (page.json as typeof branches).map(b =>
          branchJson(ctx, project, gitDir, b.name, b.commit),
        ),
      );
      return { json, headers: page.headers };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:id/repository/branches/:branch',
    handler: async ctx => {
      const project = ctx.project();
      const gitDir = await ctx.repos.ensure(project);
      const branch = (await ctx.repos.branches(gitDir)).find(
        b => b.name === ctx.params.branch,
      );
      if (!branch) throw GitlabError.notFound('Branch');
      return {
        json: await branchJson(
          ctx,
          project,
          gitDir,
          branch.name,
          branch.commit,
        ),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:id/repository/branches',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.DEVELOPER);
      const input = ctx.parse(createSchema);
      const gitDir = await ctx.repos.ensure(project);
      if (!(await ctx.repos.isValidBranchName(input.branch))) {
        throw GitlabError.badRequest('Branch name is invalid');
      }
      const branches = await ctx.repos.branches(gitDir);
      if (branches.some(b => b.name === input.branch)) {
        throw GitlabError.badRequest('Branch already exists');
      }
      const commit = await ctx.repos.resolveCommit(gitDir, input.ref);
      if (!commit)
        throw GitlabError.badRequest(`Invalid reference name: ${input.ref}`);
      await ctx.repos.createBranch(gitDir, input.branch, commit);
      ctx.store.touchProject(project);
      return {
        status: 201,
        json: await branchJson(ctx, project, gitDir, input.branch, commit),
      };
    },
  },
  {
    method: 'DELETE',
    pattern: '/projects/:id/repository/branches/:branch',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.DEVELOPER);
      const gitDir = await ctx.repos.ensure(project);
      const name = ctx.params.branch;
      if (!(await ctx.repos.branches(gitDir)).some(b => b.name === name)) {
        throw GitlabError.notFound('Branch');
      }
      if (name === project.defaultBranch) {
        throw GitlabError.badRequest(
          'The default branch of a project cannot be deleted.',
        );
      }
      if (
        project.protectedBranches.some(b => matchesProtectedName(b.name, name))
      ) {
        throw GitlabError.forbidden();
      }
      await ctx.repos.deleteBranch(gitDir, name);
      return { status: 204 };
    },
  },
];
