import {
  describeCreationLevel,
  minimumAccessToCreateProjects,
  roleName,
} from './projectCreationRights';

describe('project creation rights', () => {
  it("maps GitLab's project_creation_level to the least role that may create projects", () => {
    expect(minimumAccessToCreateProjects('developer')).toBe(30);
    expect(minimumAccessToCreateProjects('maintainer')).toBe(40);
    expect(minimumAccessToCreateProjects('owner')).toBe(50);
  });

  it('lets only administrators through for noone, administrator and values it does not know', () => {
    for (const level of [
      'noone',
      'administrator',
      'something-new',
      undefined,
    ]) {
      expect(minimumAccessToCreateProjects(level)).toBeUndefined();
      expect(describeCreationLevel(level)).toBe(
        'only administrators may create projects there',
      );
    }
  });

  it('names roles in words', () => {
    expect(describeCreationLevel('maintainer')).toBe(
      'it lets Maintainers and above create projects',
    );
    expect(roleName(20)).toBe('Reporter');
    expect(roleName(0)).toBe('no role');
  });
});
