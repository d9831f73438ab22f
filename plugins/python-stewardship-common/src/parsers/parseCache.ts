/**
 * Parsed files kept across evaluations, keyed by their content.
 *
 * A backend scan, a rescan after a push and the benchmark evaluate many
 * repositories whose CI files are byte for byte the same (shared templates,
 * unchanged files between two scans of one repository). Parsing them again
 * costs more than the rest of the evaluation, so each parser keeps a small
 * least-recently-used cache keyed by the text itself: the `Map` hashes the
 * content and compares it in full on a hit, so two different texts never
 * share an entry. Values must never be mutated by callers; parsers freeze
 * what they store.
 */
export interface ParseCache<T> {
  get(text: string): T | undefined;
  /**
   * Keeps `value` for `text`. `characters` is what the entry holds, for the
   * size limit: the text by default, more when the value keeps other texts.
   */
  set(text: string, value: T, characters?: number): void;
  clear(): void;
  /** Entries and the characters of text they hold. */
  readonly size: { entries: number; characters: number };
}

export interface ParseCacheLimits {
  /** Most entries kept (default 256). */
  maxEntries?: number;
  /**
   * Most characters of text kept over all entries (default 2 Mi). Parsed
   * values take about three bytes per character of their text, so 2 Mi
   * characters of YAML cost about 8 MiB with their texts.
   */
  maxCharacters?: number;
}

const caches = new Set<ParseCache<unknown>>();
let enabled = true;

/** A bounded least-recently-used cache of parse results keyed by content. */
export function createParseCache<T>(
  limits: ParseCacheLimits = {},
): ParseCache<T> {
  const maxEntries = limits.maxEntries ?? 256;
  const maxCharacters = limits.maxCharacters ?? 2 * 1024 * 1024;
  // A Map iterates in insertion order: the first key is the least recently used.
  const entries = new Map<string, { value: T; characters: number }>();
  let characters = 0;

  const evict = () => {
    while (entries.size > maxEntries || characters > maxCharacters) {
      const oldest = entries.entries().next();
      if (oldest.done) return;
      entries.delete(oldest.value[0]);
      characters -= oldest.value[1].characters;
    }
  };

  const cache: ParseCache<T> = {
    get(text) {
      if (!enabled) return undefined;
      const entry = entries.get(text);
      if (entry === undefined) return undefined;
      entries.delete(text);
      entries.set(text, entry);
      return entry.value;
    },
    set(text, value, size = text.length) {
      // One entry larger than a quarter of the budget would evict everything.
      if (!enabled || size > maxCharacters / 4) return;
      const previous = entries.get(text);
      if (previous) {
        entries.delete(text);
        characters -= previous.characters;
      }
      entries.set(text, { value, characters: size });
      characters += size;
      evict();
    },
    clear() {
      entries.clear();
      characters = 0;
    },
    get size() {
      return { entries: entries.size, characters };
    },
  };
  caches.add(cache as ParseCache<unknown>);
  return cache;
}

/** Empties every parse cache (tests, and the benchmark's cold runs). */
export function clearParseCaches(): void {
  for (const cache of caches) cache.clear();
}

/**
 * Turns every parse cache on or off (on by default). Off, nothing is kept,
 * so each evaluation parses from scratch, as the benchmark's cold runs need.
 */
export function setParseCachesEnabled(on: boolean): void {
  enabled = on;
  if (!on) clearParseCaches();
}

/** Freezes a parsed value and everything it holds, so a cached value stays as parsed. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
