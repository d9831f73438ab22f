import { parse } from 'ini';
import { isTable } from './tomlAccess';

export type IniDocument = Record<string, Record<string, string>>;

/** Separates continuation lines until the `ini` package has parsed the text. */
const LINE_BREAK = '\uE000';

/** Multi-line values of each parsed section, one entry a line. */
const valueLines = new WeakMap<
  Record<string, string>,
  Record<string, string[]>
>();

/**
 * Parses `setup.cfg`-style INI. Python's configparser allows values to
 * continue on indented lines (`extend-exclude =\n    .venv,\n    tests`);
 * the `ini` package does not, so those lines are joined first (with a space
 * in the value; {@link iniValueLines} gives them one by one). As in the
 * `ini` package, `;` and `#` start a comment inside a value too, which
 * drops environment markers from `install_requires` lines but keeps the
 * names.
 */
export function parseIni(text: string): IniDocument {
  const joined: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]+\S/.test(line) && joined.length && !/^\s*[#;[]/.test(line)) {
      joined[joined.length - 1] += `${LINE_BREAK}${line.trim()}`;
    } else if (/^\s*\[[^\]]*\.[^\]]*\]/.test(line)) {
      // configparser section names are flat; `ini` would nest
      // `[options.entry_points]` under `options` unless the dots are escaped.
      joined.push(line.replace(/\./g, '\\.'));
    } else {
      joined.push(line);
    }
  }
  const raw = parse(joined.join('\n')) as Record<string, unknown>;
  const result: IniDocument = {};
  for (const [section, values] of Object.entries(raw)) {
    if (!isTable(values)) {
      continue;
    }
    const entries: Record<string, string> = {};
    const lines: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(values)) {
      const parts = String(value)
        .split(LINE_BREAK)
        .map(part => part.trim());
      entries[key] = parts.filter(Boolean).join(' ');
      lines[key] = parts.filter(Boolean);
    }
    valueLines.set(entries, lines);
    result[section] = entries;
  }
  return result;
}

/**
 * The lines of a value as configparser keeps them (`install_requires =`
 * followed by one requirement a line), empty lines dropped. A value on one
 * line is a one-item list; a missing key an empty one.
 */
export function iniValueLines(
  section: Record<string, string> | undefined,
  key: string,
): string[] {
  if (!section || section[key] === undefined) return [];
  return valueLines.get(section)?.[key] ?? [section[key]];
}
