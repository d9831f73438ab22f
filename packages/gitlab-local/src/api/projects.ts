import { z } from 'zod/v3';
import { createRepository } from '../git/createRepository';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { AccessLevel, Namespace, Project } from '../model/entities';
import { projectJson } from './json';
import { listProjects } from './listProjects';
import { applyProjectSettings, projectSettingsSchema } from './projectSettings';

const PATH_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/;

const createSchema = projectSettingsSchema
  .extend({
    name: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    namespace_id: z.union([param.integer(), z.string().min(1)]).optional(),
    initialize_with_readme: param.boolean().optional(),
  })
  .refine(input => input.name !== undefined || input.path !== undefined, {
    message: 'are missing, at least one parameter must be provided',
    path: ['name, path'],
  });

const editSchema = projectSettingsSchema.extend({
  name: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
});

/** A path GitLab would derive from a project name ("My App" -> "my-app"). */
function pathFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function assertValidPath(path: string): void {
  if (
    !PATH_PATTERN.test(path) ||
    path.endsWith('.git') ||
    path.endsWith('.atom')
  ) {
    throw GitlabError.badRequest({
      path: [
        "can contain only letters, digits, '_', '-' and '.'. Cannot start with '-', end in '.git' or end in '.atom'",
      ],
    });
  }
}

function targetNamespace(
  ctx: ApiContext,
  namespaceId: number | string | undefined,
): Namespace {
  if (namespaceId === undefined) {
    return { kind: 'user', id: ctx.user.namespaceId, user: ctx.user };
  }
  const namespace = ctx.store.findNamespace(namespaceId);
  const visible =
    namespace &&
    (namespace.kind === 'group'
      ? ctx.store.canReadGroup(ctx.user, namespace.group)
      : namespace.user.id === ctx.user.id || ctx.user.isAdmin);
  if (!namespace || !visible) {
    throw GitlabError.notFound('Namespace');
  }
  const allowed =
    namespace.kind === 'group'
      ? ctx.store.hasGroupAccess(
          ctx.user,
          namespace.group,
          AccessLevel.DEVELOPER,
        )
      : namespace.user.id === ctx.user.id || ctx.user.isAdmin;
  if (!allowed) {
    throw GitlabError.forbidden();
  }
  return namespace;
}

function assertPathFree(
  ctx: ApiContext,
  namespace: Namespace,
  path: string,
  except?: Project,
) {
  const fullPath = `${ctx.store.namespaceFullPath(namespace)}/${path}`;
  const existing = ctx.store.findProject(fullPath);
  if (existing && existing !== except) {
    throw GitlabError.badRequest({
      'project_namespace.name': ['has already been taken'],
      name: ['has already been taken'],
      path: ['has already been taken'],
    });
  }
}

async function createProject(ctx: ApiContext) {
  const input = ctx.parse(createSchema);
  const path = input.path ?? pathFromName(input.name ?? '');
  assertValidPath(path);
  const namespace = targetNamespace(ctx, input.namespace_id);
  assertPathFree(ctx, namespace, path);

  const project = ctx.store.addProject({
    name: input.name ?? path,
    path,
    namespaceId: namespace.id,
    creatorId: ctx.user.id,
    defaultBranch: input.default_branch ?? 'main',
  });
  applyProjectSettings(project, input);
  // Developers who create a project in a group maintain it, as on GitLab.
  if (namespace.kind === 'group' && !ctx.user.isAdmin) {
    const inherited = ctx.store.projectAccessLevel(ctx.user, project);
    if (inherited < AccessLevel.MAINTAINER) {
      project.members.set(ctx.user.id, AccessLevel.MAINTAINER);
    }
  }

  const gitDir = ctx.repos.gitDir(project);
  if (input.initialize_with_readme) {
    await createRepository({
      gitDir,
      defaultBranch: project.defaultBranch,
      commit: {
        files: [
          {
            path: 'README.md',
            content: Buffer.from(
              `# ${project.name}\n\n${project.description}\n`,
            ),
          },
        ],
        message: 'Initial commit',
        authorName: ctx.user.name,
        authorEmail: ctx.user.email,
        date: new Date(),
      },
    });
    project.hasCommits = true;
  } else {
    await ctx.repos.createEmpty(project);
  }
  projectEvent(ctx, 'project_create', project);
  return { status: 201, json: projectJson(ctx.services, project, ctx.user) };
}

async function editProject(ctx: ApiContext) {
  const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
  const input = ctx.parse(editSchema);
  if (input.default_branch && input.default_branch !== project.defaultBranch) {
    const gitDir = await ctx.repos.ensure(project);
    if (project.hasCommits) {
      const branches = await ctx.repos.branches(gitDir);
      if (!branches.some(b => b.name === input.default_branch)) {
        throw GitlabError.badRequest({
          base: [
            `Could not change HEAD: branch '${input.default_branch}' does not exist`,
          ],
        });
      }
    }
    await ctx.repos.setHead(gitDir, input.default_branch);
    project.defaultBranch = input.default_branch;
  }
  let renamedFrom: string | undefined;
  if (input.path && input.path !== project.path) {
    assertValidPath(input.path);
    const namespace = ctx.store.namespaceOf(project);
    assertPathFree(ctx, namespace, input.path, project);
    const previous = ctx.store.projectFullPath(project);
    project.path = input.path;
    ctx.store.reindexProject(project, previous);
    renamedFrom = previous;
  }
  if (input.name) project.name = input.name;
  applyProjectSettings(project, input);
  ctx.store.touchProject(project);
  if (renamedFrom) {
    projectEvent(ctx, 'project_rename', project, {
      old_path_with_namespace: renamedFrom,
    });
  } else {
    projectEvent(ctx, 'project_update', project);
  }
  return { json: projectJson(ctx.services, project, ctx.user) };
}

/** GitLab's system event for a project (fire-and-forget, as on GitLab). */
function projectEvent(
  ctx: ApiContext,
  eventName: string,
  project: Project,
  extra: Record<string, unknown> = {},
) {
  void ctx.services.systemHooks?.fireEvent({
    event_name: eventName,
    name: project.name,
    path: project.path,
    path_with_namespace: ctx.store.projectFullPath(project),
    project_id: project.id,
    project_visibility: project.visibility,
    owner_name: ctx.user.name,
    owner_email: ctx.user.email,
    ...extra,
  });
}

const transferSchema = z.object({
  namespace: z.union([param.integer(), z.string().min(1)]),
});

/** `PUT /projects/:id/transfer?namespace=`: moves a project to another namespace (Owner). */
async function transferProject(ctx: ApiContext) {
  const project = ctx.projectWithAccess(AccessLevel.OWNER);
  const input = ctx.parse(transferSchema);
  const namespace = targetNamespace(ctx, input.namespace);
  assertPathFree(ctx, namespace, project.path, project);
  const previous = ctx.store.projectFullPath(project);
  project.namespaceId = namespace.id;
  ctx.store.reindexProject(project, previous);
  projectEvent(ctx, 'project_transfer', project, {
    old_path_with_namespace: previous,
  });
  return { json: projectJson(ctx.services, project, ctx.user) };
}

/** `DELETE /projects/:id` (Owner): gone at once, as with immediate deletion. */
async function deleteProject(ctx: ApiContext) {
  const project = ctx.projectWithAccess(AccessLevel.OWNER);
  projectEvent(ctx, 'project_destroy', project);
  ctx.store.removeProject(project);
  return { status: 202, json: { message: '202 Accepted' } };
}

function setArchived(archived: boolean) {
  return async (ctx: ApiContext) => {
    const project = ctx.projectWithAccess(AccessLevel.OWNER);
    project.archived = archived;
    projectEvent(ctx, 'project_update', project);
    return { status: 201, json: projectJson(ctx.services, project, ctx.user) };
  };
}

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects',
    handler: async ctx => listProjects(ctx, ctx.store.projectList),
  },
  {
    method: 'GET',
    pattern: '/projects/:id',
    handler: async ctx => ({
      json: projectJson(ctx.services, ctx.project(), ctx.user),
    }),
  },
  { method: 'POST', pattern: '/projects', handler: createProject },
  { method: 'PUT', pattern: '/projects/:id', handler: editProject },
  { method: 'DELETE', pattern: '/projects/:id', handler: deleteProject },
  {
    method: 'PUT',
    pattern: '/projects/:id/transfer',
    handler: transferProject,
  },
  {
    method: 'POST',
    pattern: '/projects/:id/archive',
    handler: setArchived(true),
  },
  {
    method: 'POST',
    pattern: '/projects/:id/unarchive',
    handler: setArchived(false),
  },
];
