import { parseMaintainerRefs } from './parseMaintainerRefs';

describe('parseMaintainerRefs', () => {
  it('accepts commas and newlines, defaults to users, and removes duplicates', () => {
    const { refs, problems } = parseMaintainerRefs(
      'alex\n user:alex , group:team-a/pool,, user:ops/bea',
      'team-a',
    );
    expect(problems).toEqual([]);
    expect(refs).toEqual([
      { kind: 'user', namespace: 'team-a', name: 'alex' },
      { kind: 'group', namespace: 'team-a', name: 'pool' },
      { kind: 'user', namespace: 'ops', name: 'bea' },
    ]);
  });

  it('returns nothing and no problem for an empty value', () => {
    expect(parseMaintainerRefs('  ', 'default')).toEqual({
      refs: [],
      problems: [],
    });
  });
});
