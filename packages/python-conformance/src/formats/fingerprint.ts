import { createHash } from 'node:crypto';

/**
 * A stable id for one finding. Built from the check and the file only, not
 * the line, so GitLab keeps treating a finding as the same one when
 * unrelated edits move it.
 */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
