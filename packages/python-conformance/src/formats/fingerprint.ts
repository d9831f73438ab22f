import type { createHash as CreateHash } from 'node:crypto';

let createHash: typeof CreateHash | undefined;

/**
 * A stable id for one finding. Built from the check and the file only, not
 * the line, so GitLab keeps treating a finding as the same one when
 * unrelated edits move it.
 */
export function fingerprint(...parts: string[]): string {
  // Loaded on first use: only the Code Quality format needs it, and loading
  // node:crypto costs every other run of the CLI about 2 ms and 2 MiB.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  createHash ??= (require('node:crypto') as typeof import('node:crypto'))
    .createHash;
  return createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
