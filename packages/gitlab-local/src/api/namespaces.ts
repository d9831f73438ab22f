import { z } from 'zod/v3';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { Namespace } from '../model/entities';
import { namespaceJson } from './json';

const listSchema = z.object({ search: z.string().optional() });

export const namespaceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/namespaces',
    handler: async ctx => {
      const { search } = ctx.parse(listSchema);
      const { store, user } = ctx;
      // Like GitLab, the list holds the user's own namespace and the groups
      // they belong to (admins see every namespace).
      const namespaces: Namespace[] = [
        { kind: 'user', id: user.namespaceId, user },
      ];
      for (const group of store.groups.values()) {
        if (user.isAdmin || store.groupAccessLevel(user, group) > 0) {
          namespaces.push({ kind: 'group', id: group.id, group });
        }
      }
      if (user.isAdmin) {
        for (const other of store.users.values()) {
          if (other.id !== user.id)
            namespaces.push({
              kind: 'user',
              id: other.namespaceId,
              user: other,
            });
        }
      }
      const filtered = namespaces.filter(
        ns =>
          !search ||
          store
            .namespaceFullPath(ns)
            .toLowerCase()
            .includes(search.toLowerCase()),
      );
      return ctx.paginated(filtered, ns => namespaceJson(ctx.services, ns));
    },
  },
  {
    method: 'GET',
    pattern: '/namespaces/:id',
    handler: async ctx => {
      const namespace = ctx.store.findNamespace(ctx.params.id);
      const visible =
        namespace &&
        (namespace.kind === 'group'
          ? ctx.store.canReadGroup(ctx.user, namespace.group)
          : ctx.user.isAdmin || namespace.user.id === ctx.user.id);
      if (!namespace || !visible) throw GitlabError.notFound('Namespace');
      return { json: namespaceJson(ctx.services, namespace) };
    },
  },
];
