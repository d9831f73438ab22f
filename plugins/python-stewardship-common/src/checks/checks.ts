import { pyprojectDeclaresProject } from './rules/pyprojectDeclaresProject';
import { approvedPackageManager } from './rules/approvedPackageManager';
import { lockfileCommitted } from './rules/lockfileCommitted';
import { developmentDependencyGroups } from './rules/developmentDependencyGroups';
import { pythonVersionConsistent } from './rules/pythonVersionConsistent';
import { supportedPythonVersion } from './rules/supportedPythonVersion';
import { formatterConfigured } from './rules/formatterConfigured';
import { importSortingConfigured } from './rules/importSortingConfigured';
import { styleLinterAgreesWithFormatter } from './rules/styleLinterAgreesWithFormatter';
import { pylintConfigured } from './rules/pylintConfigured';
import { mypyConfigured } from './rules/mypyConfigured';
import { toolConfigInPyproject } from './rules/toolConfigInPyproject';
import { lintToolsDeclared } from './rules/lintToolsDeclared';
import { pytestIsTestFramework } from './rules/pytestIsTestFramework';
import { coverageMeasured } from './rules/coverageMeasured';
import { testsTree } from './rules/testsTree';
import { testFilesMirrorModules } from './rules/testFilesMirrorModules';
import { standardTopLevelFiles } from './rules/standardTopLevelFiles';
import { issueAndMergeRequestTemplates } from './rules/issueAndMergeRequestTemplates';
import { ciRunsLintAndTest } from './rules/ciRunsLintAndTest';
import { ciRunsLintersInCheckMode } from './rules/ciRunsLintersInCheckMode';
import { ciPublishesTestReports } from './rules/ciPublishesTestReports';
import { ciPinsPackageManager } from './rules/ciPinsPackageManager';
import { makefileTargets } from './rules/makefileTargets';
import { ciSecurityScanning } from './rules/ciSecurityScanning';
import { codeownersMaintainersGroup } from './rules/codeownersMaintainersGroup';
import { reviewerRoulette } from './rules/reviewerRoulette';
import { mergeRequestTypeLabel } from './rules/mergeRequestTypeLabel';
import { mergeRequestTemplateChecklist } from './rules/mergeRequestTemplateChecklist';
import { pypiMetadataReady } from './rules/pypiMetadataReady';
import { tagPipelinePublishesToPypi } from './rules/tagPipelinePublishesToPypi';
import { utilityEntryPoint } from './rules/utilityEntryPoint';
import { serviceImageRules } from './rules/serviceImageRules';
import { imagePushedToProjectRegistry } from './rules/imagePushedToProjectRegistry';
import { runwayDeployment } from './rules/runwayDeployment';
import { selfHostedReleaseTags } from './rules/selfHostedReleaseTags';
import { dockerHubPublishing } from './rules/dockerHubPublishing';
import { dependencyUpdatesAutomated } from './rules/dependencyUpdatesAutomated';
import { ciChecksLockfileFreshness } from './rules/ciChecksLockfileFreshness';
import { libraryShipsPyTyped } from './rules/libraryShipsPyTyped';
import { pytestWarningsAsErrors } from './rules/pytestWarningsAsErrors';
import { noCommittedCredentials } from './rules/noCommittedCredentials';
import { gitignoreLocalFiles } from './rules/gitignoreLocalFiles';
import { readmeExplainsSetup } from './rules/readmeExplainsSetup';
import { dockerignorePresent } from './rules/dockerignorePresent';
import { defaultBranchProtected } from './rules/defaultBranchProtected';
import { maintainerApprovalRequired } from './rules/maintainerApprovalRequired';
import { reviewMergeSettings } from './rules/reviewMergeSettings';
import type { CheckDefinition, CheckMetadata } from './types';

/**
 * The rule pack, ordered by id. Ids are stable: a retired check keeps its id
 * unused. PYG-030 to PYG-032 judge GitLab project settings, which only the
 * portal reads; elsewhere they are skipped as "evaluated by the portal".
 *
 * @public
 */
export const checks: readonly CheckDefinition[] = [
  pyprojectDeclaresProject,
  approvedPackageManager,
  lockfileCommitted,
  developmentDependencyGroups,
  pythonVersionConsistent,
  supportedPythonVersion,
  formatterConfigured,
  importSortingConfigured,
  styleLinterAgreesWithFormatter,
  pylintConfigured,
  mypyConfigured,
  toolConfigInPyproject,
  lintToolsDeclared,
  pytestIsTestFramework,
  coverageMeasured,
  testsTree,
  testFilesMirrorModules,
  standardTopLevelFiles,
  issueAndMergeRequestTemplates,
  ciRunsLintAndTest,
  ciRunsLintersInCheckMode,
  ciPublishesTestReports,
  ciPinsPackageManager,
  makefileTargets,
  ciSecurityScanning,
  codeownersMaintainersGroup,
  reviewerRoulette,
  mergeRequestTypeLabel,
  mergeRequestTemplateChecklist,
  defaultBranchProtected,
  maintainerApprovalRequired,
  reviewMergeSettings,
  pypiMetadataReady,
  tagPipelinePublishesToPypi,
  utilityEntryPoint,
  serviceImageRules,
  imagePushedToProjectRegistry,
  runwayDeployment,
  selfHostedReleaseTags,
  dockerHubPublishing,
  dependencyUpdatesAutomated,
  ciChecksLockfileFreshness,
  libraryShipsPyTyped,
  pytestWarningsAsErrors,
  noCommittedCredentials,
  gitignoreLocalFiles,
  readmeExplainsSetup,
  dockerignorePresent,
];

/**
 * The rule pack without the `evaluate` functions: plain data a browser or an
 * API response can carry, e.g. to render a rule catalog.
 *
 * @public
 */
export const ruleCatalog: readonly CheckMetadata[] = checks.map(
  ({ evaluate: _evaluate, ...metadata }) => metadata,
);
