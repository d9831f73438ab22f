/**
 * 1-based line of the first match of `pattern` in `text`, or undefined.
 * Used to point failures at the relevant line without a position-aware parser.
 */
export function lineOf(
  text: string,
  pattern: string | RegExp,
): number | undefined {
  let index: number;
  if (typeof pattern === 'string') {
    index = text.indexOf(pattern);
  } else {
    const flags = pattern.flags.replace('g', '');
    index = text.search(new RegExp(pattern.source, flags));
  }
  if (index < 0) {
    return undefined;
  }
  let line = 1;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}
