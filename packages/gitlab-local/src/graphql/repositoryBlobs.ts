import { ApiServices } from '../http/ApiContext';
import { User } from '../model/entities';
import { GraphqlRequest, GraphqlResult } from './executeGraphqlQuery';

/** GitLab caps `blobs(paths:)` at 100 paths per query. */
const MAX_PATHS = 100;

/** Whether a document asks for `project(fullPath:) { repository { blobs(...) } }`. */
export function isRepositoryBlobsQuery(query: unknown): boolean {
  return (
    typeof query === 'string' &&
    /project\s*\(\s*fullPath\s*:/.test(query) &&
    /blobs\s*\(/.test(query)
  );
}

/**
 * GitLab's `project(fullPath: $fullPath) { repository { blobs(ref: $ref,
 * paths: $paths) { nodes { path rawTextBlob size } } } }`: several files of
 * one ref in one request. As on GitLab, paths that do not exist are left
 * out of `nodes`, an unknown or unreadable project is `null`, and an unknown
 * ref gives no nodes. Variables carry the arguments (`$fullPath`, `$ref`,
 * `$paths`); inline literals are not parsed.
 */
export async function executeRepositoryBlobsQuery(
  services: ApiServices,
  viewer: User,
  request: GraphqlRequest,
): Promise<GraphqlResult> {
  const variables = request.variables ?? {};
  const fullPath = variables.fullPath;
  const paths = variables.paths;
  if (
    typeof fullPath !== 'string' ||
    !Array.isArray(paths) ||
    !paths.every(p => typeof p === 'string')
  ) {
    return {
      errors: [
        {
          message:
            'gitlab-local answers blobs queries with variables $fullPath (String) and $paths ([String!]!), and optionally $ref',
        },
      ],
    };
  }
  if (paths.length > MAX_PATHS) {
    return {
      errors: [{ message: `paths is limited to ${MAX_PATHS} entries` }],
    };
  }
  const project = services.store.findProject(fullPath);
  if (!project || !services.store.canReadProject(viewer, project)) {
    return { data: { project: null } };
  }
  const ref =
    typeof variables.ref === 'string' && variables.ref
      ? variables.ref
      : project.defaultBranch;
  const gitDir = await services.repos.ensure(project);
  const files = await services.repos.readFilesAtRef(
    gitDir,
    ref,
    paths as string[],
  );
  const nodes = [...files].map(([path, content]) => ({
    path,
    rawTextBlob: content.toString('utf8'),
    size: content.length,
  }));
  const repository: Record<string, unknown> = { blobs: { nodes } };
  // `repository { tree(ref: $ref) { lastCommit { sha } } }` beside the blobs:
  // the commit those files were read at, in the same request (as on GitLab).
  if (/tree\s*\([^)]*\)\s*\{\s*lastCommit/.test(String(request.query))) {
    const sha = await services.repos.resolveCommit(gitDir, ref);
    repository.tree = sha ? { lastCommit: { sha } } : null;
  }
  return { data: { project: { repository } } };
}
