import { parseRequirements, requirementNames } from './requirements';

describe('parseRequirements', () => {
  it('reads names, includes and editable eggs the way pip does', () => {
    const file = parseRequirements(
      [
        '# runtime',
        '-r base.txt',
        '--constraint=constraints.txt',
        '-rother.txt',
        '--index-url https://pypi.example/simple',
        'Requests[socks]>=2.25,<3  # HTTP',
        'Django==4.2 ; python_version >= "3.8"',
        'numpy==1.26.4 \\',
        '    --hash=sha256:abcd',
        '-e git+https://example.com/x.git#egg=Thing_One',
        '-e ./local/pkg',
        './wheels/foo-1.0-py3-none-any.whl',
        'https://example.com/bar.zip#egg=bar',
        'baz @ https://example.com/baz.whl',
        'zope.interface',
        '',
      ].join('\n'),
    );
    expect(file.includes).toEqual(['base.txt', 'constraints.txt', 'other.txt']);
    expect(file.requirements).toEqual([
      { name: 'requests', line: 6 },
      { name: 'django', line: 7 },
      { name: 'numpy', line: 8 },
      { name: 'thing-one', line: 10 },
      { name: 'bar', line: 13 },
      { name: 'baz', line: 14 },
      { name: 'zope-interface', line: 15 },
    ]);
  });

  it('reads tox deps lines', () => {
    expect(
      requirementNames(['-rrequirements.txt', 'pytest>=8', 'pytest-cov # cov']),
    ).toEqual(['pytest', 'pytest-cov']);
  });
});
