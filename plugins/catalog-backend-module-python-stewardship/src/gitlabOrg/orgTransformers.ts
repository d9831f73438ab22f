import { GroupEntity, UserEntity } from '@backstage/catalog-model';
import type {
  GroupTransformer,
  UserTransformer,
} from '@backstage/plugin-catalog-backend-module-gitlab';

/**
 * The gitlab-org provider prefixes its annotations with the integration's
 * host (`<host>/user-login`, `<host>/team-path`). A host with a port, such
 * as the demo GitLab's `localhost:7080`, makes them invalid annotation keys
 * and the catalog rejects every User and Group. These transformers do what
 * the provider's defaults do, with the port left out of the prefix.
 */
export function annotationPrefix(host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase();
}

export const userTransformer: UserTransformer = ({
  user,
  integrationConfig,
  providerConfig,
  groupNameTransformer,
}) => {
  const prefix = annotationPrefix(integrationConfig.host);
  const annotations: Record<string, string> = {
    [`${prefix}/user-login`]: user.web_url,
    [`${prefix}/user-id`]: String(user.id),
  };
  if (user.group_saml_identity?.extern_uid) {
    annotations[`${prefix}/saml-external-uid`] =
      user.group_saml_identity.extern_uid;
  }
  const entity: UserEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: user.username, annotations },
    spec: {
      profile: {
        displayName: user.name || undefined,
        picture: user.avatar_url || undefined,
        ...(user.email ? { email: user.email } : {}),
      },
      memberOf: (user.groups ?? []).map(group =>
        groupNameTransformer({ group, providerConfig }),
      ),
    },
  };
  return entity;
};

export const groupTransformer: GroupTransformer = ({
  groups,
  providerConfig,
  groupNameTransformer,
}) => {
  const prefix = annotationPrefix(providerConfig.host);
  const byId = new Map(groups.map(group => [group.id, group]));
  return groups.map(group => {
    const parent = group.parent_id ? byId.get(group.parent_id) : undefined;
    const entity: GroupEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: groupNameTransformer({ group, providerConfig }),
        annotations: {
          [`${prefix}/team-path`]: group.full_path,
          ...(group.visibility
            ? { [`${prefix}/visibility`]: group.visibility }
            : {}),
        },
        ...(group.description ? { description: group.description } : {}),
      },
      spec: {
        type: 'team',
        children: [],
        profile: { displayName: group.name },
        ...(parent
          ? { parent: groupNameTransformer({ group: parent, providerConfig }) }
          : {}),
      },
    };
    return entity;
  });
};
