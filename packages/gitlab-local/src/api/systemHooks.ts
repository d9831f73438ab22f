import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { SystemHook, SystemHooks } from '../hooks/SystemHooks';

const createSchema = z.object({
  url: z.string().url(),
  token: z.string().optional(),
  push_events: param.boolean().optional(),
});

function hooksOf(ctx: ApiContext): SystemHooks {
  if (!ctx.user.isAdmin) throw GitlabError.forbidden();
  const hooks = ctx.services.systemHooks;
  if (!hooks) throw GitlabError.notFound('System hooks');
  return hooks;
}

const hookJson = (hook: SystemHook) => ({
  id: hook.id,
  url: hook.url,
  created_at: hook.createdAt,
  push_events: hook.pushEvents,
  tag_push_events: false,
  merge_requests_events: false,
  repository_update_events: false,
  enable_ssl_verification: true,
});

/** `GET/POST /hooks`, `DELETE /hooks/:hook_id`: system hooks (admins only). */
export const systemHookRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/hooks',
    handler: async ctx => ({ json: hooksOf(ctx).hooks.map(hookJson) }),
  },
  {
    method: 'POST',
    pattern: '/hooks',
    handler: async ctx => {
      const hooks = hooksOf(ctx);
      const input = ctx.parse(createSchema);
      return {
        status: 201,
        json: hookJson(
          hooks.add({
            url: input.url,
            token: input.token,
            pushEvents: input.push_events,
          }),
        ),
      };
    },
  },
  {
    method: 'DELETE',
    pattern: '/hooks/:hook_id',
    handler: async ctx => {
      if (!hooksOf(ctx).remove(Number(ctx.params.hook_id))) {
        throw GitlabError.notFound('Hook');
      }
      return { status: 204 };
    },
  },
];
