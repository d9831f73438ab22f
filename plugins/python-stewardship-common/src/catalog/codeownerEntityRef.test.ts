import { codeownerEntityRef } from './codeownerEntityRef';

describe('codeownerEntityRef', () => {
  it('maps nested groups to their last segment and users to user refs', () => {
    expect(codeownerEntityRef('@gitlab-org/maintainers/ai-gateway')).toBe(
      'group:ai-gateway',
    );
    expect(codeownerEntityRef('@Alex.Maintainer')).toBe('user:alex.maintainer');
  });

  it('has no ref for emails and bare @', () => {
    expect(codeownerEntityRef('dev@example.com')).toBeUndefined();
    expect(codeownerEntityRef('@')).toBeUndefined();
    expect(codeownerEntityRef('@/')).toBeUndefined();
  });
});
