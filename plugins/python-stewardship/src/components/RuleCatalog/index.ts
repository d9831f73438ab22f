export { RuleCatalog } from './RuleCatalog';
export type { RuleCatalogProps } from './RuleCatalog';
export type { RuleCatalogEntry, RuleFamily } from './ruleCatalogTypes';
