import { findProjectRoot } from './findProjectRoot';
import { findDockerfile } from './projectFacts';
import { isRequirementsFile } from './packaging';
import { loadGitlabCi } from '../parsers/gitlabCi';
import { Parsed } from '../parsers/Parsed';
import { normalizePath } from '../snapshot/normalizePath';

/** Files read at the repository root. */
const REPOSITORY_FILES = [
  '.gitlab-ci.yml',
  'CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
  'Dangerfile',
  'pyproject.toml',
  '.runway/runway.yml',
  '.gitignore',
  'README.md',
  'README.rst',
  'Makefile',
  'Dockerfile',
  '.dockerignore',
  '.tool-versions',
  '.python-version',
  'mise.toml',
  '.mise.toml',
  '.pre-commit-config.yaml',
];

/** Files read in the Python project's folder (the root unless it is a monorepo). */
const PROJECT_FILES = [
  'pyproject.toml',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'setup.cfg',
  'setup.py',
  'Pipfile',
  '.flake8',
  'tox.ini',
  'pytest.ini',
  '.pytest.ini',
  'pytest.toml',
  '.pytest.toml',
  '.coveragerc',
  'mypy.ini',
  '.mypy.ini',
  '.isort.cfg',
  '.pylintrc',
  'pylintrc',
  '.pre-commit-config.yaml',
  'ruff.toml',
  '.ruff.toml',
  'Dockerfile',
  'Containerfile',
  '.dockerignore',
  'Makefile',
  'README.md',
  'README.rst',
  '.gitignore',
  '.tool-versions',
  '.python-version',
  'mise.toml',
  '.mise.toml',
];

/**
 * Which file contents the engine needs, for callers that fetch files one by
 * one (the GitLab scanner). Call it with the repository's tree and the files
 * fetched so far; fetch what it returns; repeat until it returns nothing.
 * The first round names the config files; later rounds add the CI files that
 * `include: local` pulls in, which only the fetched CI files reveal. Usually
 * two rounds and fifteen files in all.
 *
 * Everything else (test files, sources) is judged from the tree alone, so
 * pass the full tree to `createMemorySnapshot` as `treePaths`.
 *
 * @public
 */
export function planConformanceFetch(
  treePaths: readonly string[],
  fetched: Readonly<Record<string, unknown>> = {},
): string[] {
  const tree = treePaths.map(normalizePath);
  const existing = new Set(tree);
  const have = new Set(Object.keys(fetched).map(normalizePath));
  // The same choice as the engine's: a workspace root's pyproject.toml
  // (fetched in the first round) points to its member in the next round.
  const projectRoot = findProjectRoot(tree, path => {
    const content = fetched[path];
    return typeof content === 'string' ? content : undefined;
  });
  const wanted = new Set<string>();
  for (const file of REPOSITORY_FILES) wanted.add(file);
  for (const file of PROJECT_FILES) wanted.add(`${projectRoot}${file}`);
  const projectPaths: string[] = [];
  for (const path of tree) {
    if (path.startsWith('.gitlab/merge_request_templates/')) wanted.add(path);
    if (path.startsWith(projectRoot)) {
      const relative = path.slice(projectRoot.length);
      projectPaths.push(relative);
      // requirements.txt, requirements-dev.txt, requirements/test.txt
      if (isRequirementsFile(relative)) wanted.add(path);
    }
  }
  // The same finder the classifier and the checks use (docker/Dockerfile).
  const dockerfile = findDockerfile(projectPaths);
  if (dockerfile !== undefined) wanted.add(`${projectRoot}${dockerfile}`);
  // Ask the CI loader which files it would read, given what is fetched so far.
  const requested = new Set<string>();
  loadGitlabCi(
    '.gitlab-ci.yml',
    (path): Parsed<string> => {
      requested.add(path);
      const content = fetched[path];
      return typeof content === 'string'
        ? { state: 'ok', path, value: content, text: content }
        : { state: 'missing', path };
    },
    tree,
  );
  for (const path of requested) wanted.add(path);
  return [...wanted]
    .filter(path => existing.has(path) && !have.has(path))
    .sort();
}
