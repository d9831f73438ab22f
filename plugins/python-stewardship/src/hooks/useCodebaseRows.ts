import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { codebaseRowLoader, pythonStewardshipApiRef } from '../api';

/**
 * The conformance rows of a few codebases by entity ref (for cards listing
 * codebases the catalog already knows), keyed by lower-case ref. One
 * request per 100 refs, shared with every other lookup made at the same time.
 */
export function useCodebaseRows(entityRefs: string[]) {
  const api = useApi(pythonStewardshipApiRef);
  const key = entityRefs.join(',');
  return useAsync(
    () => codebaseRowLoader(api).loadMany(entityRefs),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
}
