import fs from 'fs';
import path from 'path';
import { handbookContent } from './handbookContent.generated';

// The generated module is committed so the browser bundle needs no file
// access; this test is what catches a markdown edit without a regenerate.
const docsDir = path.resolve(__dirname, '../../../../docs/guidelines');

function markdownOnDisk(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(docsDir)
      .filter(file => file.endsWith('.md'))
      .map(file => [
        file.slice(0, -'.md'.length),
        fs.readFileSync(path.join(docsDir, file), 'utf8'),
      ]),
  );
}

// The test names carry the fix, so a red CI run says what to do.
describe('handbookContent.generated (if stale, run `node plugins/python-stewardship-common/scripts/generate-handbook.js`)', () => {
  const onDisk = markdownOnDisk();

  it('has exactly one entry per docs/guidelines page', () => {
    expect(Object.keys(handbookContent).sort()).toEqual(
      Object.keys(onDisk).sort(),
    );
  });

  it.each(Object.keys(onDisk))('embeds the current text of %s.md', id => {
    expect(handbookContent[id]).toBe(onDisk[id]);
  });
});
