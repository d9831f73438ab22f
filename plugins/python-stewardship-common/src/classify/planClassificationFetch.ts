import { findProjectRoot } from '../engine/findProjectRoot';

/**
 * The files {@link classifyRepository} reads, out of a repository's tree: the
 * project's `pyproject.toml` and `setup.cfg` (console scripts declared in
 * `[options.entry_points]`). Everything else it decides from paths, so a
 * caller that fetches over the network (GitLab discovery) reads just these and
 * passes the whole tree as `treePaths`. Kept beside the classifier so the two
 * change together; a test proves the partial snapshot classifies the same.
 *
 * @public
 */
export function planClassificationFetch(
  treePaths: readonly string[],
): string[] {
  const root = findProjectRoot(treePaths);
  return [`${root}pyproject.toml`, `${root}setup.cfg`].filter(path =>
    treePaths.includes(path),
  );
}
