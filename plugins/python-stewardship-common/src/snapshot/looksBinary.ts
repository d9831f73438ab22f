/** How much of a file git looks at to decide whether it is binary. */
const BINARY_PROBE_CHARS = 8000;

/**
 * Whether decoded text is binary content after all: a NUL character in its
 * first 8,000 characters, the test git itself uses (`buffer_is_binary`).
 * Looking at the whole file cost a fifth of a millisecond per evaluation on
 * a large lockfile held as two-byte text, for no better answer.
 *
 * @public
 */
export function looksBinary(text: string): boolean {
  const probe =
    text.length > BINARY_PROBE_CHARS ? text.slice(0, BINARY_PROBE_CHARS) : text;
  return probe.includes('\u0000');
}
