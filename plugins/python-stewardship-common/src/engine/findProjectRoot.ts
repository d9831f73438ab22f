/**
 * Where the Python project lives: the repository root when it has a
 * `pyproject.toml`, otherwise the shallowest folder that has one (a monorepo
 * with the project in a subfolder). Returns `''` or a path ending in `/`.
 */
export function findProjectRoot(paths: readonly string[]): string {
  let best: string | undefined;
  for (const path of paths) {
    if (path === 'pyproject.toml') {
      return '';
    }
    if (path.endsWith('/pyproject.toml') && !isVendored(path)) {
      const folder = path.slice(0, -'pyproject.toml'.length);
      if (
        best === undefined ||
        depth(folder) < depth(best) ||
        (depth(folder) === depth(best) && folder < best)
      ) {
        best = folder;
      }
    }
  }
  return best ?? '';
}

function depth(folder: string): number {
  return folder.split('/').length;
}

function isVendored(path: string): boolean {
  // Virtualenvs, installed packages and test fixtures hold other projects' pyproject.toml files.
  return /(^|\/)(\.venv|venv|node_modules|site-packages|\.tox|\.nox|fixtures?|testdata|test_data)\//.test(
    path,
  );
}
