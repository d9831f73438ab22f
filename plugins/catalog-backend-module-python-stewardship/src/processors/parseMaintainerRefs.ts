import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Kinds that can maintain a codebase: a person, or a group such as a maintainer pool. */
const MAINTAINER_KINDS = new Set(['user', 'group']);

/** Outcome of parsing the maintainers annotation: the refs, and a message per bad entry. */
export interface ParsedMaintainers {
  refs: CompoundEntityRef[];
  problems: string[];
}

/**
 * Parses `user:alex, group:python-maintainers, bea` (comma or newline separated).
 * A bare name means a User in the entity's own namespace. Bad entries are
 * reported, not thrown, so one typo does not drop the other maintainers.
 */
export function parseMaintainerRefs(
  value: string,
  defaultNamespace: string,
): ParsedMaintainers {
  const refs: CompoundEntityRef[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(/[,\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    let ref: CompoundEntityRef;
    try {
      ref = parseEntityRef(entry, { defaultKind: 'user', defaultNamespace });
    } catch (error) {
      problems.push(`"${entry}" is not an entity reference: ${String(error)}`);
      continue;
    }
    if (!MAINTAINER_KINDS.has(ref.kind.toLocaleLowerCase('en-US'))) {
      problems.push(
        `"${entry}" has kind ${ref.kind}; maintainers must be a User or a Group`,
      );
      continue;
    }
    const key = stringifyEntityRef(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push(ref);
  }
  return { refs, problems };
}
