import {
  CheckMetadata,
  ruleCatalog,
} from '@internal/plugin-python-stewardship-common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/**
 * Identifies the rule pack a result was made with: the common package's
 * version plus a hash of every check's metadata and the organisation's
 * options. A project whose commit is unchanged is scanned again when this
 * changes, so an upgrade or an options change re-judges every codebase on
 * the next sweep.
 */
export function computeRulePackVersion(
  options: unknown = {},
  rules: readonly CheckMetadata[] = ruleCatalog,
): string {
  const { version } = JSON.parse(
    readFileSync(
      resolvePackagePath(
        '@internal/plugin-python-stewardship-common',
        'package.json',
      ),
      'utf8',
    ),
  ) as { version: string };
  const hash = createHash('sha256')
    .update(JSON.stringify({ rules, options }))
    .digest('hex')
    .slice(0, 12);
  return `${version}+${hash}`;
}
