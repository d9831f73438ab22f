import { z } from 'zod/v3';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { commitJson } from './json';
import { resolveRef } from './resolveRef';

const listSchema = z.object({
  ref_name: z.string().optional(),
  path: z.string().optional(),
  since: z.string().datetime({ offset: true }).optional(),
  until: z.string().datetime({ offset: true }).optional(),
});

export const commitRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/repository/commits',
    handler: async ctx => {
      const project = ctx.project();
      const input = ctx.parse(listSchema);
      // GitLab answers an unknown ref_name with 404 "Commit Not Found"...
      const resolved = await resolveRef(
        ctx,
        project,
        input.ref_name,
        'Commit',
      ).catch(error => {
        // ...but an empty repository simply has no commits.
        if (!project.hasCommits) return undefined;
        throw error;
      });
      if (!resolved) return ctx.paginated([], () => null);
      const commits = await ctx.repos.log(resolved.gitDir, resolved.commit, {
        path: input.path,
        since: input.since,
        until: input.until,
      });
      return ctx.paginated(commits, commit =>
        commitJson(ctx.services, project, commit),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:id/repository/commits/:sha',
    handler: async ctx => {
      const project = ctx.project();
      const { gitDir, commit } = await resolveRef(
        ctx,
        project,
        ctx.params.sha,
        'Commit',
      );
      const [info] = await ctx.repos.log(gitDir, commit, { maxCount: 1 });
      if (!info) throw GitlabError.notFound('Commit');
      return { json: commitJson(ctx.services, project, info) };
    },
  },
];
