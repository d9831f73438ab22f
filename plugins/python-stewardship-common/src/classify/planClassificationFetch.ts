import { findProjectRoot } from '../engine/findProjectRoot';

/**
 * The files {@link classifyRepository} reads, out of a repository's tree: the
 * project's `pyproject.toml` and `setup.cfg` (console scripts declared in
 * `[options.entry_points]`). Everything else it decides from paths, so a
 * caller that fetches over the network (GitLab discovery) reads just these and
 * passes the whole tree as `treePaths`. Call it again with the fetched
 * contents until it returns nothing: a workspace root's `pyproject.toml`
 * points to the member whose files come next. Kept beside the classifier so the two
 * change together; a test proves the partial snapshot classifies the same.
 *
 * @public
 */
export function planClassificationFetch(
  treePaths: readonly string[],
  fetched: Readonly<Record<string, unknown>> = {},
): string[] {
  // A workspace's or tools-only root pyproject.toml names the project folder,
  // so a second call with it fetched asks for the member's files.
  const root = findProjectRoot(treePaths, path => {
    const content = fetched[path];
    return typeof content === 'string' ? content : undefined;
  });
  const tree = new Set(treePaths);
  return ['pyproject.toml', `${root}pyproject.toml`, `${root}setup.cfg`]
    .filter((path, i, all) => all.indexOf(path) === i)
    .filter(path => tree.has(path) && !(path in fetched));
}
