import { AccessLevel } from '../model/entities';
import {
  AI_GATEWAY,
  DUO_WORKFLOW,
  errorOf,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

/** gitbeaker types access level lists loosely; read just the numbers. */
const accessLevels = (levels: unknown) =>
  (levels as Array<{ access_level: number }>).map(l => l.access_level);

describe('branches and protected branches API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('lists branches with protection and default flags', async () => {
    const branches = await t.api().Branches.all(AI_GATEWAY);
    expect(branches.map(b => [b.name, b.default, b.protected])).toEqual([
      ['main', true, true],
      ['stable-17-9-ee', false, true],
    ]);
    const main = await t.api().Branches.show(AI_GATEWAY, 'main');
    expect(main.commit).toMatchObject({
      title: 'chore: import AI Gateway snapshot',
    });
    expect(await statusOf(t.api().Branches.show(AI_GATEWAY, 'nope'))).toBe(404);
  });

  it('creates and deletes branches', async () => {
    const created = await t
      .api('chen.developer')
      .Branches.create(DUO_WORKFLOW, 'feature/planner', 'main');
    expect(created).toMatchObject({
      name: 'feature/planner',
      default: false,
      protected: false,
    });
    const shown = await t.api().Branches.show(DUO_WORKFLOW, 'feature/planner');
    expect(shown.commit.id).toBe(created.commit.id);
    const duplicate = await errorOf(
      t.api().Branches.create(DUO_WORKFLOW, 'feature/planner', 'main'),
    );
    expect(duplicate).toEqual({
      status: 400,
      description: 'Branch already exists',
    });
    expect(
      await statusOf(t.api().Branches.create(DUO_WORKFLOW, 'x', 'no-such-ref')),
    ).toBe(400);
    await t
      .api('chen.developer')
      .Branches.remove(DUO_WORKFLOW, 'feature/planner');
    expect(
      await statusOf(t.api().Branches.show(DUO_WORKFLOW, 'feature/planner')),
    ).toBe(404);
    expect(
      await statusOf(
        t.api('eli.newcomer').Branches.create(AI_GATEWAY, 'x', 'main'),
      ),
    ).toBe(403);
  });

  it('lists protected branches with access levels', async () => {
    const protectedBranches = await t.api().ProtectedBranches.all(AI_GATEWAY);
    expect(protectedBranches.map(b => b.name)).toEqual(['main', 'stable-*']);
    expect(protectedBranches[0]).toMatchObject({
      name: 'main',
      code_owner_approval_required: true,
      allow_force_push: false,
      push_access_levels: [
        {
          access_level: AccessLevel.MAINTAINER,
          access_level_description: 'Maintainers',
        },
      ],
      merge_access_levels: [{ access_level: AccessLevel.MAINTAINER }],
    });
    const main = await t.api().ProtectedBranches.show(DUO_WORKFLOW, 'main');
    expect(accessLevels(main.merge_access_levels)[0]).toBe(
      AccessLevel.DEVELOPER,
    );
  });

  it('protects, edits and unprotects a branch', async () => {
    await t.api().Branches.create(DUO_WORKFLOW, 'release', 'main');
    const api = t.api('alex.maintainer');
    const created = await api.ProtectedBranches.protect(
      DUO_WORKFLOW,
      'release',
      {
        pushAccessLevel: 0,
        codeOwnerApprovalRequired: true,
      },
    );
    expect(created).toMatchObject({
      name: 'release',
      code_owner_approval_required: true,
    });
    expect(accessLevels(created.push_access_levels)[0]).toBe(0);
    expect(
      await statusOf(api.ProtectedBranches.protect(DUO_WORKFLOW, 'release')),
    ).toBe(409);
    const edited = await api.ProtectedBranches.edit(DUO_WORKFLOW, 'release', {
      allowForcePush: true,
    });
    expect(edited.allow_force_push).toBe(true);
    await api.ProtectedBranches.unprotect(DUO_WORKFLOW, 'release');
    expect(
      await statusOf(api.ProtectedBranches.show(DUO_WORKFLOW, 'release')),
    ).toBe(404);
    expect(
      await statusOf(
        t
          .api('chen.developer')
          .ProtectedBranches.protect(DUO_WORKFLOW, 'release'),
      ),
    ).toBe(403);
  });
});
