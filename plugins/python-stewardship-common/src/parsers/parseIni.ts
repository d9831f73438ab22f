import { parse } from 'ini';
import { isTable } from './tomlAccess';

export type IniDocument = Record<string, Record<string, string>>;

/**
 * Parses `setup.cfg`-style INI. Python's configparser allows values to
 * continue on indented lines (`extend-exclude =\n    .venv,\n    tests`);
 * the `ini` package does not, so those lines are joined first.
 */
export function parseIni(text: string): IniDocument {
  const joined: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]+\S/.test(line) && joined.length && !/^\s*[#;[]/.test(line)) {
      joined[joined.length - 1] += ` ${line.trim()}`;
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
    result[section] = {};
    for (const [key, value] of Object.entries(values)) {
      result[section][key] = String(value);
    }
  }
  return result;
}
