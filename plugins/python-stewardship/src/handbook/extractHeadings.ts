import { createSlugger } from './slugify';

/** A heading of a handbook page, as the table of contents lists it. */
export interface HandbookHeading {
  /** 1 for `#`, 2 for `##`, … */
  depth: number;
  /** Plain text, inline markup removed. */
  text: string;
  /** GitHub-style slug; the rendered heading carries the same `id`. */
  id: string;
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
// Any indentation: fences inside list items are indented past 3 spaces.
const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;

// Reduces inline markdown to the text GitHub slugs: link and image text,
// code spans without backticks, no emphasis markers or HTML tags.
function plainText(inline: string): string {
  return inline
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([^]*?\S)\1/g, '$2')
    .trim();
}

/**
 * Lists the ATX headings (`## Title`) of a markdown page in order, skipping
 * fenced code blocks, where `#` starts a shell or Python comment.
 */
export function extractHeadings(markdown: string): HandbookHeading[] {
  const slug = createSlugger();
  const headings: HandbookHeading[] = [];
  let openFence: string | undefined;

  for (const line of markdown.split(/\r?\n/)) {
    const fence = FENCE.exec(line);
    if (openFence) {
      // A closing fence repeats the opening character, at least as many
      // times, and carries no info string.
      if (
        fence &&
        fence[1][0] === openFence[0] &&
        fence[1].length >= openFence.length &&
        fence[2].trim() === ''
      ) {
        openFence = undefined;
      }
      continue;
    }
    if (fence) {
      openFence = fence[1];
      continue;
    }
    const match = ATX_HEADING.exec(line);
    if (match) {
      const text = plainText(match[2]);
      headings.push({ depth: match[1].length, text, id: slug(text) });
    }
  }
  return headings;
}
