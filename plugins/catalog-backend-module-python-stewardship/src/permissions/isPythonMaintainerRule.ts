import { Entity } from '@backstage/catalog-model';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  ANNOTATION_MAINTAINERS,
  IS_PYTHON_MAINTAINER_RULE,
  RELATION_MAINTAINED_BY,
} from '@internal/plugin-python-stewardship-common';
import { z } from 'zod/v3';

/**
 * Catalog permission rule: the entity's maintainers include one of the
 * given refs (a person's own ref and their groups'). Maintainers come from
 * the `maintainedBy` relations the maintainers processor emits, so the
 * rule also works as a catalog query.
 */
export const isPythonMaintainerRule = createPermissionRule({
  name: IS_PYTHON_MAINTAINER_RULE,
  description:
    'Allow entities whose Python maintainers include one of the given entity refs',
  resourceRef: catalogEntityPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the person and their groups'),
  }),
  apply: (entity: Entity, { claims }) => {
    const wanted = new Set(claims.map(ref => ref.toLocaleLowerCase('en-US')));
    const fromRelations = (entity.relations ?? [])
      .filter(relation => relation.type === RELATION_MAINTAINED_BY)
      .map(relation => relation.targetRef);
    const fromAnnotation = (
      entity.metadata.annotations?.[ANNOTATION_MAINTAINERS] ?? ''
    )
      .split(',')
      .map(ref => ref.trim())
      .filter(ref => ref.includes(':') && ref.includes('/'));
    return [...fromRelations, ...fromAnnotation].some(ref =>
      wanted.has(ref.toLocaleLowerCase('en-US')),
    );
  },
  toQuery: ({ claims }) => ({
    key: `relations.${RELATION_MAINTAINED_BY}`,
    values: claims,
  }),
});
