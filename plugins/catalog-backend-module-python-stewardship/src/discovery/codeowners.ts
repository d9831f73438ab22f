import {
  defaultCodeowners,
  parseCodeowners,
} from '@internal/plugin-python-stewardship-common';
import { codeownerRef } from './naming';

export { CODEOWNERS_PATHS } from '@internal/plugin-python-stewardship-common';

/**
 * Entity refs of a codebase's default owners in CODEOWNERS (the `*` rule of
 * every section), parsed by the rule pack's own CODEOWNERS parser so
 * discovery and the checks agree on what the file says. Groups are named
 * like the gitlab-org provider names them (see `groupEntityName`).
 */
export function parseCodeownersDefaultOwners(
  text: string,
  orgGroup?: string,
): string[] {
  const refs: string[] = [];
  for (const owner of defaultCodeowners(parseCodeowners(text))) {
    const ref = codeownerRef(owner, orgGroup);
    if (ref && !refs.includes(ref)) refs.push(ref);
  }
  return refs;
}
