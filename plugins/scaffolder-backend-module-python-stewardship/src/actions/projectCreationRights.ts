/** GitLab access levels, as numbers on the wire. */
export const GitlabAccess = {
  DEVELOPER: 30,
  MAINTAINER: 40,
  OWNER: 50,
} as const;

const ROLE_NAMES: Record<number, string> = {
  5: 'Minimal Access',
  10: 'Guest',
  20: 'Reporter',
  30: 'Developer',
  40: 'Maintainer',
  50: 'Owner',
};

/** "Developer", "Maintainer"; "no role" for 0. */
export function roleName(accessLevel: number): string {
  return accessLevel > 0
    ? ROLE_NAMES[accessLevel] ?? `access level ${accessLevel}`
    : 'no role';
}

/**
 * Who may create projects in a group, from its `project_creation_level`
 * (GitLab: noone, owner, maintainer, developer, administrator). Returns the
 * minimum access level, or `undefined` when only administrators may.
 * Unknown values are treated as the strictest, so that the check never lets
 * through someone GitLab would refuse.
 */
export function minimumAccessToCreateProjects(
  projectCreationLevel: string | undefined,
): number | undefined {
  switch (projectCreationLevel) {
    case 'developer':
      return GitlabAccess.DEVELOPER;
    case 'maintainer':
      return GitlabAccess.MAINTAINER;
    case 'owner':
      return GitlabAccess.OWNER;
    default:
      return undefined;
  }
}

/** Words for the rule, for error messages. */
export function describeCreationLevel(
  projectCreationLevel: string | undefined,
) {
  const minimum = minimumAccessToCreateProjects(projectCreationLevel);
  return minimum === undefined
    ? 'only administrators may create projects there'
    : `it lets ${roleName(minimum)}s and above create projects`;
}
