import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { AccessLevel, User } from '../model/entities';
import { memberJson } from './json';

const accessLevel = z.preprocess(
  value =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  z
    .number()
    .refine(
      level => (Object.values(AccessLevel) as number[]).includes(level),
      'does not have a valid value',
    ),
);

const addSchema = z
  .object({
    user_id: z.union([z.number().int(), z.string().min(1)]).optional(),
    username: z.string().optional(),
    access_level: accessLevel,
  })
  .refine(
    input => input.user_id !== undefined || input.username !== undefined,
    {
      message: 'are missing, exactly one parameter must be provided',
      path: ['user_id, username'],
    },
  );
const editSchema = z.object({ access_level: accessLevel });
const listSchema = z.object({
  query: z.string().optional(),
  user_ids: z.string().optional(),
});

/** Membership routes are the same for `projects` and `groups`. */
interface MemberSource {
  /** Direct members, which add/edit/remove change. */
  direct(ctx: ApiContext, writeLevel?: number): Map<number, number>;
  /** Direct plus inherited members with their highest access level. */
  all(ctx: ApiContext): Map<number, number>;
}

const projectMembers: MemberSource = {
  direct: (ctx, writeLevel) =>
    (writeLevel ? ctx.projectWithAccess(writeLevel) : ctx.project()).members,
  all: ctx => ctx.store.effectiveProjectMembers(ctx.project()),
};

const groupMembers: MemberSource = {
  direct: (ctx, writeLevel) =>
    (writeLevel ? ctx.groupWithAccess(writeLevel) : ctx.group()).members,
  all: ctx => ctx.store.effectiveGroupMembers(ctx.group()),
};

function toList(ctx: ApiContext, members: Map<number, number>) {
  const { query, user_ids: userIds } = ctx.parse(listSchema);
  const wantedIds = userIds
    ? new Set(userIds.split(',').map(Number))
    : undefined;
  return [...members.entries()]
    .map(([id, level]) => ({ user: ctx.store.users.get(id), level }))
    .filter((m): m is { user: User; level: number } => !!m.user)
    .filter(m => !wantedIds || wantedIds.has(m.user.id))
    .filter(
      m =>
        !query ||
        m.user.username.toLowerCase().includes(query.toLowerCase()) ||
        m.user.name.toLowerCase().includes(query.toLowerCase()),
    )
    .sort((a, b) => a.user.id - b.user.id);
}

function findUser(ctx: ApiContext, idOrUsername: string | number): User {
  const user =
    typeof idOrUsername === 'number' || /^\d+$/.test(idOrUsername)
      ? ctx.store.users.get(Number(idOrUsername))
      : ctx.store.userByUsername(idOrUsername);
  if (!user) throw GitlabError.notFound('User');
  return user;
}

function memberRoutes(
  resource: 'projects' | 'groups',
  source: MemberSource,
): Route[] {
  const base = `/${resource}/:id/members`;
  const show = (members: Map<number, number>, ctx: ApiContext) => {
    const user = ctx.store.users.get(Number(ctx.params.user_id));
    const level = user ? members.get(user.id) : undefined;
    if (!user || level === undefined) throw GitlabError.notFound('Member');
    return { json: memberJson(ctx.services, user, level) };
  };
  return [
    {
      method: 'GET',
      pattern: base,
      handler: async ctx =>
        ctx.paginated(toList(ctx, source.direct(ctx)), m =>
          memberJson(ctx.services, m.user, m.level),
        ),
    },
    {
      method: 'GET',
      pattern: `${base}/all`,
      handler: async ctx =>
        ctx.paginated(toList(ctx, source.all(ctx)), m =>
          memberJson(ctx.services, m.user, m.level),
        ),
    },
    {
      method: 'GET',
      pattern: `${base}/:user_id`,
      handler: async ctx => show(source.direct(ctx), ctx),
    },
    {
      method: 'GET',
      pattern: `${base}/all/:user_id`,
      handler: async ctx => show(source.all(ctx), ctx),
    },
    {
      method: 'POST',
      pattern: base,
      handler: async ctx => {
        const input = ctx.parse(addSchema);
        const members = source.direct(ctx, AccessLevel.MAINTAINER);
        // Only owners may hand out the owner role.
        if (
          input.access_level === AccessLevel.OWNER &&
          !ownsResource(ctx, resource)
        ) {
          throw GitlabError.forbidden();
        }
        const user = findUser(ctx, input.user_id ?? input.username ?? '');
        if (members.has(user.id))
          throw GitlabError.conflict('Member already exists');
        members.set(user.id, input.access_level);
        projectMemberEvent(
          ctx,
          resource,
          'user_add_to_team',
          user,
          input.access_level,
        );
        return {
          status: 201,
          json: memberJson(ctx.services, user, input.access_level),
        };
      },
    },
    {
      method: 'PUT',
      pattern: `${base}/:user_id`,
      handler: async ctx => {
        const input = ctx.parse(editSchema);
        const members = source.direct(ctx, AccessLevel.MAINTAINER);
        const user = findUser(ctx, ctx.params.user_id);
        if (!members.has(user.id)) throw GitlabError.notFound('Member');
        members.set(user.id, input.access_level);
        projectMemberEvent(
          ctx,
          resource,
          'user_update_for_team',
          user,
          input.access_level,
        );
        return { json: memberJson(ctx.services, user, input.access_level) };
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:user_id`,
      handler: async ctx => {
        const members = source.direct(ctx, AccessLevel.MAINTAINER);
        const user = findUser(ctx, ctx.params.user_id);
        const level = members.get(user.id);
        if (!members.delete(user.id)) throw GitlabError.notFound('Member');
        projectMemberEvent(
          ctx,
          resource,
          'user_remove_from_team',
          user,
          level ?? 0,
        );
        return { status: 204 };
      },
    },
  ];
}

const ROLE_NAMES: Record<number, string> = {
  10: 'Guest',
  20: 'Reporter',
  30: 'Developer',
  40: 'Maintainer',
  50: 'Owner',
};

/** GitLab's `user_*_team` system event for a project membership change. */
function projectMemberEvent(
  ctx: ApiContext,
  resource: 'projects' | 'groups',
  eventName: string,
  user: { id: number; username: string; name: string; email: string },
  level: number,
) {
  if (resource !== 'projects') return;
  const project = ctx.project();
  void ctx.services.systemHooks?.fireEvent({
    event_name: eventName,
    access_level: ROLE_NAMES[level] ?? String(level),
    project_id: project.id,
    project_name: project.name,
    project_path: project.path,
    project_path_with_namespace: ctx.store.projectFullPath(project),
    project_visibility: project.visibility,
    user_id: user.id,
    user_username: user.username,
    user_name: user.name,
    user_email: user.email,
  });
}

function ownsResource(
  ctx: ApiContext,
  resource: 'projects' | 'groups',
): boolean {
  return resource === 'projects'
    ? ctx.store.hasProjectAccess(ctx.user, ctx.project(), AccessLevel.OWNER)
    : ctx.store.hasGroupAccess(ctx.user, ctx.group(), AccessLevel.OWNER);
}

export const projectMemberRoutes = memberRoutes('projects', projectMembers);
export const groupMemberRoutes = memberRoutes('groups', groupMembers);
