/**
 * Isomorphic core of the python-stewardship plugin family: the rule pack for
 * GitLab's Python guidelines, the engine that evaluates a repository
 * snapshot, and the classifier for service, utility and library repositories.
 *
 * @packageDocumentation
 */

export * from './catalog/catalogConventions';
export { codeownerEntityRef } from './catalog/codeownerEntityRef';
export {
  CODEOWNERS_PATHS,
  defaultCodeowners,
  parseCodeowners,
} from './parsers/codeowners';
export type {
  Codeowners,
  CodeownersRule,
  CodeownersSection,
} from './parsers/codeowners';
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
export type { RepositorySnapshot } from './snapshot/RepositorySnapshot';
export {
  SnapshotReadError,
  isSnapshotReadError,
} from './snapshot/SnapshotReadError';
export type { SnapshotReadErrorReason } from './snapshot/SnapshotReadError';
export {
  createMemorySnapshot,
  DEFAULT_MAX_FILE_BYTES,
} from './snapshot/createMemorySnapshot';
export type { MemorySnapshotOptions } from './snapshot/createMemorySnapshot';
export { decodeSnapshotText, refuseOversized } from './snapshot/snapshotText';
export {
  evaluateRepository,
  InvalidEvaluateOptionsError,
  isAdvisory,
} from './engine/evaluateRepository';
export { planConformanceFetch } from './engine/planConformanceFetch';
export type { EvaluateOptions } from './engine/evaluateRepository';
export type {
  CheckResult,
  ConformanceReport,
} from './engine/ConformanceReport';
export { conformanceReportJsonSchema } from './engine/conformanceReportJsonSchema';
export type { CheckContext } from './engine/CheckContext';
export { classifyRepository } from './classify/classifyRepository';
export { planClassificationFetch } from './classify/planClassificationFetch';
export type {
  ClassificationSource,
  ClassifyOptions,
  RepositoryClassification,
} from './classify/classifyFromFacts';
export { checks, ruleCatalog } from './checks/checks';
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
  CheckDefinition,
  CheckDocs,
  CheckFix,
  CheckLocation,
  CheckMetadata,
  CheckOutcome,
  CheckSource,
  CheckSourceKind,
  CheckStatus,
  HandbookPage,
  RepositoryType,
} from './checks/types';
export { renderChecksMarkdown } from './checks/renderChecksMarkdown';
export { conformanceLevels } from './scoring/levels';
export type { ConformanceLevel, ConformanceLevelId } from './scoring/levels';
export {
  defaultStewardshipOptions,
  InvalidStewardshipOptionsError,
  packageManagers,
  resolveStewardshipOptions,
  stewardshipOptionsSchema,
} from './options/stewardshipOptions';
export type {
  PackageManager,
  StewardshipOptions,
  StewardshipOptionsInput,
} from './options/stewardshipOptions';
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
export {
  conformanceRefreshPermission,
  discoveryStatusReadPermission,
  exemptionDecidePermission,
  exemptionRequestPermission,
  IS_PYTHON_MAINTAINER_RULE,
  pythonStewardshipPermissions,
} from './permissions';
export type { GitlabProjectSettings } from './settings/GitlabProjectSettings';
export { evaluateGate } from './scoring/evaluateGate';
export type { GateResult } from './scoring/evaluateGate';
export { defineCheck, fail, pass, skip } from './checks/support';
export { composeRulePack, rulePackMetadata } from './extend/composeRulePack';
export { testCheck } from './extend/testCheck';
export { chooseProjectRoot } from './engine/findProjectRoot';
export type { ProjectRootChoice } from './engine/findProjectRoot';
