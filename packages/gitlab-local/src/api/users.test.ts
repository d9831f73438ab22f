import {
  AI_GATEWAY,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('users, namespaces and languages API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('returns the current user for each token', async () => {
    const root = await t.api().Users.showCurrentUser();
    expect(root).toMatchObject({ username: 'root', is_admin: true });
    const alex = await t.api('alex.maintainer').Users.showCurrentUser();
    expect(alex).toMatchObject({
      username: 'alex.maintainer',
      name: 'Alex Maintainer (placeholder)',
      is_admin: false,
      email: 'alex.maintainer@example.com',
    });
  });

  it('finds users by username and shows them by id', async () => {
    const [bea] = await t.api().Users.all({ username: 'bea.reviewer' });
    expect(bea).toMatchObject({ username: 'bea.reviewer', state: 'active' });
    const shown = await t.api('eli.newcomer').Users.show(bea.id);
    expect(shown.username).toBe('bea.reviewer');
    expect(shown).not.toHaveProperty('email');
    expect(await t.api().Users.all({ username: 'nobody' })).toEqual([]);
    const all = await t.api().Users.all();
    expect(all.map(u => u.username).sort()).toEqual([
      'alex.maintainer',
      'bea.reviewer',
      'chen.developer',
      'dana.owner',
      'eli.newcomer',
      'root',
    ]);
    expect(await statusOf(t.api().Users.show(9999))).toBe(404);
  });

  it("lists a user's personal projects", async () => {
    const projects = await t.api().Users.allProjects('alex.maintainer');
    expect(projects.map(p => p.path_with_namespace)).toEqual([
      'alex.maintainer/ai-assist',
    ]);
  });

  it('shows group and user namespaces by path and id', async () => {
    const group = await t.api().Namespaces.show('gitlab-org/duo-workflow');
    expect(group).toMatchObject({
      kind: 'group',
      full_path: 'gitlab-org/duo-workflow',
    });
    const byId = await t.api().Namespaces.show(group.id);
    expect(byId.full_path).toBe('gitlab-org/duo-workflow');
    const user = await t
      .api('alex.maintainer')
      .Namespaces.show('alex.maintainer');
    expect(user).toMatchObject({ kind: 'user', full_path: 'alex.maintainer' });
    expect(await statusOf(t.api().Namespaces.show('no-such-group'))).toBe(404);
    expect(
      await statusOf(t.api('eli.newcomer').Namespaces.show('alex.maintainer')),
    ).toBe(404);
  });

  it('reports languages by share of bytes', async () => {
    const languages = await t.api().Projects.showLanguages(AI_GATEWAY);
    expect(Object.keys(languages)[0]).toBe('Python');
    expect(languages).toHaveProperty('Dockerfile');
    const total = Object.values(languages).reduce(
      (sum, n) => sum + Number(n),
      0,
    );
    expect(total).toBeCloseTo(100, 0);
    const ruby = await t
      .api()
      .Projects.showLanguages('gitlab-org/ruby/gitlab-dangerfiles');
    expect(Object.keys(ruby)).toEqual(['Ruby']);
  });
});
