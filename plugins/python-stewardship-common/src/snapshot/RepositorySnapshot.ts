/**
 * Read-only view of one repository at one commit.
 *
 * The engine only ever talks to this interface, so the same checks run on a
 * local folder (the CLI), on files fetched from GitLab (the backend) and in
 * the browser. Paths are relative, use `/` and never start with `./` or `/`.
 *
 * @public
 */
export interface RepositorySnapshot {
  /** Every file path in the repository (directories are implied by paths). */
  listPaths(): string[];
  /**
   * The UTF-8 text of a file.
   *
   * @throws SnapshotReadError when the file is missing, binary or too large.
   */
  readText(path: string): string;
  /** Commit the snapshot was taken from, when known. */
  commitId?: string;
}
