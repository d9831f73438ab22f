import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { gitlabPreflightExamples as examples } from './gitlabPreflight.examples';
import {
  createGitlabProjectClient,
  describeGitlabError,
  GitlabProjectClient,
  isGitlabNotFound,
} from './gitlabClient';
import { gitlabUsernameOf } from './gitlabUsername';
import {
  describeCreationLevel,
  minimumAccessToCreateProjects,
  roleName,
} from './projectCreationRights';
import {
  CurrentUser,
  currentUserSchema,
  ExistingProject,
  GitlabNamespace,
  groupSchema,
  memberSchema,
  namespaceSchema,
  projectSchema,
  userSchema,
} from './gitlabSchemas';
import { findUnfinishedProject } from './unfinishedProject';

/**
 * Checks, before anything is written to GitLab, everything that would
 * otherwise fail half-way through the Create journey, and reports every
 * problem at once. Also recognises a project an earlier run of the same
 * template left unfinished and outputs `resume`, so the run finishes it.
 *
 * @public
 */
export function createGitlabPreflightAction(options: {
  integrations: ScmIntegrationRegistry;
  catalog: CatalogService;
}) {
  const { integrations, catalog } = options;
  return createTemplateAction({
    id: 'python-stewardship:gitlab:preflight',
    description:
      "Before publishing: checks that every maintainer has an active GitLab account, that the group exists and the user may create projects in it, that the project path is free (or holds this template's unfinished earlier run), that the owning team is in the catalog and that the project is named like the codebase. Lists every problem at once.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({ description: 'The project, as publish:gitlab takes it' }),
        name: z =>
          z.string({
            description: 'The codebase name; the project must be named alike',
          }),
        owner: z =>
          z.string({
            description: 'Owning group entity ref, e.g. group:default/team',
          }),
        maintainers: z =>
          z
            .array(z.string(), {
              description:
                'User entity refs; their names are the GitLab usernames',
            })
            .min(1),
        gitCommitMessage: z =>
          z.string({
            description:
              "The publish step's gitCommitMessage; recognises an unfinished earlier run",
          }),
        token: z =>
          z
            .string({
              description:
                "The signed-in user's GitLab token; the integration token when absent",
            })
            .optional(),
      },
      output: {
        resume: z =>
          z.boolean({
            description:
              'True when the project exists, left unfinished by an earlier run of this template; pass it to skipExisting of publish:gitlab',
          }),
        gitlabUser: z =>
          z.string({ description: 'The GitLab user the run acts as' }),
        projectUrl: z =>
          z.string({
            description:
              "The project's web address on the integration's scheme and host (http for the demo GitLab)",
          }),
      },
    },
    async handler(ctx) {
      const { repoUrl, name, owner, maintainers, gitCommitMessage } = ctx.input;
      const client = createGitlabProjectClient({
        integrations,
        repoUrl,
        token: ctx.input.token,
        logger: ctx.logger,
      });
      const problems: string[] = [];
      if (client.repo !== name) {
        problems.push(
          `The GitLab project is named "${client.repo}" but the codebase is "${name}"; they must be equal.`,
        );
      }
      const ownerRef = parseOwnerRef(owner, problems);
      ctx.output('projectUrl', client.webUrl);

      if (ctx.isDryRun) {
        if (problems.length > 0) throw preflightError(problems);
        ctx.logger.info(
          `Dry run: would check the maintainers' GitLab accounts, ${client.slug} and ${owner} on ${client.host} and in the catalog`,
        );
        ctx.output('resume', false);
        ctx.output('gitlabUser', '');
        return;
      }

      // No ctx.checkpoint here: the step only reads, and a retried task must
      // look again, since the failed attempt may have created the project.
      const credentials = await ctx.getInitiatorCredentials();
      let me: CurrentUser;
      try {
        me = currentUserSchema.parse(await client.api.Users.showCurrentUser());
      } catch (error) {
        // Without a user nothing else can be checked on GitLab.
        problems.push(
          `GitLab on ${client.host} refused the ${
            client.tokenSource === 'user' ? "signed-in user's" : 'integration'
          } token (${describeGitlabError(error)}).`,
        );
        throw preflightError(problems);
      }

      const [maintainerProblems, namespaceProblems, ownerProblems] =
        await Promise.all([
          checkMaintainers(client, maintainers),
          checkNamespace(client, me),
          ownerRef ? checkOwner(catalog, ownerRef, owner, credentials) : [],
        ]);
      problems.push(
        ...maintainerProblems,
        ...namespaceProblems,
        ...ownerProblems,
      );

      const project = await checkProjectPath({
        client,
        me,
        gitCommitMessage,
        catalog,
        credentials,
        problems,
      });

      if (problems.length > 0) throw preflightError(problems);
      const resume = project !== undefined;
      if (resume) {
        ctx.logger.info(
          `${client.slug} was left unfinished by an earlier run of this template (${project.web_url}); this run finishes it instead of creating it`,
        );
      } else {
        ctx.logger.info(
          `${client.slug} can be created by ${me.username}; maintainers and owner checked`,
        );
      }
      ctx.output('resume', resume);
      ctx.output('gitlabUser', me.username);
    },
  });
}

function preflightError(problems: string[]): InputError {
  return new InputError(
    `Nothing was created; fix these first:\n${problems
      .map(problem => `- ${problem}`)
      .join('\n')}`,
  );
}

function parseOwnerRef(owner: string, problems: string[]) {
  try {
    const ref = parseEntityRef(owner, { defaultKind: 'group' });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      problems.push(`The owner ${owner} is not a group.`);
      return undefined;
    }
    return ref;
  } catch {
    problems.push(
      `The owner "${owner}" is not an entity ref such as group:default/team.`,
    );
    return undefined;
  }
}

async function checkOwner(
  catalog: CatalogService,
  ref: ReturnType<typeof parseEntityRef>,
  owner: string,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  return entity ? [] : [`The owning team ${owner} is not in the catalog.`];
}

async function checkMaintainers(
  client: GitlabProjectClient,
  maintainers: string[],
): Promise<string[]> {
  const problems = await Promise.all(
    maintainers.map(async ref => {
      const username = gitlabUsernameOf(ref);
      const [user] = userSchema
        .array()
        .parse(await client.api.Users.all({ username, maxPages: 1 }));
      if (!user) {
        return `Maintainer ${ref} has no GitLab account on ${client.host} (no user "${username}").`;
      }
      if (user.state !== 'active') {
        return `Maintainer ${ref} has a ${user.state} GitLab account on ${client.host}; an administrator must reactivate "${username}" first.`;
      }
      return undefined;
    }),
  );
  return problems.filter((p): p is string => p !== undefined);
}

async function checkNamespace(
  client: GitlabProjectClient,
  me: CurrentUser,
): Promise<string[]> {
  const { api, owner, host } = client;
  let namespace: GitlabNamespace;
  try {
    namespace = namespaceSchema.parse(await api.Namespaces.show(owner));
  } catch (error) {
    if (!isGitlabNotFound(error)) throw error;
    return [
      `The GitLab group ${owner} does not exist on ${host}, or ${me.username} cannot see it.`,
    ];
  }
  if (me.is_admin) return [];
  if (namespace.kind === 'user') {
    return namespace.full_path === me.username
      ? []
      : [
          `${owner} is another user's personal namespace; ${me.username} may not create projects in it.`,
        ];
  }
  const group = groupSchema.parse(await api.Groups.show(namespace.id));
  const minimum = minimumAccessToCreateProjects(group.project_creation_level);
  let level = 0;
  try {
    const member = memberSchema.parse(
      await api.GroupMembers.show(namespace.id, me.id, {
        includeInherited: true,
      }),
    );
    level = member.access_level;
  } catch (error) {
    if (!isGitlabNotFound(error)) throw error;
  }
  if (minimum !== undefined && level >= minimum) return [];
  return [
    `${
      me.username
    } may not create projects in the GitLab group ${owner}: ${describeCreationLevel(
      group.project_creation_level,
    )}, and ${me.username} has ${
      level > 0 ? `the ${roleName(level)} role` : 'no role'
    } there.`,
  ];
}

/**
 * Problems with the project path, if any; returns the project when it is an
 * unfinished earlier run of this template (the run resumes it).
 */
async function checkProjectPath(options: {
  client: GitlabProjectClient;
  me: CurrentUser;
  gitCommitMessage: string;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  problems: string[];
}): Promise<ExistingProject | undefined> {
  const { client, me, problems } = options;
  let project: ExistingProject;
  try {
    project = projectSchema.parse(await client.api.Projects.show(client.slug));
  } catch (error) {
    if (isGitlabNotFound(error)) return undefined;
    throw error;
  }
  const verdict = await findUnfinishedProject({
    api: client.api,
    project,
    userId: me.id,
    username: me.username,
    gitCommitMessage: options.gitCommitMessage,
    catalog: options.catalog,
    credentials: options.credentials,
  });
  if (verdict.unfinished) return project;
  problems.push(
    `The GitLab project ${client.slug} is already taken (${
      project.web_url
    }), and it is not an unfinished earlier run of this template: ${verdict.reasons.join(
      '; ',
    )}. Choose another name.`,
  );
  return undefined;
}
