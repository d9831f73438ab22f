import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

/** The file a project describes itself with, at the repository root. */
export const CATALOG_FILE = 'catalog-info.yaml';

/**
 * The Component a project's own `catalog-info.yaml` declares, or undefined
 * when the file has none or cannot be parsed. Discovery keeps that
 * component's name, owner, lifecycle and everything else it says, and only
 * fills in what it leaves out.
 */
export function parseCatalogComponent(text: string): Entity | undefined {
  let documents;
  try {
    documents = parseAllDocuments(text);
  } catch {
    return undefined;
  }
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length) continue;
    const value = document.toJS() as Partial<Entity> | null;
    if (
      value &&
      typeof value === 'object' &&
      typeof value.apiVersion === 'string' &&
      value.kind?.toLowerCase() === 'component' &&
      typeof value.metadata?.name === 'string'
    ) {
      return value as Entity;
    }
  }
  return undefined;
}
