import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';

/**
 * The entity policies the catalog applies to everything it ingests; an
 * entity that fails them never shows up, whatever its kind validator says.
 */
const catalogPolicies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

export async function applyCatalogPolicies(entity: unknown): Promise<Entity> {
  const result = await catalogPolicies.enforce(entity as Entity);
  if (!result) {
    throw new Error('The catalog policies rejected the entity');
  }
  return result;
}
