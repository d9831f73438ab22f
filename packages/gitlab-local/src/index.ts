/**
 * A local stand-in for GitLab: the REST API v4 subset the portal uses, git
 * smart HTTP over real repositories, and fault injection for tests.
 *
 * @packageDocumentation
 */

export { startGitlabLocal, DEFAULT_SEED_DIR } from './startGitlabLocal';
export type { StartGitlabLocalOptions, GitlabLocal } from './startGitlabLocal';
export type { Faults, FaultRule } from './http/faults';
export type { Stats, RouteStats } from './http/RequestStats';
export {
  parseSeedManifest,
  loadSeedManifest,
  SeedManifestError,
} from './seed/loadSeedManifest';
export type { SeedManifest } from './seed/manifestSchema';
export { addSyntheticProjects } from './seed/syntheticProjects';
export { GitlabStore } from './model/GitlabStore';
export type { OAuthApplication } from './oauth/OAuthState';
export { authorizeAs } from './oauth/authorizeAs';
