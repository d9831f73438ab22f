import { findProjectRoot } from '../engine/findProjectRoot';
import { isRequirementsFile } from '../engine/packaging';

/** Project files the packaging model reads (console commands, dependencies). */
const PACKAGING_FILES = [
  'pyproject.toml',
  'setup.cfg',
  'setup.py',
  'Pipfile',
  'tox.ini',
];

/**
 * The files {@link classifyRepository} reads, out of a repository's tree: the
 * project's packaging files (`pyproject.toml`, `setup.cfg`, `setup.py`,
 * `Pipfile`, `tox.ini`, `requirements*.txt`: console commands and web
 * framework dependencies). Everything else it decides from paths, so a
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
  const requirements = treePaths.filter(
    path =>
      path.startsWith(root) && isRequirementsFile(path.slice(root.length)),
  );
  return [
    'pyproject.toml',
    ...PACKAGING_FILES.map(file => `${root}${file}`),
    ...requirements,
  ]
    .filter((path, i, all) => all.indexOf(path) === i)
    .filter(path => tree.has(path) && !(path in fetched));
}
