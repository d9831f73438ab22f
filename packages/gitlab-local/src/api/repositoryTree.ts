import { z } from 'zod/v3';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { paginateOffset, paginateTreeKeyset } from '../http/pagination';
import { param } from '../http/params';
import { resolveRef } from './resolveRef';

const treeSchema = z.object({
  path: z.string().optional(),
  ref: z.string().optional(),
  recursive: param.boolean().optional(),
  pagination: z.enum(['keyset', 'none', 'offset']).optional(),
});

const archiveSchema = z.object({
  sha: z.string().optional(),
  path: z.string().optional(),
});

export const repositoryTreeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/repository/tree',
    handler: async ctx => {
      const project = ctx.project();
      const input = ctx.parse(treeSchema);
      const gitDir = await ctx.repos.ensure(project);
      const dir = (input.path ?? '').replace(/^\/+|\/+$/g, '');
      // ls-tree resolves the ref itself, saving a rev-parse per request.
      const entries = await ctx.repos.listTree(
        gitDir,
        input.ref || project.defaultBranch,
        dir,
        input.recursive ?? false,
      );
      if (!entries) throw GitlabError.notFound('Tree');
      const toJson = (e: (typeof entries)[number]) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        path: e.path,
        mode: e.mode,
      });
      const page =
        input.pagination === 'keyset'
          ? paginateTreeKeyset(entries, ctx.query, ctx.url)
          : paginateOffset(entries, ctx.query, ctx.url);
      return { json: page.items.map(toJson), headers: page.headers };
    },
  },
  {
    // The UrlReader's readTree downloads `repository/archive?sha=&path=`.
    method: 'GET',
    pattern: '/projects/:id/repository/archive',
    handler: async ctx => {
      const project = ctx.project();
      const input = ctx.parse(archiveSchema);
      const { gitDir, commit } = await resolveRef(
        ctx,
        project,
        input.sha,
        'Commit',
      );
      const subPath = input.path?.replace(/^\/+|\/+$/g, '') || undefined;
      if (
        subPath &&
        !(await ctx.repos.listTree(gitDir, commit, subPath, false))
      ) {
        throw GitlabError.notFound('Tree');
      }
      const prefix = `${project.path}-${commit}-${commit}`;
      const raw = await ctx.repos.archive(gitDir, commit, prefix, subPath);
      return {
        raw,
        contentType: 'application/octet-stream',
        headers: {
          'content-disposition': `attachment; filename="${prefix}.tar.gz"`,
        },
      };
    },
  },
];
// `repository/archive.tar.gz` is the same endpoint with an explicit format.
repositoryTreeRoutes.push({
  ...repositoryTreeRoutes[1],
  pattern: '/projects/:id/repository/archive.tar.gz',
});
