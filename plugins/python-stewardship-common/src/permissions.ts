import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Scan one codebase now. A resource permission on its catalog entity, so
 * the policy can allow it to the entity's owners and maintainers only.
 *
 * @public
 */
export const conformanceRefreshPermission = createPermission({
  name: 'python-stewardship.codebase.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approve, reject or revoke an exemption for a codebase; owners,
 * maintainers and admins.
 *
 * @public
 */
export const exemptionDecidePermission = createPermission({
  name: 'python-stewardship.exemption.decide',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Ask for an exemption; any signed-in person who may change things (not a
 * read-only identity such as the guest).
 *
 * @public
 */
export const exemptionRequestPermission = createPermission({
  name: 'python-stewardship.exemption.request',
  attributes: { action: 'create' },
});

/**
 * Read how GitLab discovery's runs went (when, how long, projects seen,
 * changed, failed, requests): portal admins only.
 *
 * @public
 */
export const discoveryStatusReadPermission = createPermission({
  name: 'python-stewardship.discovery.status.read',
  attributes: { action: 'read' },
});

/** @public */
export const pythonStewardshipPermissions = [
  discoveryStatusReadPermission,
  conformanceRefreshPermission,
  exemptionDecidePermission,
  exemptionRequestPermission,
];

/**
 * Name of the catalog permission rule (added by the catalog module) that
 * matches entities whose maintainers include one of the given refs; the
 * policy uses it with `isEntityOwner` for the permissions above.
 *
 * @public
 */
export const IS_PYTHON_MAINTAINER_RULE = 'IS_PYTHON_MAINTAINER';
