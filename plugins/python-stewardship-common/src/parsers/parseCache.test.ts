import {
  clearParseCaches,
  createParseCache,
  deepFreeze,
  setParseCachesEnabled,
} from './parseCache';

describe('createParseCache', () => {
  it('finds entries by content, not by string identity', () => {
    const cache = createParseCache<number>();
    cache.set(['a', 'b'].join(''), 1);
    expect(cache.get(`a${'b'}`)).toBe(1);
    expect(cache.get('abc')).toBeUndefined();
  });

  it('evicts the least recently used entry past the entry or size limit', () => {
    const cache = createParseCache<string>({
      maxEntries: 2,
      maxCharacters: 40,
    });
    cache.set('one', 'first');
    cache.set('two', 'second');
    expect(cache.get('one')).toBe('first'); // now the most recently used
    cache.set('three', 'third');
    expect(cache.get('two')).toBeUndefined();
    expect(cache.get('one')).toBe('first');
    // A text of more than a quarter of the budget is never kept.
    cache.set('x'.repeat(11), 'large');
    expect(cache.get('x'.repeat(11))).toBeUndefined();
    cache.set('y'.repeat(10), 'y');
    cache.set('z'.repeat(10), 'z');
    expect(cache.size.entries).toBe(2);
    expect(cache.size.characters).toBe(20);
  });

  it('counts what an entry holds when told, not only its key text', () => {
    const cache = createParseCache<string>({ maxCharacters: 100 });
    cache.set('a', 'holds other texts', 25);
    cache.set('b', 'holds other texts', 25);
    expect(cache.size).toEqual({ entries: 2, characters: 50 });
    cache.set('c', 'holds other texts', 25);
    cache.set('d', 'holds other texts', 25);
    cache.set('e', 'holds other texts', 25);
    expect(cache.size).toEqual({ entries: 4, characters: 100 });
    expect(cache.get('a')).toBeUndefined();
  });

  it('can be cleared and turned off everywhere', () => {
    const cache = createParseCache<number>();
    cache.set('a', 1);
    clearParseCaches();
    expect(cache.get('a')).toBeUndefined();
    setParseCachesEnabled(false);
    try {
      cache.set('a', 1);
      expect(cache.get('a')).toBeUndefined();
    } finally {
      setParseCachesEnabled(true);
    }
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
  });
});

describe('deepFreeze', () => {
  it('freezes nested values, shared ones once', () => {
    const shared = { list: [1, 2] };
    const value = deepFreeze({ a: shared, b: shared, c: 'text' });
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a.list)).toBe(true);
    expect(() => {
      'use strict';
      (value.a.list as number[]).push(3);
    }).toThrow(TypeError);
  });
});
