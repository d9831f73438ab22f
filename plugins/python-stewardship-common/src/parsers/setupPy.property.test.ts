import fc from 'fast-check';
import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { evaluateRepository } from '../engine/evaluateRepository';
import { readSetupPy } from './setupPy';

/** Python-looking fragments, so the generated files reach setup() often. */
const fragment = fc.constantFrom(
  'from setuptools import setup\n',
  'import setuptools as st\n',
  'setup(',
  'st.setup(',
  ')',
  'name="x", ',
  'install_requires=[',
  'extras_require={"dev": [',
  'entry_points={"console_scripts": ["a = b:c"]}, ',
  'entry_points="[console_scripts]\\na = b:c", ',
  'scripts=["bin/x"], ',
  ']',
  '}',
  '"pytest", ',
  'REQS',
  'REQS = ["flask"]\n',
  'REQS.append("x")\n',
  '**kw',
  'open("r").read()',
  'python_requires=">=3.9", ',
  '5, ',
  'None, ',
  'dict(a=[1]), ',
  'f"{x}"',
  '\n    ',
  '#',
  '"""',
  "'",
  '\\',
);

describe('readSetupPy on arbitrary text', () => {
  it('never throws, and the engine turns whatever it reads into results', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fragment, { maxLength: 40 }).map(parts => parts.join('')),
          fc.string({ maxLength: 200 }),
        ),
        text => {
          const reading = readSetupPy(text);
          for (const argument of Object.values(reading.call?.keywords ?? {})) {
            expect(argument.line).toBeGreaterThanOrEqual(1);
          }
          const report = evaluateRepository(
            createMemorySnapshot({ 'setup.py': text }),
          );
          expect(
            report.results.filter(r =>
              r.message.includes('failed unexpectedly'),
            ),
          ).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });
});
