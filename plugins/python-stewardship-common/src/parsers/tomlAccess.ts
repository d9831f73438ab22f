/** Narrow accessors for untyped parsed config (TOML, YAML, INI). */

export type Table = Record<string, unknown>;

export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `keys` through nested tables; undefined when any step is not a table. */
export function getTable(root: unknown, ...keys: string[]): Table | undefined {
  let current: unknown = root;
  for (const key of keys) {
    if (!isTable(current)) {
      return undefined;
    }
    current = current[key];
  }
  return isTable(current) ? current : undefined;
}

export function getValue(root: unknown, ...keys: string[]): unknown {
  const parent = getTable(root, ...keys.slice(0, -1));
  return parent?.[keys[keys.length - 1]];
}

export function getString(
  root: unknown,
  ...keys: string[]
): string | undefined {
  const value = getValue(root, ...keys);
  return typeof value === 'string' ? value : undefined;
}

/** Strings of an array value; a single string is treated as a one-item list. */
export function getStrings(root: unknown, ...keys: string[]): string[] {
  const value = getValue(root, ...keys);
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}
