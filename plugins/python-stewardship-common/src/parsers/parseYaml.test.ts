import { parse } from 'yaml';
import { parseYaml } from './parseYaml';

describe('parseYaml', () => {
  it('reads a pre-commit configuration as the yaml package does', () => {
    const text = [
      'default_language_version:',
      '  python: python3.12',
      'repos:',
      '  - repo: https://github.com/astral-sh/ruff-pre-commit',
      "    rev: 'v0.6.9'",
      '    hooks:',
      '      - id: ruff',
      '        args: [--fix]',
      '      - id: ruff-format',
      '  - repo: local',
      '    hooks:',
      '      - id: mypy',
      '        entry: poetry run mypy',
      '        language: system',
      '        types: [python]',
      '        pass_filenames: false',
      '        exclude: ^tests/',
      '        stages: [pre-push]',
      '        verbose: yes',
      '        priority: 1.5',
      '        skip: ~',
    ].join('\n');
    expect(parseYaml(text)).toEqual(parse(text));
  });

  it('returns frozen values, the same one for the same text', () => {
    const value = parseYaml('repos: [{ hooks: [{ id: ruff }] }]\n');
    expect(Object.isFrozen(value)).toBe(true);
    expect(parseYaml(`repos: [{ hooks: [{ id: ruff }] }]${'\n'}`)).toBe(value);
  });

  it('throws where the yaml package throws, saying where', () => {
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow(
      /duplicated mapping key at line 2, column 1/,
    );
    expect(() => parseYaml('a: [1, 2\n')).toThrow(/at line 2/);
    expect(() => parseYaml('a: 1\n---\nb: 2\n')).toThrow(Error);
  });

  it('reads an unknown local tag as the value under it', () => {
    expect(parseYaml('a: !custom value\n')).toEqual({ a: 'value' });
  });

  it('refuses an alias bomb instead of handing it on', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const name = String.fromCharCode(98 + i);
      const previous = String.fromCharCode(97 + i);
      bomb.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`,
      );
    }
    expect(() => parseYaml(bomb.join('\n'))).toThrow(/resource exhaustion/);
  });
});
