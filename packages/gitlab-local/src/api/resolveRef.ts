import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Project } from '../model/entities';

export interface ResolvedRef {
  gitDir: string;
  ref: string;
  commit: string;
}

/**
 * Resolves `ref` (default: the project's default branch) to a commit, or
 * throws GitLab's 404 for `what` ("Tree", "File", "Commit"...).
 */
export async function resolveRef(
  ctx: ApiContext,
  project: Project,
  ref: string | undefined,
  what: string,
): Promise<ResolvedRef> {
  const gitDir = await ctx.repos.ensure(project);
  const wanted = ref || project.defaultBranch;
  const commit = await ctx.repos.resolveCommit(gitDir, wanted);
  if (!commit) throw GitlabError.notFound(what);
  return { gitDir, ref: wanted, commit };
}
