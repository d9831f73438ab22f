import { createSlugger } from './slugify';

/**
 * One ATX heading (`## Title`) of a markdown page.
 *
 * @public
 */
export interface MarkdownHeading {
  /** 1 for `#`, 2 for `##`, ... */
  level: number;
  /** The heading as a reader sees it: inline markdown removed. */
  text: string;
  /** GitHub-style anchor, unique within the page. */
  slug: string;
  /** 0-based line index in the markdown. */
  line: number;
}

// Fences inside list items are indented, so any indentation opens or closes one.
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * The text GitHub renders for a heading's inline markdown. Emphasis and
 * strikethrough markers count only when they hug their text (`*a*`, not
 * `a * b * c`), and a lone backtick is kept, as in GitHub's rendering.
 */
function headingText(raw: string): string {
  return raw
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links → link text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .replace(/(`+)(.+?)\1/g, '$2') // code spans → their content
    .replace(/(\*\*|__|~~)(?=\S)(.*?\S)\1/g, '$2') // strong, strikethrough
    .replace(/(\*|_)(?=\S)(.*?\S)\1/g, '$2') // emphasis
    .trim();
}

/**
 * Lines of a markdown document with fenced code blocks marked, so callers can
 * skip `# comment` lines inside code.
 *
 * @public
 */
export function markdownLines(
  markdown: string,
): Array<{ text: string; inCode: boolean }> {
  const result: Array<{ text: string; inCode: boolean }> = [];
  let fence: { char: string; length: number } | undefined;
  for (const text of markdown.split(/\r?\n/)) {
    const match = FENCE.exec(text.trim());
    if (fence) {
      result.push({ text, inCode: true });
      const closes =
        match !== null &&
        match[1][0] === fence.char &&
        match[1].length >= fence.length &&
        match[2].trim() === '';
      if (closes) fence = undefined;
      continue;
    }
    if (match) {
      fence = { char: match[1][0], length: match[1].length };
      result.push({ text, inCode: true });
      continue;
    }
    result.push({ text, inCode: false });
  }
  return result;
}

/**
 * Every heading of a markdown page outside code blocks, with GitHub-style
 * slugs (duplicates get `-1`, `-2`, ...).
 *
 * @public
 */
export function extractHeadings(markdown: string): MarkdownHeading[] {
  const slugger = createSlugger();
  const headings: MarkdownHeading[] = [];
  markdownLines(markdown).forEach(({ text, inCode }, line) => {
    if (inCode) return;
    const match = ATX_HEADING.exec(text);
    if (!match) return;
    const plain = headingText(match[2]);
    headings.push({
      level: match[1].length,
      text: plain,
      slug: slugger.slug(plain),
      line,
    });
  });
  return headings;
}
