import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_GITLAB_PROJECT_SLUG,
  ANNOTATION_MAINTAINERS,
  ANNOTATION_REPOSITORY_TYPE,
  RELATION_MAINTAINED_BY,
  repositoryTypes,
  RepositoryType,
} from '@internal/plugin-python-stewardship-common';
import { CodebaseInfo } from '../database/ConformanceStore';

function asType(value: unknown): RepositoryType | null {
  return repositoryTypes.includes(value as RepositoryType)
    ? (value as RepositoryType)
    : null;
}

function refsFromAnnotation(entity: Entity): string[] {
  const raw = entity.metadata.annotations?.[ANNOTATION_MAINTAINERS] ?? '';
  return raw
    .split(',')
    .map(ref => ref.trim())
    .filter(Boolean)
    .flatMap(ref => {
      try {
        return [
          stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: 'user',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ];
      } catch {
        return [];
      }
    });
}

/**
 * What the conformance service keeps about a catalog Component: entity refs
 * lower-cased (the catalog compares them case-insensitively), owner and
 * maintainers from the relations the catalog computed, falling back to
 * `spec.owner` and the maintainers annotation.
 */
export function toCodebaseInfo(entity: Entity): CodebaseInfo {
  const relations = entity.relations ?? [];
  const owner =
    relations.find(r => r.type === RELATION_OWNED_BY)?.targetRef ??
    (typeof entity.spec?.owner === 'string'
      ? stringifyEntityRef(
          parseEntityRef(entity.spec.owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        )
      : null);
  const maintainedBy = relations
    .filter(r => r.type === RELATION_MAINTAINED_BY)
    .map(r => r.targetRef);
  return {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    name: entity.metadata.name,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    type:
      asType(entity.metadata.annotations?.[ANNOTATION_REPOSITORY_TYPE]) ??
      asType(entity.spec?.type),
    owner: owner?.toLocaleLowerCase('en-US') ?? null,
    maintainers: (maintainedBy.length
      ? maintainedBy
      : refsFromAnnotation(entity)
    ).map(ref => ref.toLocaleLowerCase('en-US')),
    projectPath:
      entity.metadata.annotations?.[ANNOTATION_GITLAB_PROJECT_SLUG] ?? null,
  };
}
