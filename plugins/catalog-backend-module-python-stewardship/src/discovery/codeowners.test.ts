import { parseCodeownersDefaultOwners } from './codeowners';

describe('parseCodeownersDefaultOwners', () => {
  it('maps the default owners to group and user refs', () => {
    expect(
      parseCodeownersDefaultOwners(
        [
          '# Default owners',
          '[Development]',
          '* @gitlab-org/maintainers/ai-gateway @Alex.Maintainer dev@example.com',
          '',
          '^[Infrastructure] @gitlab-org/production-engineering',
          '/Dockerfile @gitlab-org/scalability',
          '* @gitlab-org/maintainers/ai-gateway # again',
        ].join('\n'),
        'gitlab-org',
      ),
    ).toEqual(['group:maintainers-ai-gateway', 'user:alex.maintainer']);
  });

  it('returns nothing without a default rule', () => {
    expect(parseCodeownersDefaultOwners('/docs/ @gitlab-org/docs\n')).toEqual(
      [],
    );
  });
});
