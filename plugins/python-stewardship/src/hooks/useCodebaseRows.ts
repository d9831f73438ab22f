import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import type { CodebaseRow } from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef } from '../api';

/** At most this many codebases are looked up one by one for a card. */
export const MAX_LOOKUPS = 30;

/**
 * The conformance rows of a few codebases by entity ref (for cards listing
 * codebases the catalog already knows), keyed by lower-case ref.
 */
export function useCodebaseRows(entityRefs: string[]) {
  const api = useApi(pythonStewardshipApiRef);
  const key = entityRefs.join(',');
  return useAsync(async () => {
    const rows = new Map<string, CodebaseRow>();
    await Promise.all(
      entityRefs.slice(0, MAX_LOOKUPS).map(async ref => {
        const name = ref.replace(/^.*[/:]/, '');
        const page = await api.listCodebases({ q: name, limit: 10 });
        const row = page.items.find(
          item =>
            item.entityRef.toLocaleLowerCase('en-US') ===
            ref.toLocaleLowerCase('en-US'),
        );
        if (row) rows.set(ref.toLocaleLowerCase('en-US'), row);
      }),
    );
    return rows;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
}
