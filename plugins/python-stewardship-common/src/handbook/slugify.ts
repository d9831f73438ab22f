/**
 * GitHub-style heading slugs, as used for the anchors of the Python guidelines
 * handbook (`docs/guidelines/*.md`) and the `docs.anchor` of every check.
 *
 * Same algorithm as GitHub (and the `github-slugger` package): lowercase, drop
 * every character that is not a letter, mark, number, connector punctuation
 * (`_`), space or hyphen, then turn each space into a hyphen. Isomorphic: no
 * Node APIs, safe in the browser.
 */

const DROPPED = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/**
 * The slug of one heading's text, e.g. `Formatting and linting` →
 * `formatting-and-linting`, `Tool configuration in pyproject.toml` →
 * `tool-configuration-in-pyprojecttoml`. Does not handle duplicates; use
 * {@link createSlugger} for a whole page.
 *
 * @public
 */
export function slugify(text: string): string {
  return text.toLowerCase().replace(DROPPED, '').replace(/ /g, '-');
}

/**
 * Slugs for the headings of one page, in document order: a repeated slug
 * gets `-1`, `-2`, ... appended, as on GitHub.
 *
 * @public
 */
export interface HeadingSlugger {
  slug(text: string): string;
  reset(): void;
}

/**
 * A fresh {@link HeadingSlugger}; use one per page.
 *
 * @public
 */
export function createSlugger(): HeadingSlugger {
  const occurrences = new Map<string, number>();
  return {
    slug(text: string): string {
      const original = slugify(text);
      let result = original;
      while (occurrences.has(result)) {
        const count = (occurrences.get(original) ?? 0) + 1;
        occurrences.set(original, count);
        result = `${original}-${count}`;
      }
      occurrences.set(result, 0);
      return result;
    },
    reset() {
      occurrences.clear();
    },
  };
}
