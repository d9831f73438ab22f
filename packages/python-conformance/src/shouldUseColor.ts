/**
 * Colors only for a terminal, never when NO_COLOR is set
 * (https://no-color.org) or TERM is dumb; FORCE_COLOR overrides both ways.
 */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    return env.FORCE_COLOR !== '0';
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') {
    return false;
  }
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
