import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  conformanceRefreshPermission,
  discoveryStatusReadPermission,
  exemptionDecidePermission,
  IS_PYTHON_MAINTAINER_RULE,
} from '@internal/plugin-python-stewardship-common';
import { PolicyConfig } from './policyConfig';
import { templateActionsCondition } from './templateActions';

const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const DENY = { result: AuthorizeResult.DENY } as const;

/**
 * The portal's permission policy.
 *
 * - Admins (`pythonStewardship.permissions.admins`) may do everything.
 * - Read-only identities (the guest sign-in) may only read.
 * - Everyone else may read, run the published templates and see and cancel
 *   their own tasks; not use the template editor or dry runs (both run
 *   arbitrary template steps), not run actions the templates do not use,
 *   and not unregister entities or locations. They may rescan a Python
 *   codebase and decide on its exemptions only when they (or one of their
 *   groups) own or maintain it; anyone may ask for an exemption. The
 *   discovery status is for admins.
 *
 * GitLab itself then decides what a task may do there, because the
 * templates' GitLab steps must carry the person's own token.
 */
export class StewardshipPermissionPolicy implements PermissionPolicy {
  constructor(private readonly config: PolicyConfig) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // Service-to-service calls never reach the policy; no user means no one.
    if (!user) return DENY;
    const { permission } = request;
    const refs = user.info.ownershipEntityRefs.map(r => r.toLowerCase());
    if (this.config.admins.some(admin => refs.includes(admin.toLowerCase()))) {
      return ALLOW;
    }

    if (
      isPermission(permission, templateDryRunPermission) ||
      isPermission(permission, templateManagementPermission) ||
      isPermission(permission, discoveryStatusReadPermission)
    ) {
      return DENY;
    }

    const readOnly = this.config.readOnlyUsers.some(
      ref => ref.toLowerCase() === user.info.userEntityRef.toLowerCase(),
    );
    if (readOnly && permission.attributes.action !== 'read') return DENY;

    if (isPermission(permission, actionExecutePermission)) {
      return createScaffolderActionConditionalDecision(
        permission,
        templateActionsCondition(),
      );
    }
    if (
      isPermission(permission, taskReadPermission) ||
      isPermission(permission, taskCancelPermission)
    ) {
      return createScaffolderTaskConditionalDecision(
        permission,
        scaffolderTaskConditions.isTaskOwner({
          createdBy: [user.info.userEntityRef],
        }),
      );
    }
    if (
      isPermission(permission, conformanceRefreshPermission) ||
      isPermission(permission, exemptionDecidePermission)
    ) {
      const claims = user.info.ownershipEntityRefs;
      return createCatalogConditionalDecision(permission, {
        anyOf: [
          catalogConditions.isEntityOwner({ claims }),
          {
            rule: IS_PYTHON_MAINTAINER_RULE,
            resourceType: 'catalog-entity',
            params: { claims },
          },
        ],
      });
    }
    if (
      isPermission(permission, catalogEntityDeletePermission) ||
      isPermission(permission, catalogLocationDeletePermission)
    ) {
      return DENY;
    }
    return ALLOW;
  }
}
