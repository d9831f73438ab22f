/**
 * Normalises a repository-relative path to the form snapshots use:
 * forward slashes, no leading `./` or `/`.
 */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}
