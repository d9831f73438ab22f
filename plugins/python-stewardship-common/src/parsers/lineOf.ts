/**
 * 1-based line of the first match of `pattern` in `text`, or undefined.
 * Used to point failures at the relevant line without a position-aware parser.
 */
export function lineOf(
  text: string,
  pattern: string | RegExp,
): number | undefined {
  // `search` ignores the global flag and lastIndex, so the pattern is used
  // as it is rather than compiled again on every call.
  const index =
    typeof pattern === 'string' ? text.indexOf(pattern) : text.search(pattern);
  if (index < 0) {
    return undefined;
  }
  let line = 1;
  for (
    let newline = text.indexOf('\n');
    newline >= 0 && newline < index;
    newline = text.indexOf('\n', newline + 1)
  ) {
    line++;
  }
  return line;
}
