import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { GitlabApi } from '@internal/plugin-python-stewardship-node';
import { commitSchema, ExistingProject } from './gitlabSchemas';

/** What {@link findUnfinishedProject} decided, with its reasons in words. */
export type UnfinishedProjectVerdict =
  | { unfinished: true }
  | { unfinished: false; reasons: string[] };

/** The catalog-info.yaml URL catalog:register adds for a published project. */
export function catalogInfoUrlOf(project: ExistingProject): string {
  const remoteUrl = project.http_url_to_repo.replace(/\.git$/, '');
  return `${remoteUrl}/-/blob/${
    project.default_branch ?? 'main'
  }/catalog-info.yaml`;
}

/**
 * Decides whether an existing project is one an earlier run of the same
 * template left unfinished, so that running the template again may finish
 * it instead of failing on "has already been taken". All three must hold:
 *
 * 1. the project was created by the same GitLab user the run acts as
 *    (publish:gitlab creates it with that token);
 * 2. its default branch holds exactly one commit, whose message is the
 *    template's initial commit message (nobody has pushed to it since);
 * 3. the catalog knows nothing of it yet: no location for its
 *    catalog-info.yaml and no entity with its gitlab.com/project-slug
 *    (catalog:register, the last step, has not run).
 *
 * An empty project (an earlier run stopped before pushing) is not finished
 * here: publish:gitlab's skipExisting would skip the push and leave it empty.
 */
export async function findUnfinishedProject(options: {
  api: GitlabApi;
  project: ExistingProject;
  userId: number;
  username: string;
  gitCommitMessage: string;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<UnfinishedProjectVerdict> {
  const { api, project, userId, username, gitCommitMessage, catalog } = options;
  const reasons: string[] = [];

  if (project.creator_id !== userId) {
    reasons.push(`it was created by another GitLab user than ${username}`);
  }

  const commits = project.default_branch
    ? commitSchema.array().parse(
        await api.Commits.all(project.id, {
          refName: project.default_branch,
          perPage: 2,
          maxPages: 1,
        }),
      )
    : [];
  if (commits.length === 0) {
    reasons.push(
      'it is empty: an earlier run stopped before pushing the code, so delete it and run the template again',
    );
  } else if (
    commits.length > 1 ||
    commits[0].message.trim() !== gitCommitMessage.trim()
  ) {
    reasons.push(
      `its history is not just the template's initial commit ("${gitCommitMessage}")`,
    );
  }

  const credentials = { credentials: options.credentials };
  const location = await catalog.getLocationByRef(
    `url:${catalogInfoUrlOf(project)}`,
    credentials,
  );
  const { items } = await catalog.getEntities(
    {
      filter: {
        'metadata.annotations.gitlab.com/project-slug':
          project.path_with_namespace,
      },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    credentials,
  );
  if (items.length > 0) {
    reasons.push(
      `it is already in the catalog as ${items
        .map(entity => stringifyEntityRef(entity))
        .join(', ')}`,
    );
  } else if (location) {
    reasons.push(
      `its catalog-info.yaml is already registered in the catalog (location ${location.id})`,
    );
  }

  return reasons.length === 0
    ? { unfinished: true }
    : { unfinished: false, reasons };
}
