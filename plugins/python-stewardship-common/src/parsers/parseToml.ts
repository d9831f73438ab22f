import { parse, TomlError } from 'smol-toml';
import { createParseCache, deepFreeze } from './parseCache';

/** Result of {@link parseToml}: a table, or an error message with its line. */
export type TomlParseResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string; line?: number };

/** Parsed TOML by content, shared by every evaluation in this process. */
const parsedFiles = createParseCache<TomlParseResult>();

/**
 * Parses TOML without throwing. The result is kept by content for later
 * evaluations (a rescan, other repositories with the same file) and is
 * frozen: read it, never change it.
 */
export function parseToml(text: string): TomlParseResult {
  let result = parsedFiles.get(text);
  if (!result) {
    result = parseUncached(text);
    parsedFiles.set(text, result.ok ? deepFreeze(result) : result);
  }
  return result;
}

function parseUncached(text: string): TomlParseResult {
  try {
    return { ok: true, value: parse(text) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n')[0];
      return { ok: false, message: firstLine, line: error.line };
    }
    return { ok: false, message: String(error) };
  }
}
