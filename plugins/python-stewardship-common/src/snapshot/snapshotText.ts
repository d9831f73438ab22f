import { looksBinary } from './looksBinary';
import { SnapshotReadError } from './SnapshotReadError';

/**
 * Throws the `too-large` {@link SnapshotReadError} every snapshot's
 * `readText` gives for a file over `maxFileBytes`. Takes the size alone, so
 * a snapshot on disk can refuse a file before reading it.
 *
 * @public
 */
export function refuseOversized(
  path: string,
  size: number,
  maxFileBytes: number,
): void {
  if (size > maxFileBytes) {
    throw new SnapshotReadError(
      path,
      'too-large',
      `${path} is ${size} bytes, more than the ${maxFileBytes} bytes allowed`,
    );
  }
}

/**
 * A file's text as every snapshot's `readText` returns it: bytes decoded as
 * strict UTF-8, and binary content ({@link looksBinary}) refused, each as a
 * `binary` {@link SnapshotReadError}.
 *
 * @public
 */
export function decodeSnapshotText(
  path: string,
  content: string | Uint8Array,
): string {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new SnapshotReadError(path, 'binary');
    }
  }
  if (looksBinary(text)) {
    throw new SnapshotReadError(path, 'binary');
  }
  return text;
}
