import path from 'node:path';
import { fencedBlocks } from './markdownBlocks';

/** A file the walkthrough asks the reader to create or replace. */
export interface WalkthroughFile {
  action: 'create' | 'edit';
  /** Relative to the repository root, with forward slashes. */
  path: string;
  /** The complete file content, as given in the fenced block. */
  content: string;
}

/**
 * The handbook's convention: a file to write is a fenced block whose
 * preceding line starts with "Create `path`" or "Edit `path`" and ends with a
 * colon. Edits show the whole file, so both can be written verbatim.
 */
const INSTRUCTION = /^(Create|Edit) `([^`]+)`.*:$/;

export class WalkthroughFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WalkthroughFormatError';
  }
}

function checkRelativePath(file: string): string {
  const normalized = path.posix.normalize(file);
  if (
    path.posix.isAbsolute(normalized) ||
    normalized.startsWith('../') ||
    normalized === '..' ||
    normalized !== file
  ) {
    throw new WalkthroughFormatError(
      `"${file}" is not a plain relative path inside the repository`,
    );
  }
  return normalized;
}

/**
 * The files of the section titled `sectionTitle` (at any heading level,
 * including its subsections), in the order the reader writes them.
 */
export function extractWalkthroughFiles(
  markdown: string,
  sectionTitle: string,
): WalkthroughFile[] {
  const blocks = fencedBlocks(markdown).filter(block =>
    block.headings.includes(sectionTitle),
  );
  const files: WalkthroughFile[] = [];
  for (const block of blocks) {
    const instruction = INSTRUCTION.exec(block.lineBefore.trim());
    if (!instruction) continue;
    if (block.content.trim() === '') {
      throw new WalkthroughFormatError(
        `the block for ${instruction[2]} is empty`,
      );
    }
    files.push({
      action: instruction[1] === 'Create' ? 'create' : 'edit',
      path: checkRelativePath(instruction[2]),
      content: block.content,
    });
  }
  return files;
}

/** The contents of the shell blocks under a heading, in order. */
export function shellBlocks(markdown: string, headingTitle: string): string[] {
  return fencedBlocks(markdown)
    .filter(
      block =>
        ['shell', 'sh', 'bash', 'console'].includes(block.language) &&
        block.headings.includes(headingTitle),
    )
    .map(block => block.content);
}
