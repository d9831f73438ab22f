import { lowestAllowedMinor, parseMinor } from './pythonVersion';

describe('python versions', () => {
  it.each([
    ['>=3.12,<3.13', '3.12'],
    ['>=3.12.0,<3.13.0', '3.12'],
    ['^3.12', '3.12'],
    ['~3.11.0', '3.11'],
    ['~=3.12', '3.12'],
    ['==3.12.*', '3.12'],
    ['3.12.*', '3.12'],
    ['>=3.8, !=3.9.0', '3.8'],
    ['>=3.10 || >=3.9', '3.9'],
    ['>3', '3.0'],
  ])('the lowest minor allowed by %s is %s', (constraint, expected) => {
    const version = lowestAllowedMinor(constraint);
    expect(version && `${version.major}.${version.minor}`).toBe(expected);
  });

  it('has no lower bound for an upper bound only', () => {
    expect(lowestAllowedMinor('<3.13')).toBeUndefined();
  });

  it('parses ruff targets and images', () => {
    expect(parseMinor('py312')).toEqual({ major: 3, minor: 12 });
    expect(parseMinor('3.12.8-slim')).toEqual({ major: 3, minor: 12 });
    expect(parseMinor('latest')).toBeUndefined();
  });
});
