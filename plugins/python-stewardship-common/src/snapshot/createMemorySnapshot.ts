import { RepositorySnapshot } from './RepositorySnapshot';
import { SnapshotReadError } from './SnapshotReadError';
import { normalizePath } from './normalizePath';
import { decodeSnapshotText, refuseOversized } from './snapshotText';

/**
 * Files larger than this are refused: no config file the checks read is
 * anywhere near a megabyte, and refusing keeps evaluation fast and bounded.
 *
 * @public
 */
export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

/** @public */
export interface MemorySnapshotOptions {
  /** Largest file `readText` returns; defaults to {@link DEFAULT_MAX_FILE_BYTES}. */
  maxFileBytes?: number;
  /**
   * Every path in the repository, when `files` holds only some contents
   * (see `planConformanceFetch`). Reading a listed path without content
   * throws a `not-loaded` error, which checks report as an error rather
   * than as a missing file.
   */
  treePaths?: readonly string[];
}

/**
 * Builds a snapshot from file contents held in memory, for example files the
 * backend fetched from GitLab, or fixtures in tests.
 *
 * Bytes are decoded as strict UTF-8; content that is not valid UTF-8 or
 * has a NUL character near its start ({@link looksBinary}) is binary.
 *
 * @public
 */
export function createMemorySnapshot(
  files: Record<string, string | Uint8Array>,
  commitId?: string,
  options: MemorySnapshotOptions = {},
): RepositorySnapshot {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const contents = new Map<string, string | Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    contents.set(normalizePath(path), content);
  }
  const decoded = new Map<string, string>();
  // One pass without intermediate arrays: a tree of a few thousand paths is
  // built on every scan. GitLab lists a tree sorted, so the sort usually
  // finds one run and costs a single comparison per path.
  const inTree = new Set<string>();
  const paths: string[] = [];
  const add = (path: string) => {
    if (!inTree.has(path)) {
      inTree.add(path);
      paths.push(path);
    }
  };
  for (const path of options.treePaths ?? []) add(normalizePath(path));
  for (const path of contents.keys()) add(path);
  paths.sort();

  return {
    commitId,
    listPaths: () => [...paths],
    readText(rawPath: string): string {
      const path = normalizePath(rawPath);
      const cached = decoded.get(path);
      if (cached !== undefined) {
        return cached;
      }
      const content = contents.get(path);
      if (content === undefined) {
        throw new SnapshotReadError(
          path,
          inTree.has(path) ? 'not-loaded' : 'missing',
        );
      }
      refuseOversized(
        path,
        typeof content === 'string' ? content.length : content.byteLength,
        maxFileBytes,
      );
      const text = decodeSnapshotText(path, content);
      decoded.set(path, text);
      return text;
    },
  };
}
