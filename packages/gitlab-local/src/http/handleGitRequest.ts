import { branchUpdates } from '../hooks/SystemHooks';
import { IncomingMessage, ServerResponse } from 'node:http';
import { runGitHttpBackend } from '../git/gitHttpBackend';
import { protectedBranchHookEnv } from '../git/protectedBranchHook';
import { AccessLevel, Project, User } from '../model/entities';
import { checkGitScopes } from '../oauth/scopes';
import { ApiServices } from './ApiContext';
import { Authenticated, authenticateToken } from './authenticate';

/** `/<namespace>/<project>.git/<service>`, the smart-HTTP URLs GitLab serves. */
const GIT_PATH =
  /^\/(.+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

export interface GitRequest {
  projectPath: string;
  service: string;
}

export function parseGitPath(pathname: string): GitRequest | undefined {
  const match = GIT_PATH.exec(pathname);
  if (!match) return undefined;
  try {
    return { projectPath: decodeURIComponent(match[1]), service: match[2] };
  } catch {
    return undefined;
  }
}

/**
 * Git clients send `oauth2:<token>` (or `<username>:<token>`) as basic auth.
 * OAuth access tokens work only with the `oauth2` user name, as on GitLab.
 */
function basicAuth(
  services: ApiServices,
  header: string | undefined,
): Authenticated | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  try {
    return authenticateToken(
      services.store,
      services.oauth,
      password,
      username === 'oauth2',
    );
  } catch {
    // An expired OAuth token: git only knows "access denied".
    return undefined;
  }
}

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...headers,
  });
  res.end(`${text}\n`);
  return status;
}

/**
 * GitLab lets a push create a missing project in a namespace the user may
 * create projects in ("push to create"); the new project is private.
 */
async function pushToCreate(
  services: ApiServices,
  user: User,
  projectPath: string,
) {
  const slash = projectPath.lastIndexOf('/');
  if (slash < 0) return undefined;
  const namespace = services.store.findNamespace(projectPath.slice(0, slash));
  if (!namespace) return undefined;
  const allowed =
    namespace.kind === 'group'
      ? services.store.hasGroupAccess(
          user,
          namespace.group,
          AccessLevel.DEVELOPER,
        )
      : namespace.user.id === user.id || user.isAdmin;
  if (!allowed) return undefined;
  const path = projectPath.slice(slash + 1);
  const project = services.store.addProject({
    name: path,
    path,
    namespaceId: namespace.id,
    creatorId: user.id,
    visibility: 'private',
  });
  await services.repos.createEmpty(project);
  return project;
}

/**
 * After a push: the first pushed branch becomes the default when the
 * intended default does not exist, and activity is bumped, as on GitLab.
 */
async function afterPush(
  services: ApiServices,
  project: Project,
  pusher: User | undefined,
  branchesBefore: Array<{ name: string; commit: string }>,
) {
  const gitDir = services.repos.gitDir(project);
  const branches = await services.repos.branches(gitDir);
  const updates = branchUpdates(branchesBefore, branches);
  project.hasCommits = branches.length > 0;
  services.store.touchProject(project);
  if (
    branches.length > 0 &&
    !branches.some(b => b.name === project.defaultBranch)
  ) {
    project.defaultBranch = branches[0].name;
    await services.repos.setHead(gitDir, project.defaultBranch);
  }
  // Not awaited: GitLab answers the push before its hooks are delivered.
  void services.systemHooks?.firePush(
    project,
    services.store.projectFullPath(project),
    pusher,
    updates,
    services.baseUrl,
  );
}

/** Admins count as level 60, the "admin" push level of protected branches. */
function pusherLevel(
  services: ApiServices,
  user: User | undefined,
  project: Project,
): number {
  if (!user) return 0;
  return user.isAdmin ? 60 : services.store.projectAccessLevel(user, project);
}

/** Serves one git smart-HTTP request; resolves with the status sent. */
export async function handleGitRequest(
  services: ApiServices,
  req: IncomingMessage,
  res: ServerResponse,
  gitRequest: GitRequest,
  query: URLSearchParams,
): Promise<number> {
  const isPush =
    gitRequest.service === 'git-receive-pack' ||
    query.get('service') === 'git-receive-pack';
  const auth = basicAuth(services, req.headers.authorization);
  if (auth && !checkGitScopes(auth.scopes, isPush).ok) {
    return plain(
      res,
      403,
      `HTTP Basic: Access denied. The token lacks the scope for this git ${
        isPush
          ? 'push (write_repository or api)'
          : 'read (read_repository, write_repository or api)'
      }.`,
    );
  }
  const user = auth?.user;
  let project = services.store.findProject(gitRequest.projectPath);

  const anonymousRead = !user && !isPush && project?.visibility === 'public';
  if (!user && !anonymousRead) {
    return plain(res, 401, 'HTTP Basic: Access denied.', {
      'www-authenticate': 'Basic realm="GitLab"',
    });
  }
  if (user && !project && isPush) {
    project = await pushToCreate(services, user, gitRequest.projectPath);
  }
  if (!project || (user && !services.store.canReadProject(user, project))) {
    return plain(
      res,
      404,
      "The project you were looking for could not be found or you don't have permission to view it.",
    );
  }
  if (
    isPush &&
    (!user ||
      !services.store.hasProjectAccess(user, project, AccessLevel.DEVELOPER))
  ) {
    return plain(res, 403, 'You are not allowed to push code to this project.');
  }
  if (isPush && project.archived) {
    return plain(
      res,
      403,
      'You are not allowed to push code to an archived project.',
    );
  }

  const target = project;
  await services.repos.ensure(target);
  const branchesBefore =
    gitRequest.service === 'git-receive-pack'
      ? await services.repos.branches(services.repos.gitDir(target))
      : [];
  return runGitHttpBackend({
    req,
    res,
    repos: services.repos,
    relativeGitDir: services.repos.relativeGitDir(target),
    service: gitRequest.service,
    query: query.toString(),
    remoteUser: user?.username ?? 'anonymous',
    extraEnv: protectedBranchHookEnv(
      services.hooksDir,
      pusherLevel(services, user, target),
      target.protectedBranches,
    ),
    beforeEnd:
      gitRequest.service === 'git-receive-pack'
        ? () => afterPush(services, target, user, branchesBefore)
        : undefined,
  });
}
