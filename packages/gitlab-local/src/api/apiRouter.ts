import { Router } from '../http/Router';
import { approvalRoutes } from './approvals';
import { branchRoutes } from './branches';
import { commitRoutes } from './commits';
import { groupRoutes } from './groups';
import { languageRoutes } from './languages';
import { groupMemberRoutes, projectMemberRoutes } from './members';
import { namespaceRoutes } from './namespaces';
import { projectRoutes } from './projects';
import { protectedBranchRoutes } from './protectedBranches';
import { repositoryFileRoutes } from './repositoryFiles';
import { repositoryTreeRoutes } from './repositoryTree';
import { systemHookRoutes } from './systemHooks';
import { userRoutes } from './users';
import { userStateRoutes } from './userStates';
import { variableRoutes } from './variables';
import { versionRoutes } from './version';

/** Every REST v4 route the local GitLab serves. */
export function createApiRouter(): Router {
  return new Router().add([
    ...groupRoutes,
    ...groupMemberRoutes,
    ...projectRoutes,
    ...projectMemberRoutes,
    ...repositoryTreeRoutes,
    ...repositoryFileRoutes,
    ...commitRoutes,
    ...branchRoutes,
    ...protectedBranchRoutes,
    ...approvalRoutes,
    ...languageRoutes,
    ...variableRoutes,
    ...userRoutes,
    ...userStateRoutes,
    ...namespaceRoutes,
    ...versionRoutes,
    ...systemHookRoutes,
  ]);
}
