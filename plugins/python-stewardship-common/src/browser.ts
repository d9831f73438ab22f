/**
 * What a browser needs of python-stewardship's common package: catalog
 * conventions, the rule pack's metadata (generated, no rule code), the
 * handbook pages and the conformance API's types. Nothing here imports the
 * engine or its parsers, so a frontend importing
 * `@internal/plugin-python-stewardship-common/browser` bundles only data.
 *
 * @packageDocumentation
 */

export * from './catalog/catalogConventions';
export { handbookContent } from './handbook/handbookContent.generated';
export { handbookPageList } from './handbook/handbookPages';
export type {
  HandbookPageId,
  HandbookPageInfo,
} from './handbook/handbookPages';
export { extractHeadings, markdownLines } from './handbook/markdownHeadings';
export type { MarkdownHeading } from './handbook/markdownHeadings';
export { createSlugger, slugify } from './handbook/slugify';
export type { HeadingSlugger } from './handbook/slugify';
export {
  conformanceLevels,
  ruleCatalog,
} from './browser/ruleCatalog.generated';
export { checkFamilies, checkFamilyTitle } from './checks/families';
export type { CheckFamily } from './checks/families';
export {
  advisorySourceKinds,
  checkDocsPath,
  checkSourceKinds,
  checkSourceLabel,
  handbookPages,
  repositoryTypes,
} from './checks/types';
export type {
  CheckDocs,
  CheckFix,
  CheckLocation,
  CheckMetadata,
  CheckSource,
  CheckSourceKind,
  CheckStatus,
  HandbookPage,
  RepositoryType,
} from './checks/types';
export type {
  CheckResult,
  ConformanceReport,
} from './engine/ConformanceReport';
export type { ConformanceLevel, ConformanceLevelId } from './scoring/levels';
export type { DiscoveryRun, DiscoveryStatus } from './api/discoveryStatusApi';
export { codebaseSortKeys, exemptionStates } from './api/conformanceApi';
export type {
  CodebasePage,
  CodebaseQuery,
  CodebaseRow,
  CodebaseSortKey,
  EntityConformance,
  Exemption,
  ExemptionDecision,
  ExemptionRequest,
  ExemptionState,
  LevelOrNone,
  OrganisationSummary,
  ResultSource,
  ScoreHistory,
  StoredResult,
} from './api/conformanceApi';
