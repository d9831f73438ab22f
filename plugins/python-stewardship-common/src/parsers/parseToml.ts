import { parse, TomlError } from 'smol-toml';

/** Result of {@link parseToml}: a table, or an error message with its line. */
export type TomlParseResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string; line?: number };

/** Parses TOML without throwing. */
export function parseToml(text: string): TomlParseResult {
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
