import { parseDockerfile } from './dockerfile';

describe('parseDockerfile', () => {
  it('splits stages and joins continuation lines, keeping line numbers', () => {
    const { stages } = parseDockerfile(
      '# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM python:3.12 AS build\nENV A=1 \\\n    # a comment inside\n    B=2\nRUN poetry install \\\n  --only main\n\nfrom python:3.12-slim as final\nuser 1000:1000\n',
    );
    expect(stages.map(s => [s.image, s.name, s.line])).toEqual([
      ['python:3.12', 'build', 2],
      ['python:3.12-slim', 'final', 9],
    ]);
    expect(stages[0].instructions).toEqual([
      { keyword: 'ENV', args: 'A=1 B=2', line: 3 },
      { keyword: 'RUN', args: 'poetry install --only main', line: 6 },
    ]);
    expect(stages[1].instructions).toEqual([
      { keyword: 'USER', args: '1000:1000', line: 10 },
    ]);
  });

  it('returns no stages for text that is not a Dockerfile', () => {
    expect(parseDockerfile('hello world\n\\').stages).toEqual([]);
  });
});
