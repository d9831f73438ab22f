/**
 * The GitLab username of a user entity ref: the portal keeps the user
 * entity's name equal to the GitLab username (the GitLab org provider and
 * sign-in resolver both rely on it).
 */
export function gitlabUsernameOf(userRef: string): string {
  return userRef.slice(userRef.lastIndexOf('/') + 1);
}
