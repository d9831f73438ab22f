import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_MAINTAINERS,
  PYTHON_TAG,
  RELATION_MAINTAINER_OF,
} from '@internal/plugin-python-stewardship-common/browser';

/**
 * A Python codebase: a Component tagged `python`, or one that names its
 * maintainers (GitLab discovery sets the annotation before the tag exists).
 */
export function isPythonCodebase(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    (Boolean(entity.metadata.tags?.includes(PYTHON_TAG)) ||
      Boolean(entity.metadata.annotations?.[ANNOTATION_MAINTAINERS]))
  );
}

/** A User or Group that maintains at least one codebase. */
export function isCodebaseMaintainer(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    (kind === 'user' || kind === 'group') &&
    Boolean(entity.relations?.some(r => r.type === RELATION_MAINTAINER_OF))
  );
}

/** A Group, whose page lists the team's codebases. */
export function isGroup(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}
