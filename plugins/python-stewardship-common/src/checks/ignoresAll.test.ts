import ignore from 'ignore';
import fc from 'fast-check';
import { ignoredProbes } from './ignoresAll';

const PROBES = [
  '.venv/bin/python',
  'pkg/__pycache__/module.cpython-312.pyc',
  '.env',
];

describe('ignoredProbes', () => {
  it('finds ignored probes, including negations and globs', () => {
    expect(
      ignoredProbes(
        ['node_modules/\n.venv/\n*.py[cod]\n.env*\n!.env\n'],
        PROBES,
      ),
    ).toEqual(
      new Set(['.venv/bin/python', 'pkg/__pycache__/module.cpython-312.pyc']),
    );
  });

  it('gives the same answer as compiling the whole file', () => {
    const line = fc.constantFrom(
      '.venv',
      '.venv/',
      '/.venv',
      'venv',
      '__pycache__/',
      '*.pyc',
      '*.py[cod]',
      '.env',
      '!.env',
      '.env*',
      '!.env.example',
      'node_modules/',
      'dist',
      '*',
      '**/bin',
      'bin/',
      '!bin/',
      'pkg/',
      '!pkg/',
      '# comment',
      '',
      'coverage.xml',
      '/build',
      '.*',
      '!.venv/',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), lines => {
        const text = lines.join('\n');
        const full = ignore().add(text);
        expect(ignoredProbes([text], PROBES)).toEqual(
          new Set(PROBES.filter(probe => full.ignores(probe))),
        );
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
