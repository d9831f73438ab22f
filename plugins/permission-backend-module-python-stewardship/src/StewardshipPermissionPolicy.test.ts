import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  conformanceRefreshPermission,
  discoveryStatusReadPermission,
  exemptionDecidePermission,
  exemptionRequestPermission,
} from '@internal/plugin-python-stewardship-common';
import { readPolicyConfig } from './policyConfig';
import { StewardshipPermissionPolicy } from './StewardshipPermissionPolicy';
import { ConfigReader } from '@backstage/config';

const policy = new StewardshipPermissionPolicy(
  readPolicyConfig(
    new ConfigReader({
      pythonStewardship: {
        permissions: {
          admins: ['user:default/dana.owner', 'group:default/platform'],
        },
      },
    }),
  ),
);

function user(ref: string, groups: string[] = []): PolicyQueryUser {
  return {
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  } as unknown as PolicyQueryUser;
}

const eli = user('user:default/eli.newcomer');
const dana = user('user:default/dana.owner');
const platformMember = user('user:default/chen.developer', [
  'group:default/platform',
]);
const guest = user('user:development/guest');

const decide = (permission: Permission, who?: PolicyQueryUser) =>
  policy.handle({ permission }, who);

/**
 * Applies a conditional decision to a resource with the semantics of the
 * scaffolder's rules (HAS_ACTION_ID, HAS_STRING_PROPERTY, IS_TASK_OWNER);
 * the backend integration test runs the real rules.
 */
function evaluate(
  criteria: PermissionCriteria<PermissionCondition>,
  resource: Record<string, any>,
): boolean {
  if ('allOf' in criteria)
    return criteria.allOf.every(c => evaluate(c, resource));
  if ('anyOf' in criteria)
    return criteria.anyOf.some(c => evaluate(c, resource));
  if ('not' in criteria) return !evaluate(criteria.not, resource);
  const params = criteria.params as Record<string, any>;
  switch (criteria.rule) {
    case 'HAS_ACTION_ID':
      return resource.action === params.actionId;
    case 'HAS_STRING_PROPERTY': {
      const value = resource.input?.[params.key];
      return (
        typeof value === 'string' &&
        (params.value === undefined || params.value === value)
      );
    }
    case 'IS_TASK_OWNER':
      return params.createdBy.includes(resource.createdBy);
    case 'IS_ENTITY_OWNER':
      return params.claims.includes(resource.owner);
    case 'IS_PYTHON_MAINTAINER':
      return params.claims.some((c: string) =>
        resource.maintainers.includes(c),
      );
    default:
      throw new Error(`unexpected rule ${criteria.rule}`);
  }
}

async function mayRun(
  action: string,
  input: Record<string, unknown>,
  who = eli,
) {
  const decision = await decide(actionExecutePermission, who);
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    return decision.result === AuthorizeResult.ALLOW;
  }
  return evaluate((decision as ConditionalPolicyDecision).conditions, {
    action,
    input,
  });
}

describe('StewardshipPermissionPolicy', () => {
  it('lets admins, by user or by group, do everything', async () => {
    for (const admin of [dana, platformMember]) {
      for (const permission of [
        templateDryRunPermission,
        templateManagementPermission,
        actionExecutePermission,
        catalogEntityDeletePermission,
        taskReadPermission,
      ]) {
        expect(await decide(permission, admin)).toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    }
    expect(await mayRun('fetch:plain', { url: 'http://x/private' }, dana)).toBe(
      true,
    );
  });

  it('refuses the template editor and dry runs to everyone else', async () => {
    expect(await decide(templateDryRunPermission, eli)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await decide(templateManagementPermission, eli)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets a signed-in person read and run the published templates', async () => {
    for (const permission of [
      catalogEntityReadPermission,
      templateParameterReadPermission,
      templateStepReadPermission,
      taskCreatePermission,
      catalogLocationCreatePermission,
    ]) {
      expect((await decide(permission, eli)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it("runs only the templates' actions, GitLab writes only with a personal token, fetches only the skeleton folders", async () => {
    expect(await mayRun('python-stewardship:values:derive', {})).toBe(true);
    expect(await mayRun('catalog:register', { repoContentsUrl: 'x' })).toBe(
      true,
    );
    for (const url of [
      './skeletons/shared',
      './skeletons/application',
      './skeletons/pypi',
      './skeletons/service',
      './skeletons/utility',
      './skeletons/library',
    ]) {
      expect(await mayRun('fetch:template', { url })).toBe(true);
    }
    for (const url of [
      './skeleton',
      './skeletons',
      './skeletons/shared/..',
      './skeletons/../../catalog',
      '../skeletons/shared',
      './skeletons/other',
      'file:///etc',
    ]) {
      expect({ url, allowed: await mayRun('fetch:template', { url }) }).toEqual(
        { url, allowed: false },
      );
    }
    expect(await mayRun('fetch:template', {})).toBe(false);
    expect(
      await mayRun('fetch:template', {
        url: 'http://localhost:7080/gitlab-org/private/-/tree/main',
      }),
    ).toBe(false);
    expect(await mayRun('fetch:plain', { url: './skeletons/shared' })).toBe(
      false,
    );
    expect(await mayRun('debug:log', { message: 'hi' })).toBe(false);

    expect(await mayRun('publish:gitlab', { token: 'glpat-personal' })).toBe(
      true,
    );
    expect(await mayRun('publish:gitlab', {})).toBe(false);
    expect(await mayRun('publish:gitlab', { token: '' })).toBe(false);
    expect(
      await mayRun('python-stewardship:gitlab:review-settings', { token: 'x' }),
    ).toBe(true);
    expect(await mayRun('python-stewardship:gitlab:preflight', {})).toBe(false);
  });

  it("shows and cancels only a person's own tasks", async () => {
    for (const permission of [taskReadPermission, taskCancelPermission]) {
      const decision = (await decide(
        permission,
        eli,
      )) as ConditionalPolicyDecision;
      expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
      expect(
        evaluate(decision.conditions, {
          createdBy: 'user:default/eli.newcomer',
        }),
      ).toBe(true);
      expect(
        evaluate(decision.conditions, { createdBy: 'user:default/dana.owner' }),
      ).toBe(false);
    }
  });

  it('lets owners and maintainers (by person or group) rescan a codebase and decide on its exemptions, others only ask', async () => {
    const codebase = {
      owner: 'group:default/platform',
      maintainers: ['user:default/eli.newcomer'],
    };
    const bea = user('user:default/bea.reviewer', ['group:default/reviewers']);
    for (const permission of [
      conformanceRefreshPermission,
      exemptionDecidePermission,
    ]) {
      const verdict = async (who: PolicyQueryUser) => {
        const decision = await decide(permission, who);
        return decision.result === AuthorizeResult.CONDITIONAL
          ? evaluate(
              (decision as ConditionalPolicyDecision).conditions,
              codebase,
            )
          : decision.result === AuthorizeResult.ALLOW;
      };
      expect({
        maintainer: await verdict(eli),
        ownerGroupMember: await verdict(platformMember),
        admin: await verdict(dana),
        other: await verdict(bea),
        guest: await verdict(guest),
      }).toEqual({
        maintainer: true,
        ownerGroupMember: true,
        admin: true,
        other: false,
        guest: false,
      });
    }
    expect((await decide(exemptionRequestPermission, bea)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await decide(exemptionRequestPermission, guest)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('shows the discovery status to admins only', async () => {
    for (const admin of [dana, platformMember]) {
      expect((await decide(discoveryStatusReadPermission, admin)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
    for (const who of [eli, guest]) {
      expect((await decide(discoveryStatusReadPermission, who)).result).toBe(
        AuthorizeResult.DENY,
      );
    }
  });

  it('keeps unregistering entities and locations to admins', async () => {
    expect((await decide(catalogEntityDeletePermission, eli)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('lets the guest sign-in read but never create or run anything', async () => {
    const results: Record<string, PolicyDecision['result']> = {};
    for (const permission of [
      catalogEntityReadPermission,
      templateParameterReadPermission,
      taskCreatePermission,
      taskCancelPermission,
      actionExecutePermission,
      catalogLocationCreatePermission,
    ]) {
      results[permission.name] = (await decide(permission, guest)).result;
    }
    expect(results).toEqual({
      'catalog.entity.read': AuthorizeResult.ALLOW,
      'scaffolder.template.parameter.read': AuthorizeResult.ALLOW,
      'scaffolder.task.create': AuthorizeResult.DENY,
      'scaffolder.task.cancel': AuthorizeResult.DENY,
      'scaffolder.action.execute': AuthorizeResult.DENY,
      'catalog.location.create': AuthorizeResult.DENY,
    });
  });

  it('denies requests without a user', async () => {
    expect((await decide(catalogEntityReadPermission)).result).toBe(
      AuthorizeResult.DENY,
    );
  });
});

describe('readPolicyConfig', () => {
  it('normalizes refs and defaults the read-only users to the guest', () => {
    expect(
      readPolicyConfig(
        new ConfigReader({
          pythonStewardship: { permissions: { admins: ['User:default/Root'] } },
        }),
      ),
    ).toEqual({
      admins: ['user:default/root'],
      readOnlyUsers: ['user:development/guest'],
    });
  });

  it('names the bad entry', () => {
    expect(() =>
      readPolicyConfig(
        new ConfigReader({
          pythonStewardship: {
            permissions: { admins: ['root', 'component:default/x'] },
          },
        }),
      ),
    ).toThrow(
      /admins\.0: "root" is not an entity ref.*admins\.1: "component:default\/x" must be a user or group entity ref/,
    );
  });
});
