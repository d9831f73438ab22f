import { FieldFormatEntityPolicy } from '@backstage/catalog-model';
import { groupTransformer, userTransformer } from './orgTransformers';

const providerConfig = { host: 'localhost:7080', group: 'gitlab-org' } as any;
const groupNameTransformer = ({ group }: any) =>
  group.full_path.replace('gitlab-org/', '').replaceAll('/', '-');

describe('gitlab-org transformers for a GitLab on a port', () => {
  it('emits valid annotation keys for a host with a port', async () => {
    const [team, parent] = groupTransformer({
      groups: [
        {
          id: 2,
          name: 'AI Framework',
          full_path: 'gitlab-org/ai-framework',
          parent_id: 1,
        },
        { id: 1, name: 'GitLab.org', full_path: 'gitlab-org' },
      ],
      providerConfig,
      groupNameTransformer,
    });
    expect(team.metadata).toMatchObject({
      name: 'ai-framework',
      annotations: { 'localhost/team-path': 'gitlab-org/ai-framework' },
    });
    expect(team.spec).toMatchObject({
      parent: 'gitlab-org',
      profile: { displayName: 'AI Framework' },
    });
    expect(parent.spec.parent).toBeUndefined();

    const user = userTransformer({
      user: {
        id: 3,
        username: 'alex.maintainer',
        name: 'Alex',
        state: 'active',
        web_url: 'http://localhost:7080/alex.maintainer',
        avatar_url: '',
        groups: [
          { id: 2, name: 'AI Framework', full_path: 'gitlab-org/ai-framework' },
        ],
      },
      integrationConfig: { host: 'localhost:7080' } as any,
      providerConfig,
      groupNameTransformer,
    });
    expect(user.metadata.annotations).toEqual({
      'localhost/user-login': 'http://localhost:7080/alex.maintainer',
      'localhost/user-id': '3',
    });
    expect(user.spec.memberOf).toEqual(['ai-framework']);
    // The catalog's own field format policy accepts them.
    const policy = new FieldFormatEntityPolicy();
    await expect(policy.enforce(user)).resolves.toBe(user);
    await expect(policy.enforce(team)).resolves.toBe(team);
  });
});
