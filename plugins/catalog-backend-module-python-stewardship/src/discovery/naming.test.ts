import { codeownerRef, groupEntityName, projectEntityName } from './naming';

describe('entity names from GitLab paths', () => {
  it('names groups like the gitlab-org provider does', () => {
    expect(
      groupEntityName('gitlab-org/maintainers/ai-gateway', 'gitlab-org'),
    ).toBe('maintainers-ai-gateway');
    expect(groupEntityName('gitlab-org', 'gitlab-org')).toBe('gitlab-org');
    expect(groupEntityName('other/team', 'gitlab-org')).toBe('other-team');
  });

  it('names projects from their full path, so equal last segments never collide', () => {
    expect(projectEntityName('a/api')).toBe('a-api');
    expect(projectEntityName('b/api')).toBe('b-api');
    expect(
      projectEntityName(
        'gitlab-org/duo-workflow/duo-workflow-service',
        'gitlab-org',
      ),
    ).toBe('duo-workflow-duo-workflow-service');
  });

  it('keeps long names readable and unique within 63 characters', () => {
    const path =
      'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library';
    const name = projectEntityName(path, 'gitlab-org');
    expect(name).toMatch(/^ai-evaluation-prompt-library-[0-9a-f]{6}$/);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(projectEntityName(`${path}-2`, 'gitlab-org')).not.toBe(name);
  });

  it('maps CODEOWNERS owners to refs', () => {
    expect(codeownerRef('@gitlab-org/python-examples', 'gitlab-org')).toBe(
      'group:python-examples',
    );
    expect(codeownerRef('@Alex.Maintainer')).toBe('user:alex.maintainer');
    expect(codeownerRef('dev@example.com')).toBeUndefined();
  });
});
