import {
  checkFamilies,
  ruleCatalog,
  handbookContent,
  repositoryTypes,
} from '@internal/plugin-python-stewardship-common/browser';

/**
 * What the guidelines page shows by default: the handbook embedded from
 * docs/guidelines and the rule pack. Kept in one place so components take
 * plain props and tests can pass fixtures.
 */
export const guidelinesData = {
  content: handbookContent,
  rules: ruleCatalog,
  families: checkFamilies,
  repositoryTypes,
};
