import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { AccessLevel, Group } from '../model/entities';
import { groupJson } from './json';
import { listProjects } from './listProjects';

const listSchema = z.object({
  search: z.string().optional(),
  top_level_only: param.boolean().optional(),
  owned: param.boolean().optional(),
  min_access_level: param.integer().optional(),
  order_by: z.enum(['name', 'path', 'id', 'similarity']).optional(),
  sort: z.enum(['asc', 'desc']).optional(),
});

const createSchema = z.object({
  name: z.string().min(1),
  path: z.string().regex(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/),
  parent_id: param.integer().optional(),
  description: z.string().optional(),
  visibility: param.visibility().optional(),
});

function listGroups(ctx: ApiContext, candidates: Group[]) {
  const options = ctx.parse(listSchema);
  const search = options.search?.toLowerCase();
  const groups = candidates.filter(group => {
    if (!ctx.store.canReadGroup(ctx.user, group)) return false;
    if (options.top_level_only && group.parentId) return false;
    if (
      search &&
      !group.name.toLowerCase().includes(search) &&
      !group.path.toLowerCase().includes(search)
    ) {
      return false;
    }
    const level = ctx.store.groupAccessLevel(ctx.user, group);
    if (options.owned && level < AccessLevel.OWNER) return false;
    if (options.min_access_level && level < options.min_access_level)
      return false;
    return true;
  });
  const orderBy = options.order_by ?? 'name';
  const direction = options.sort === 'desc' ? -1 : 1;
  groups.sort((a, b) => {
    if (orderBy === 'id' || orderBy === 'similarity')
      return direction * (a.id - b.id);
    const key = orderBy === 'path' ? 'fullPath' : 'name';
    return direction * a[key].localeCompare(b[key]) || a.id - b.id;
  });
  return ctx.paginated(groups, group =>
    groupJson(ctx.services, group, ctx.store),
  );
}

export const groupRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/groups',
    handler: async ctx => listGroups(ctx, [...ctx.store.groups.values()]),
  },
  {
    method: 'GET',
    pattern: '/groups/:id',
    handler: async ctx => ({
      json: groupJson(ctx.services, ctx.group(), ctx.store),
    }),
  },
  {
    method: 'GET',
    pattern: '/groups/:id/subgroups',
    handler: async ctx => {
      const parent = ctx.group();
      return listGroups(
        ctx,
        [...ctx.store.groups.values()].filter(g => g.parentId === parent.id),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:id/descendant_groups',
    handler: async ctx => {
      const parent = ctx.group();
      const ids = ctx.store.groupAndDescendantIds(parent);
      ids.delete(parent.id);
      return listGroups(
        ctx,
        [...ctx.store.groups.values()].filter(g => ids.has(g.id)),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:id/projects',
    handler: async ctx => {
      const group = ctx.group();
      const includeSubgroups = ctx.parse(
        z.object({ include_subgroups: param.boolean().optional() }),
      ).include_subgroups;
      const namespaceIds = includeSubgroups
        ? ctx.store.groupAndDescendantIds(group)
        : new Set([group.id]);
      return listProjects(
        ctx,
        ctx.store.projectList.filter(p => namespaceIds.has(p.namespaceId)),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/groups',
    handler: async ctx => {
      const input = ctx.parse(createSchema);
      if (input.parent_id !== undefined) {
        const parent = ctx.store.groups.get(input.parent_id);
        if (!parent || !ctx.store.canReadGroup(ctx.user, parent)) {
          throw GitlabError.notFound('Parent Group');
        }
        if (
          !ctx.store.hasGroupAccess(ctx.user, parent, AccessLevel.MAINTAINER)
        ) {
          throw GitlabError.forbidden();
        }
        const taken = [...ctx.store.groups.values()].some(
          g =>
            g.parentId === parent.id &&
            g.path.toLowerCase() === input.path.toLowerCase(),
        );
        if (taken) {
          throw GitlabError.badRequest(
            'Failed to save group {:path=>["has already been taken"]}',
          );
        }
      } else if (ctx.store.findNamespace(input.path)) {
        throw GitlabError.badRequest(
          'Failed to save group {:path=>["has already been taken"]}',
        );
      }
      const group = ctx.store.addGroup({
        name: input.name,
        path: input.path,
        parentId: input.parent_id ?? null,
        description: input.description,
        visibility: input.visibility,
      });
      // The creator owns the group, as on GitLab.
      group.members.set(ctx.user.id, AccessLevel.OWNER);
      return { status: 201, json: groupJson(ctx.services, group, ctx.store) };
    },
  },
];
