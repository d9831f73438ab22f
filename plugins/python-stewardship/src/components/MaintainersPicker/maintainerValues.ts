import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Keeps only real entity refs. The form library fills an array that has
 * `minItems: 1` with one empty entry before anyone picks; the stock
 * MultiEntityPicker crashed labelling it, so the picker drops such entries.
 */
export function cleanMaintainerRefs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (ref): ref is string => typeof ref === 'string' && ref.trim() !== '',
  );
}

/** A reason in words for each chosen value that is not a user, or `[]`. */
export function maintainerProblems(value: unknown): string[] {
  const refs = cleanMaintainerRefs(value);
  if (refs.length === 0) {
    return [
      'Pick at least one maintainer: the people who review and merge changes.',
    ];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    let normalized: string;
    try {
      const parsed = parseEntityRef(ref, { defaultKind: 'user' });
      if (parsed.kind.toLocaleLowerCase('en-US') !== 'user') {
        problems.push(`${ref} is a ${parsed.kind}, not a person (a User).`);
        continue;
      }
      normalized = stringifyEntityRef(parsed);
    } catch {
      problems.push(`${ref} is not a user reference like user:default/name.`);
      continue;
    }
    if (seen.has(normalized)) problems.push(`${ref} is listed twice.`);
    seen.add(normalized);
  }
  return problems;
}
