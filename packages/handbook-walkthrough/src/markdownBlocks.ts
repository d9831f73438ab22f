/** A fenced code block and where it sits in the markdown. */
export interface FencedBlock {
  /** The info string's first word, e.g. `python` or `shell`; '' when absent. */
  language: string;
  content: string;
  /** The last non-blank line before the opening fence. */
  lineBefore: string;
  /** Titles of the headings the block sits under, outermost first. */
  headings: string[];
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Every fenced code block of a CommonMark document, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  // Without the final newline, an unclosed fence gets no extra empty line.
  const lines = markdown.replace(/\r?\n$/, '').split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  const headings: string[] = [];
  let lineBefore = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = HEADING.exec(line);
    if (heading) {
      headings.length = heading[1].length - 1;
      headings[heading[1].length - 1] = heading[2];
      lineBefore = line;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== '') lineBefore = line;
      continue;
    }
    const [, indent, marker, language] = fence;
    const body: string[] = [];
    let j = i + 1;
    // A closing fence uses the same character, at least as many times.
    const closing = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`);
    while (j < lines.length && !closing.test(lines[j])) {
      // Content lines lose up to the opening fence's indentation.
      body.push(lines[j].replace(new RegExp(`^ {0,${indent.length}}`), ''));
      j++;
    }
    blocks.push({
      language,
      content: body.length > 0 ? `${body.join('\n')}\n` : '',
      lineBefore,
      headings: headings.filter(Boolean),
    });
    lineBefore = '';
    i = j;
  }
  return blocks;
}
