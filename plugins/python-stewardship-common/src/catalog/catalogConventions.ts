/**
 * How the portal records Python stewardship facts on catalog entities.
 *
 * Maintainers are first-class: a Component lists them in the
 * {@link ANNOTATION_MAINTAINERS} annotation (entity refs, comma separated),
 * and the catalog module turns that into a pair of relations so the catalog
 * graph and user pages show them. GitLab discovery fills the same annotation.
 */

/** Comma-separated entity refs of the codebase's maintainers, e.g. `user:alex.maintainer, group:python-maintainers`. */
export const ANNOTATION_MAINTAINERS = 'python-stewardship.io/maintainers';

/** Overrides the classifier: `service`, `utility` or `library`. */
export const ANNOTATION_REPOSITORY_TYPE =
  'python-stewardship.io/repository-type';

/** Path of the GitLab project (same key the community GitLab plugins read). */
export const ANNOTATION_GITLAB_PROJECT_SLUG = 'gitlab.com/project-slug';

/** Component → maintainer (User or Group). */
export const RELATION_MAINTAINED_BY = 'maintainedBy';

/** Maintainer (User or Group) → Component; the inverse of {@link RELATION_MAINTAINED_BY}. */
export const RELATION_MAINTAINER_OF = 'maintainerOf';

/** Tag every Python codebase carries in the catalog. */
export const PYTHON_TAG = 'python';
