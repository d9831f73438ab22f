import { ApiServices } from '../http/ApiContext';
import { Group, User } from '../model/entities';

/**
 * GitLab's GraphQL API for groups, limited to the two queries Backstage's
 * GitLab org provider sends (`group.descendantGroups` and
 * `group.groupMembers`, with `$group`, `$endCursor` and `$relations`
 * variables). This is not a GraphQL engine: other group documents get a
 * GraphQL error saying so. `project(fullPath:)` documents go to
 * `executeProjectQuery`, which is one.
 */
export interface GraphqlRequest {
  query?: unknown;
  variables?: Record<string, unknown> | null;
}

export type GraphqlResult = {
  data?: unknown;
  errors?: Array<{ message: string }>;
};

const PAGE_SIZE_LIMIT = 100;

const groupGid = (group: Group) => `gid://gitlab/Group/${group.id}`;
const userGid = (user: User) => `gid://gitlab/User/${user.id}`;

/** Cursors are opaque to clients; here they are the base64 item offset. */
export function page<T>(items: T[], first: number, after: unknown) {
  const start =
    typeof after === 'string' && after
      ? Number(Buffer.from(after, 'base64').toString()) || 0
      : 0;
  const nodes = items.slice(start, start + first);
  const end = start + nodes.length;
  return {
    nodes,
    pageInfo: {
      endCursor: nodes.length
        ? Buffer.from(String(end)).toString('base64')
        : null,
      hasNextPage: end < items.length,
    },
  };
}

function firstArgument(query: string, field: string): number {
  const match = new RegExp(`${field}\\s*\\(([^)]*)\\)`).exec(query);
  const first = match && /first\s*:\s*(\d+)/.exec(match[1]);
  return Math.min(first ? Number(first[1]) : PAGE_SIZE_LIMIT, PAGE_SIZE_LIMIT);
}

function descendantGroups(services: ApiServices, viewer: User, root: Group) {
  const { store } = services;
  const ids = store.groupAndDescendantIds(root);
  ids.delete(root.id);
  return [...store.groups.values()]
    .filter(g => ids.has(g.id) && store.canReadGroup(viewer, g))
    .sort((a, b) => a.id - b.id)
    .map(g => ({
      id: groupGid(g),
      name: g.name,
      description: g.description,
      fullPath: g.fullPath,
      visibility: g.visibility,
      parent: g.parentId ? { id: `gid://gitlab/Group/${g.parentId}` } : null,
    }));
}

/**
 * Members by relation: DIRECT (the group's own), INHERITED (from ancestors),
 * DESCENDANTS (of subgroups). Default: DIRECT and INHERITED, as on GitLab.
 */
function groupMembers(services: ApiServices, root: Group, relations: unknown) {
  const { store, baseUrl } = services;
  const wanted = new Set(
    Array.isArray(relations) && relations.length
      ? relations.map(String)
      : ['DIRECT', 'INHERITED'],
  );
  const userIds = new Set<number>();
  if (wanted.has('DIRECT')) root.members.forEach((_, id) => userIds.add(id));
  if (wanted.has('INHERITED')) {
    store
      .groupChain(root)
      .slice(1)
      .forEach(g => g.members.forEach((_, id) => userIds.add(id)));
  }
  if (wanted.has('DESCENDANTS')) {
    const ids = store.groupAndDescendantIds(root);
    for (const g of store.groups.values()) {
      if (g.id !== root.id && ids.has(g.id))
        g.members.forEach((_, id) => userIds.add(id));
    }
  }
  return [...userIds]
    .sort((a, b) => a - b)
    .map(id => store.users.get(id))
    .filter((u): u is User => !!u)
    .map(user => ({
      user: {
        id: userGid(user),
        username: user.username,
        publicEmail: user.email,
        name: user.name,
        state: user.state,
        webUrl: `${baseUrl}/${user.username}`,
        avatarUrl: null,
      },
    }));
}

export function executeGraphqlQuery(
  services: ApiServices,
  viewer: User,
  request: GraphqlRequest,
): GraphqlResult {
  const query = typeof request.query === 'string' ? request.query : '';
  const variables = request.variables ?? {};
  const wantsDescendants = /descendantGroups\s*\(/.test(query);
  const wantsMembers = /groupMembers\s*\(/.test(query);
  if (
    !query ||
    !/group\s*\(\s*fullPath\s*:\s*\$group\s*\)/.test(query) ||
    wantsDescendants === wantsMembers
  ) {
    return {
      errors: [
        {
          message:
            'gitlab-local only answers group(fullPath: $group) { descendantGroups(...) } or { groupMembers(...) } queries',
        },
      ],
    };
  }
  const group = services.store.findGroup(String(variables.group ?? ''));
  if (!group || !services.store.canReadGroup(viewer, group)) {
    return { data: { group: null } };
  }
  if (wantsDescendants) {
    const items = descendantGroups(services, viewer, group);
    return {
      data: {
        group: {
          descendantGroups: page(
            items,
            firstArgument(query, 'descendantGroups'),
            variables.endCursor,
          ),
        },
      },
    };
  }
  const items = groupMembers(services, group, variables.relations);
  return {
    data: {
      group: {
        groupMembers: page(
          items,
          firstArgument(query, 'groupMembers'),
          variables.endCursor,
        ),
      },
    },
  };
}
