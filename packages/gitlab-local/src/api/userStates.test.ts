import {
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('user block and unblock API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('blocks a user: listed as blocked, its token refused; unblocking restores both', async () => {
    const [eli] = await t.api().Users.all({ username: 'eli.newcomer' });

    expect(await t.api().Users.block(eli.id)).toBe(true);

    const [blocked] = await t.api().Users.all({ username: 'eli.newcomer' });
    expect(blocked.state).toBe('blocked');
    expect(
      (await t.api().Users.all({ active: true })).map(u => u.username),
    ).not.toContain('eli.newcomer');
    expect(await statusOf(t.api('eli.newcomer').Users.showCurrentUser())).toBe(
      401,
    );

    expect(await t.api().Users.unblock(eli.id)).toBe(true);

    const me = await t.api('eli.newcomer').Users.showCurrentUser();
    expect(me).toMatchObject({ username: 'eli.newcomer', state: 'active' });
  });

  it('lets only admins block, and answers 404 for an unknown user', async () => {
    const [bea] = await t.api().Users.all({ username: 'bea.reviewer' });
    expect(await statusOf(t.api('alex.maintainer').Users.block(bea.id))).toBe(
      403,
    );
    expect(await statusOf(t.api().Users.block(99999))).toBe(404);
    const [still] = await t.api().Users.all({ username: 'bea.reviewer' });
    expect(still.state).toBe('active');
  });
});
