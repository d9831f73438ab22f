import {
  CORE_SCHEMA,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  load,
} from 'js-yaml';
import { createParseCache, deepFreeze } from './parseCache';

/*
 * YAML for the rule pack: `js-yaml` (YAML 1.2, core schema), about fifteen
 * times faster than `yaml` on CI files and a third of its size in the CLI
 * bundle, with what the rule pack needs on top: unknown local tags read as
 * plain values, a bound on alias expansion, and error messages that say
 * where.
 */

const keepItem = (items: unknown[], item: unknown) => {
  items.push(item);
};

/**
 * Any local tag the schema does not know (`!foo x`, `!foo [..]`,
 * `!foo {..}`) reads as the plain value under it instead of failing the
 * file, as GitLab and the `yaml` package do.
 */
export const untypedLocalTags = [
  defineScalarTag('!', {
    matchByTagPrefix: true,
    resolve: source => source,
    identify: () => false,
  }),
  defineSequenceTag('!', {
    matchByTagPrefix: true,
    create: () => [] as unknown[],
    addItem: keepItem,
    identify: () => false,
  }),
  defineMappingTag('!', {
    matchByTagPrefix: true,
    create: () => ({} as Record<string, unknown>),
    addPair: (table, key, value) => {
      if (typeof key === 'object' && key !== null) {
        return 'a mapping key must be a scalar';
      }
      Object.defineProperty(table, String(key), {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return '';
    },
    has: (table, key) =>
      Object.prototype.hasOwnProperty.call(table, String(key)),
    keys: table => Object.keys(table),
    get: (table, key) => table[String(key)],
    identify: () => false,
  }),
];

/** A sequence tag kept as `{ [property]: items }`, e.g. GitLab's `!reference`. */
export function sequenceTagAs(tag: string, property: string) {
  return defineSequenceTag(tag, {
    create: () => [] as unknown[],
    addItem: keepItem,
    finalize: items => ({ [property]: items }),
    identify: () => false,
  });
}

/** More values than this once aliases are expanded is an alias bomb, not configuration. */
export const MAX_EXPANDED_VALUES = 100_000;

export const ALIAS_BOMB_MESSAGE =
  'its aliases expand to more than 100,000 values, which only a resource exhaustion attack needs';

/**
 * Whether `root` holds more than {@link MAX_EXPANDED_VALUES} values once
 * every alias is expanded (a "billion laughs" document). The parser shares
 * one object between an anchor and its aliases, so the count is memoised per
 * object and stays linear in the size of the text.
 */
export function expandsTooFar(root: unknown): boolean {
  const sizes = new Map<object, number>();
  const visit = (value: unknown): number => {
    if (typeof value !== 'object' || value === null) {
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) {
      return known;
    }
    // An alias of an enclosing node (never produced by the parser) is endless.
    sizes.set(value, Infinity);
    let size = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      size += visit(child);
      if (size > MAX_EXPANDED_VALUES) break;
    }
    sizes.set(value, size);
    return size;
  };
  return visit(root) > MAX_EXPANDED_VALUES;
}

/**
 * What a parse error says and where: `bad indentation of a mapping entry at
 * line 7, column 4: "   tests:"`, with the line quoted so its indentation
 * shows.
 */
export function yamlErrorMessage(
  error: unknown,
  text: string,
): { message: string; line?: number } {
  const { reason, mark } = error as {
    reason?: string;
    mark?: { line: number; column: number };
  };
  if (!reason) {
    return { message: String((error as Error)?.message ?? error) };
  }
  if (!mark) {
    return { message: reason };
  }
  const source = text.split(/\r?\n/)[mark.line] ?? '';
  const shown =
    source.length > 80 ? `${source.slice(0, 77)}...` : source.trimEnd();
  return {
    message: `${reason} at line ${mark.line + 1}, column ${mark.column + 1}${
      shown.trim() ? `: ${JSON.stringify(shown)}` : ''
    }`,
    line: mark.line + 1,
  };
}

const schema = CORE_SCHEMA.withTags(...untypedLocalTags);

type ParsedYaml = { ok: true; value: unknown } | { ok: false; message: string };

const parsedDocuments = createParseCache<ParsedYaml>();

/**
 * Parses one YAML document (such as `.pre-commit-config.yaml`) and keeps the
 * result by content for later evaluations. The value is frozen: read it,
 * never change it. Throws an Error saying what is wrong and where, as the
 * `yaml` package's `parse` does; duplicate keys and several documents in one
 * file are errors, merge keys (`<<`) are plain keys, as there.
 */
export function parseYaml(text: string): unknown {
  let result = parsedDocuments.get(text);
  if (!result) {
    result = parseUncached(text);
    parsedDocuments.set(text, result.ok ? deepFreeze(result) : result);
  }
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.value;
}

function parseUncached(text: string): ParsedYaml {
  let value: unknown;
  try {
    value = load(text, { schema }) ?? null;
  } catch (error) {
    return { ok: false, message: yamlErrorMessage(error, text).message };
  }
  return expandsTooFar(value)
    ? { ok: false, message: ALIAS_BOMB_MESSAGE }
    : { ok: true, value };
}
