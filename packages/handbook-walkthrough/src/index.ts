/**
 * Follows the handbook's onboarding walkthrough against the local GitLab's
 * example-gateway project; the helpers read the walkthrough and run Python.
 *
 * @packageDocumentation
 */

export { fencedBlocks } from './markdownBlocks';
export type { FencedBlock } from './markdownBlocks';
export {
  extractWalkthroughFiles,
  shellBlocks,
  WalkthroughFormatError,
} from './walkthroughFiles';
export type { WalkthroughFile } from './walkthroughFiles';
export { parsePytestSummary } from './pytestSummary';
export type { PytestSummary } from './pytestSummary';
export {
  assertDebianPythonPackages,
  missingDebianPythonPackages,
  DEBIAN_PYTHON,
  DEBIAN_PYTHON_PACKAGES,
} from './pythonPrerequisites';
