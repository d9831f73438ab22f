import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { ApiResult } from '../http/Router';
import { paginateKeysetById, paginateOffset } from '../http/pagination';
import { param } from '../http/params';
import { Project } from '../model/entities';
import { projectJson, projectSimpleJson } from './json';

const listSchema = z.object({
  archived: param.boolean().optional(),
  visibility: param.visibility().optional(),
  search: z.string().optional(),
  topic: param.stringList().optional(),
  simple: param.boolean().optional(),
  owned: param.boolean().optional(),
  membership: param.boolean().optional(),
  min_access_level: param.integer().optional(),
  last_activity_after: z.string().datetime({ offset: true }).optional(),
  last_activity_before: z.string().datetime({ offset: true }).optional(),
  order_by: z
    .enum([
      'id',
      'name',
      'path',
      'created_at',
      'updated_at',
      'last_activity_at',
      'similarity',
      'star_count',
      'repository_size',
      'storage_size',
      'packages_size',
      'wiki_size',
    ])
    .optional(),
  sort: z.enum(['asc', 'desc']).optional(),
  pagination: z.enum(['keyset', 'offset']).optional(),
  id_after: param.integer().optional(),
  id_before: param.integer().optional(),
});

const sortKeys: Record<string, (p: Project) => string | number> = {
  id: p => p.id,
  name: p => p.name.toLowerCase(),
  path: p => p.path.toLowerCase(),
  created_at: p => p.createdAt,
  updated_at: p => p.lastActivityAt,
  last_activity_at: p => p.lastActivityAt,
  // Nothing here has stars or sizes; GitLab breaks such ties by id too.
  similarity: p => p.id,
  star_count: p => p.id,
  repository_size: p => p.id,
  storage_size: p => p.id,
  packages_size: p => p.id,
  wiki_size: p => p.id,
};

/**
 * Filters, sorts and paginates a project list the way `GET /projects`,
 * `GET /groups/:id/projects` and `GET /users/:id/projects` do.
 */
export function listProjects(
  ctx: ApiContext,
  candidates: Iterable<Project>,
): ApiResult {
  const options = ctx.parse(listSchema);
  const { store, user } = ctx;
  const search = options.search?.toLowerCase();
  const after = options.last_activity_after
    ? Date.parse(options.last_activity_after)
    : undefined;
  const before = options.last_activity_before
    ? Date.parse(options.last_activity_before)
    : undefined;

  const matches: Project[] = [];
  for (const project of candidates) {
    if (!store.canReadProject(user, project)) continue;
    if (options.archived !== undefined && project.archived !== options.archived)
      continue;
    if (options.visibility && project.visibility !== options.visibility)
      continue;
    if (options.id_after !== undefined && project.id <= options.id_after)
      continue;
    if (options.id_before !== undefined && project.id >= options.id_before)
      continue;
    if (
      search &&
      !project.name.toLowerCase().includes(search) &&
      !project.path.toLowerCase().includes(search) &&
      !project.description.toLowerCase().includes(search)
    ) {
      continue;
    }
    if (
      options.topic &&
      !options.topic.every(t =>
        project.topics.some(pt => pt.toLowerCase() === t.toLowerCase()),
      )
    ) {
      continue;
    }
    if (after !== undefined && Date.parse(project.lastActivityAt) <= after)
      continue;
    if (before !== undefined && Date.parse(project.lastActivityAt) >= before)
      continue;
    if (options.owned || options.membership || options.min_access_level) {
      const level = store.projectAccessLevel(user, project);
      if (options.owned && level < 50) continue;
      if (options.membership && level < 10) continue;
      if (options.min_access_level && level < options.min_access_level)
        continue;
    }
    matches.push(project);
  }

  const toJson = (project: Project) =>
    options.simple
      ? projectSimpleJson(ctx.services, project)
      : projectJson(ctx.services, project, user);

  if (options.pagination === 'keyset') {
    const page = paginateKeysetById(matches, ctx.query, ctx.url);
    return { json: page.items.map(toJson), headers: page.headers };
  }

  const orderBy = options.order_by ?? 'created_at';
  const direction = (options.sort ?? 'desc') === 'asc' ? 1 : -1;
  const sortKey = sortKeys[orderBy];
  matches.sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    if (ka === kb) return direction * (a.id - b.id);
    return ka < kb ? -direction : direction;
  });
  const page = paginateOffset(matches, ctx.query, ctx.url);
  return { json: page.items.map(toJson), headers: page.headers };
}
