import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { User } from '../model/entities';
import { userBasicJson, userJson } from './json';
import { listProjects } from './listProjects';

const listSchema = z.object({
  username: z.string().optional(),
  search: z.string().optional(),
  active: param.boolean().optional(),
  blocked: param.boolean().optional(),
  // Filters Backstage's org provider sends; there are no bots here to drop.
  without_project_bots: param.boolean().optional(),
  exclude_internal: param.boolean().optional(),
});

function findUser(ctx: ApiContext): User {
  const { id } = ctx.params;
  const user = /^\d+$/.test(id)
    ? ctx.store.users.get(Number(id))
    : ctx.store.userByUsername(id);
  if (!user) throw GitlabError.notFound('User');
  return user;
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/user',
    handler: async ctx => ({ json: userJson(ctx.services, ctx.user, true) }),
  },
  {
    method: 'GET',
    pattern: '/users',
    handler: async ctx => {
      const input = ctx.parse(listSchema);
      const search = input.search?.toLowerCase();
      const users = [...ctx.store.users.values()].filter(user => {
        if (
          input.username &&
          user.username.toLowerCase() !== input.username.toLowerCase()
        )
          return false;
        if (input.active && user.state !== 'active') return false;
        if (input.blocked && user.state !== 'blocked') return false;
        if (
          search &&
          !user.username.toLowerCase().includes(search) &&
          !user.name.toLowerCase().includes(search) &&
          user.email.toLowerCase() !== search
        ) {
          return false;
        }
        return true;
      });
      // GitLab lists users newest first.
      users.sort((a, b) => b.id - a.id);
      return ctx.paginated(users, user =>
        ctx.user.isAdmin
          ? userJson(ctx.services, user, true)
          : userBasicJson(ctx.services, user),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/users/:id',
    handler: async ctx => {
      const user = findUser(ctx);
      return {
        json: userJson(
          ctx.services,
          user,
          ctx.user.isAdmin || ctx.user.id === user.id,
        ),
      };
    },
  },
  {
    method: 'GET',
    pattern: '/users/:id/projects',
    handler: async ctx => {
      const user = findUser(ctx);
      return listProjects(
        ctx,
        ctx.store.projectList.filter(p => p.namespaceId === user.namespaceId),
      );
    },
  },
];
