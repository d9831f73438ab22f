import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { User } from '../model/entities';

/**
 * Blocking and unblocking users (admin only), so that tests can reproduce a
 * blocked account: GitLab keeps the user, lists it with `state: blocked` and
 * refuses its tokens.
 */
function setState(state: User['state']) {
  return async (ctx: ApiContext) => {
    if (!ctx.user.isAdmin) throw GitlabError.forbidden();
    const user = ctx.store.users.get(Number(ctx.params.id));
    if (!user) throw GitlabError.notFound('User');
    if (user.id === ctx.user.id) {
      throw GitlabError.forbidden();
    }
    user.state = state;
    // GitLab answers a bare `true`.
    return { status: 201, json: true };
  };
}

export const userStateRoutes: Route[] = [
  { method: 'POST', pattern: '/users/:id/block', handler: setState('blocked') },
  {
    method: 'POST',
    pattern: '/users/:id/unblock',
    handler: setState('active'),
  },
];
