/**
 * GitHub-style heading slugs, so that `page.md#anchor` links written for the
 * markdown on GitLab/GitHub and the `docs.anchor` of each check resolve to the
 * same heading in the portal.
 *
 * Same rules as `github-slugger`: lower-case, drop everything that is not a
 * letter, mark, number, connector (`_`), hyphen or space, turn spaces into
 * hyphens; a repeated heading on one page gets `-1`, `-2`, … appended.
 */
const NOT_SLUG_CHARACTER = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

/** Slug of one heading text, without de-duplication. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(NOT_SLUG_CHARACTER, '').replace(/ /g, '-');
}

/**
 * Returns a slug function that remembers what it has handed out; use one per
 * page so duplicates are numbered the way GitHub numbers them.
 */
export function createSlugger(): (text: string) => string {
  const occurrences = new Map<string, number>();
  return text => {
    const original = slugify(text);
    let result = original;
    while (occurrences.has(result)) {
      const next = (occurrences.get(original) ?? 0) + 1;
      occurrences.set(original, next);
      result = `${original}-${next}`;
    }
    occurrences.set(result, 0);
    return result;
  };
}
