/** A CPython `major.minor` pair. */
export interface PythonMinor {
  major: number;
  minor: number;
}

export function formatMinor(version: PythonMinor): string {
  return `${version.major}.${version.minor}`;
}

export function compareMinor(a: PythonMinor, b: PythonMinor): number {
  return a.major - b.major || a.minor - b.minor;
}

/** Parses `3.12`, `3.12.4`, `py312` or `python3.12` into a minor version. */
export function parseMinor(text: string): PythonMinor | undefined {
  const py = /^py(\d)(\d+)$/.exec(text.trim());
  if (py) {
    return { major: Number(py[1]), minor: Number(py[2]) };
  }
  const match = /(\d+)\.(\d+)/.exec(text);
  return match
    ? { major: Number(match[1]), minor: Number(match[2]) }
    : undefined;
}

/**
 * The lowest minor version a constraint such as `>=3.12,<3.13`, `^3.12`,
 * `~3.11.0` or `==3.12.*` allows, or undefined when it has no lower bound.
 * Commas intersect (the highest lower bound wins); `||` alternatives unite.
 */
export function lowestAllowedMinor(
  constraint: string,
): PythonMinor | undefined {
  const candidates = constraint
    .split(/\|\|?/)
    .map(lowestOfIntersection)
    .filter((v): v is PythonMinor => v !== undefined)
    .sort(compareMinor);
  return candidates[0];
}

function lowestOfIntersection(constraint: string): PythonMinor | undefined {
  const lowers: PythonMinor[] = [];
  for (const part of constraint.split(',')) {
    const match =
      /^\s*(>=|===|==|~=|\^|~|>|<=|<|!=)?\s*v?(\d+(?:\.[\d*]+)*)/.exec(part);
    if (!match || ['<', '<=', '!='].includes(match[1] ?? '')) {
      continue;
    }
    const version = parseMinor(
      match[2].includes('.') ? match[2] : `${match[2]}.0`,
    );
    if (version) {
      lowers.push(version);
    }
  }
  return lowers.sort(compareMinor)[lowers.length - 1];
}
