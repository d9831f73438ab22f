/**
 * Why a file could not be read as text.
 *
 * @public
 */
export type SnapshotReadErrorReason =
  | 'missing'
  | 'binary'
  | 'too-large'
  | 'not-loaded';

/**
 * Thrown by {@link RepositorySnapshot.readText}; checks turn it into an
 * `error` result that names the file instead of crashing.
 *
 * @public
 */
export class SnapshotReadError extends Error {
  readonly name = 'SnapshotReadError';

  constructor(
    readonly path: string,
    readonly reason: SnapshotReadErrorReason,
    detail?: string,
  ) {
    super(detail ?? describeReason(path, reason));
  }
}

function describeReason(path: string, reason: SnapshotReadErrorReason) {
  switch (reason) {
    case 'missing':
      return `${path} does not exist`;
    case 'binary':
      return `${path} is not UTF-8 text`;
    case 'not-loaded':
      return `${path} exists but its content was not loaded into the snapshot`;
    default:
      return `${path} is too large to read`;
  }
}

/** Type guard that also works across bundles where `instanceof` may fail. @public */
export function isSnapshotReadError(
  error: unknown,
): error is SnapshotReadError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'SnapshotReadError'
  );
}
