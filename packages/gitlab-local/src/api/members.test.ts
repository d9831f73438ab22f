import { AccessLevel } from '../model/entities';
import {
  AI_GATEWAY,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('members API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  const levels = (members: Array<object>) =>
    Object.fromEntries(
      (members as Array<{ username: string; access_level: number }>).map(m => [
        m.username,
        m.access_level,
      ]),
    );

  it('lists direct project members', async () => {
    const members = await t.api().ProjectMembers.all(AI_GATEWAY);
    expect(levels(members)).toEqual({ 'eli.newcomer': AccessLevel.REPORTER });
  });

  it('includes inherited members with their highest access level', async () => {
    const members = await t
      .api()
      .ProjectMembers.all(AI_GATEWAY, { includeInherited: true });
    expect(levels(members)).toEqual({
      'dana.owner': AccessLevel.OWNER,
      'alex.maintainer': AccessLevel.MAINTAINER,
      'bea.reviewer': AccessLevel.DEVELOPER,
      'chen.developer': AccessLevel.DEVELOPER,
      'eli.newcomer': AccessLevel.REPORTER,
    });
    expect(members[0]).toMatchObject({
      state: 'active',
      membership_state: 'active',
      web_url: expect.stringContaining(t.gitlab.url),
    });
    const single = await t
      .api()
      .ProjectMembers.show(AI_GATEWAY, 2, { includeInherited: true });
    expect(single).toMatchObject({
      username: 'alex.maintainer',
      access_level: AccessLevel.MAINTAINER,
    });
    expect(await statusOf(t.api().ProjectMembers.show(AI_GATEWAY, 2))).toBe(
      404,
    );
  });

  it('lists group members, direct and inherited', async () => {
    const direct = await t
      .api()
      .GroupMembers.all('gitlab-org/maintainers/ai-gateway');
    expect(levels(direct)).toEqual({
      'alex.maintainer': AccessLevel.MAINTAINER,
      'bea.reviewer': AccessLevel.DEVELOPER,
    });
    const all = await t
      .api()
      .GroupMembers.all('gitlab-org/maintainers/ai-gateway', {
        includeInherited: true,
      });
    expect(levels(all)).toMatchObject({ 'dana.owner': AccessLevel.OWNER });
  });

  it('adds, edits and removes project members', async () => {
    const api = t.api('alex.maintainer');
    const user = (await api.Users.all({ username: 'chen.developer' }))[0];
    const added = await api.ProjectMembers.add(
      'gitlab-org/duo-workflow/duo-workflow-service',
      AccessLevel.MAINTAINER,
      {
        userId: user.id,
      },
    );
    expect(added).toMatchObject({
      username: 'chen.developer',
      access_level: AccessLevel.MAINTAINER,
    });
    expect(
      await statusOf(
        api.ProjectMembers.add(
          'gitlab-org/duo-workflow/duo-workflow-service',
          AccessLevel.MAINTAINER,
          {
            userId: user.id,
          },
        ),
      ),
    ).toBe(409);
    const edited = await api.ProjectMembers.edit(
      'gitlab-org/duo-workflow/duo-workflow-service',
      user.id,
      AccessLevel.DEVELOPER,
    );
    expect(edited.access_level).toBe(AccessLevel.DEVELOPER);
    await api.ProjectMembers.remove(
      'gitlab-org/duo-workflow/duo-workflow-service',
      user.id,
    );
    const after = await api.ProjectMembers.all(
      'gitlab-org/duo-workflow/duo-workflow-service',
    );
    expect(after.map(m => m.username)).not.toContain('chen.developer');
  });

  it('refuses member changes from reporters and invalid access levels', async () => {
    expect(
      await statusOf(
        t
          .api('eli.newcomer')
          .ProjectMembers.add(AI_GATEWAY, AccessLevel.DEVELOPER, { userId: 4 }),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        t.api().ProjectMembers.add(AI_GATEWAY, 42 as never, { userId: 4 }),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        t.api().ProjectMembers.add(AI_GATEWAY, AccessLevel.DEVELOPER, {
          userId: 999,
        }),
      ),
    ).toBe(404);
  });
});
