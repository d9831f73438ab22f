/**
 * Normalises a repository-relative path to the form snapshots use:
 * forward slashes, no leading `./` or `/`.
 */
export function normalizePath(path: string): string {
  // Fast path: nearly every path is already normalised.
  if (path[0] !== '/' && !path.startsWith('./') && !path.includes('\\')) {
    return path;
  }
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}
