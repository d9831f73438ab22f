/**
 * Keeps the rule pack and the Python guidelines handbook (docs/guidelines)
 * pointing at each other:
 *  - every check's `docs` link names an existing page and heading;
 *  - every `Checked by:` line names real checks;
 *  - every check is named in a `Checked by:` line inside the section its link
 *    points at;
 *  - every check's section opens with a `> **Source:**` line naming the
 *    check's declared source (the label the portal renders under the
 *    heading);
 *  - every relative link between handbook pages resolves.
 *
 * If this fails after renaming a heading, update the `docs.anchor` of the
 * checks that pointed at it (or keep the heading).
 */
import fs from 'fs';
import path from 'path';
import { parse as parseYaml } from 'yaml';
import {
  checks,
  checkSourceLabel,
  handbookPages,
  type CheckMetadata,
} from '../index';
import { handbookPageList } from './handbookPages';
import {
  extractHeadings,
  markdownLines,
  type MarkdownHeading,
} from './markdownHeadings';

const repoRoot = path.resolve(__dirname, '../../../..');
const docsDir = path.join(repoRoot, 'docs/guidelines');

type CheckLike = Pick<CheckMetadata, 'id' | 'docs'>;

interface Page {
  id: string;
  file: string;
  headings: MarkdownHeading[];
  lines: Array<{ text: string; inCode: boolean }>;
}

function loadPages(): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const file of fs
    .readdirSync(docsDir)
    .filter(f => f.endsWith('.md'))
    .sort()) {
    const markdown = fs.readFileSync(path.join(docsDir, file), 'utf8');
    const id = file.slice(0, -'.md'.length);
    pages.set(id, {
      id,
      file,
      headings: extractHeadings(markdown),
      lines: markdownLines(markdown),
    });
  }
  return pages;
}

const CHECKED_BY = /^Checked by:(.*)$/;

interface CheckedByLine {
  page: string;
  line: number;
  ids: string[];
}

function checkedByLines(page: Page): CheckedByLine[] {
  const result: CheckedByLine[] = [];
  page.lines.forEach(({ text, inCode }, line) => {
    if (inCode) return;
    const match = CHECKED_BY.exec(text);
    if (!match) return;
    result.push({
      page: page.id,
      line,
      ids: match[1].split(',').map(id => id.trim()),
    });
  });
  return result;
}

/** Lines from the heading to the next heading of the same or a higher level. */
function sectionRange(
  page: Page,
  slug: string,
): { start: number; end: number } | undefined {
  const index = page.headings.findIndex(h => h.slug === slug);
  if (index < 0) return undefined;
  const heading = page.headings[index];
  const next = page.headings
    .slice(index + 1)
    .find(h => h.level <= heading.level);
  return { start: heading.line, end: next ? next.line : page.lines.length };
}

interface RelativeLink {
  page: string;
  line: number;
  target: string;
}

function relativeLinks(page: Page): RelativeLink[] {
  const links: RelativeLink[] = [];
  page.lines.forEach(({ text, inCode }, line) => {
    if (inCode) return;
    const withoutCodeSpans = text.replace(/`[^`]*`/g, '');
    for (const match of withoutCodeSpans.matchAll(
      /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g,
    )) {
      const target = match[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/'))
        continue;
      links.push({ page: page.id, line, target });
    }
  });
  return links;
}

const pages = loadPages();
const checkIds = new Set(checks.map(c => c.id));
const allCheckedBy = [...pages.values()].flatMap(checkedByLines);

describe('handbook pages', () => {
  it('lists exactly the markdown files in docs/guidelines', () => {
    expect(handbookPageList.map(p => p.file).sort()).toEqual(
      [...pages.values()].map(p => p.file).sort(),
    );
  });

  it.each(handbookPageList.map(p => [p.file, p.title]))(
    '%s starts with the heading "# %s"',
    (file, title) => {
      const page = pages.get(file.slice(0, -'.md'.length))!;
      expect(page.headings[0]).toMatchObject({
        level: 1,
        text: title,
        line: 0,
      });
      expect(page.headings.filter(h => h.level === 1)).toHaveLength(1);
    },
  );

  it('offers every page checks may link to, in the same order as the rule pack lists them', () => {
    expect(
      handbookPageList.filter(p => p.id !== 'index').map(p => p.id),
    ).toEqual([...handbookPages]);
  });

  it('has the same order as the TechDocs navigation in mkdocs.yml', () => {
    const mkdocs = parseYaml(
      fs.readFileSync(path.join(repoRoot, 'mkdocs.yml'), 'utf8'),
    );
    expect(path.resolve(repoRoot, mkdocs.docs_dir)).toBe(docsDir);
    const navFiles = (mkdocs.nav as Array<Record<string, string>>).map(
      entry => Object.values(entry)[0],
    );
    expect(navFiles).toEqual(handbookPageList.map(p => p.file));
  });
});

describe('rule pack ↔ handbook', () => {
  it('has checks to verify', () => {
    expect(checks.length).toBeGreaterThan(0);
  });

  it.each(checks.map(c => [c.id, `${c.docs.page}#${c.docs.anchor}`, c]))(
    '%s links to an existing page and heading (%s)',
    (_id, _link, check) => {
      const { page, anchor } = (check as CheckLike).docs;
      expect([...pages.keys()]).toContain(page);
      expect(pages.get(page)!.headings.map(h => h.slug)).toContain(anchor);
    },
  );

  it('names only real checks in "Checked by:" lines', () => {
    const unknown = allCheckedBy.flatMap(entry =>
      entry.ids
        .filter(id => !checkIds.has(id))
        .map(id => `${entry.page}.md:${entry.line + 1}: ${id || '(empty)'}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(checks.map(c => [c.id, `${c.docs.page}#${c.docs.anchor}`, c]))(
    '%s is named in a "Checked by:" line in the section %s',
    (id, _link, check) => {
      const { page: pageId, anchor } = (check as CheckLike).docs;
      const page = pages.get(pageId);
      const range = page && sectionRange(page, anchor);
      expect(range).toBeDefined();
      const inSection = allCheckedBy.some(
        entry =>
          entry.page === pageId &&
          entry.line > range!.start &&
          entry.line < range!.end &&
          entry.ids.includes(id),
      );
      expect(inSection).toBe(true);
    },
  );
});

/** `> **Source:** <label> · <links>`: the label of the section it opens. */
const SOURCE_LINE = /^> \*\*Source:\*\* (.+?)(?: · .*)?$/;

/** The label of the Source line right under the heading `slug`, if any. */
function sourceLabelUnder(page: Page, slug: string): string | undefined {
  const heading = page.headings.find(h => h.slug === slug);
  if (!heading) return undefined;
  const next = page.lines
    .slice(heading.line + 1)
    .find(line => line.text.trim() !== '');
  if (!next || next.inCode) return undefined;
  return SOURCE_LINE.exec(next.text)?.[1];
}

describe('rule sources in the handbook', () => {
  it.each(checks.map(c => [c.id, checkSourceLabel(c.source), c] as const))(
    '%s: the section it links to opens with "Source: %s"',
    (_id, label, check) => {
      const page = pages.get(check.docs.page)!;
      expect(sourceLabelUnder(page, check.docs.anchor)).toBe(label);
    },
  );

  it('uses only the four source labels, each right under a heading', () => {
    const known =
      /^(Python guide|Code review guidelines|Working-group recommendation \([^)]+\)|Portal default)$/;
    const problems: string[] = [];
    for (const page of pages.values()) {
      page.lines.forEach(({ text, inCode }, line) => {
        if (inCode || !text.startsWith('> **Source:**')) return;
        const label = SOURCE_LINE.exec(text)?.[1] ?? '';
        const previous = page.lines
          .slice(0, line)
          .reverse()
          .find(l => l.text.trim() !== '');
        const underHeading = page.headings.some(
          h => previous && page.lines.indexOf(previous) === h.line,
        );
        if (!known.test(label) || !underHeading) {
          problems.push(`${page.file}:${line + 1}: ${text}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });
});

describe('links between handbook pages', () => {
  const links = [...pages.values()].flatMap(relativeLinks);

  it('finds links to check', () => {
    expect(links.length).toBeGreaterThan(0);
  });

  it('resolve to an existing page and heading', () => {
    const broken = links.filter(link => {
      const [file, anchor] = link.target.split('#', 2);
      const targetId = file === '' ? link.page : file.replace(/\.md$/, '');
      const target =
        file === '' || file.endsWith('.md') ? pages.get(targetId) : undefined;
      if (!target) return true;
      return (
        anchor !== undefined && !target.headings.some(h => h.slug === anchor)
      );
    });
    expect(
      broken.map(link => `${link.page}.md:${link.line + 1} → ${link.target}`),
    ).toEqual([]);
  });
});
