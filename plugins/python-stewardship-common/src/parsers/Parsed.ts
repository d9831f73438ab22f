/**
 * Outcome of reading and parsing one file. Checks branch on `state`: a
 * missing file is usually a failure, an unreadable one is an `error` result.
 */
export type Parsed<T> =
  | { state: 'ok'; path: string; value: T; text: string }
  | { state: 'missing'; path: string }
  | { state: 'error'; path: string; message: string; line?: number };
