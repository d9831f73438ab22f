import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MAINTAINERS,
  RELATION_MAINTAINED_BY,
  RELATION_MAINTAINER_OF,
} from '@internal/plugin-python-stewardship-common';
import { parseMaintainerRefs } from './parseMaintainerRefs';

/**
 * Turns the `python-stewardship.io/maintainers` annotation into the
 * `maintainedBy` (entity → maintainer) and `maintainerOf` (maintainer →
 * entity) relation pair, so the catalog graph and user and group pages show
 * maintainers the same way they show owners.
 */
export class MaintainersProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'PythonStewardshipMaintainersProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const value = entity.metadata.annotations?.[ANNOTATION_MAINTAINERS];
    if (value === undefined) return entity;

    const self = getCompoundEntityRef(entity);
    const { refs, problems } = parseMaintainerRefs(value, self.namespace);
    for (const problem of problems) {
      emit(
        processingResult.inputError(
          location,
          `Annotation ${ANNOTATION_MAINTAINERS} of ${entity.kind}:${self.namespace}/${self.name}: ${problem}`,
        ),
      );
    }
    for (const maintainer of refs) {
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_MAINTAINED_BY,
          target: maintainer,
        }),
      );
      emit(
        processingResult.relation({
          source: maintainer,
          type: RELATION_MAINTAINER_OF,
          target: self,
        }),
      );
    }
    return entity;
  }
}
