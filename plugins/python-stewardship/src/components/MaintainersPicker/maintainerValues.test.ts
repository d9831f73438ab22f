import { cleanMaintainerRefs, maintainerProblems } from './maintainerValues';

describe('cleanMaintainerRefs', () => {
  it('drops the empty entries the form pre-fills for minItems', () => {
    expect(cleanMaintainerRefs([undefined])).toEqual([]);
    expect(cleanMaintainerRefs(['user:default/a', '', null, 3])).toEqual([
      'user:default/a',
    ]);
    expect(cleanMaintainerRefs(undefined)).toEqual([]);
  });
});

describe('maintainerProblems', () => {
  it('asks for at least one maintainer, in words', () => {
    expect(maintainerProblems([undefined])).toEqual([
      'Pick at least one maintainer: the people who review and merge changes.',
    ]);
  });

  it('accepts user refs', () => {
    expect(
      maintainerProblems(['user:default/alex.maintainer', 'bea.reviewer']),
    ).toEqual([]);
  });

  it('names groups, malformed refs and duplicates', () => {
    expect(
      maintainerProblems([
        'group:default/ai-gateway',
        'user:default/alex',
        'user:alex',
        'user:default/',
      ]),
    ).toEqual([
      'group:default/ai-gateway is a group, not a person (a User).',
      'user:alex is listed twice.',
      'user:default/ is not a user reference like user:default/name.',
    ]);
  });
});
