import type { CodebaseRow } from '@internal/plugin-python-stewardship-common/browser';
import type { PythonStewardshipApi } from './PythonStewardshipApi';

/** The backend's bound on `entityRefs` per request (one table page). */
export const MAX_REFS_PER_REQUEST = 100;

/** Scores move: a looked-up row is asked for again after this long. */
const CACHE_MS = 60_000;

/** Conformance rows by entity ref, batched (see {@link codebaseRowLoader}). */
export interface CodebaseRowLoader {
  /** One codebase's row; `undefined` when it is not a known codebase or the lookup failed. */
  load(entityRef: string): Promise<CodebaseRow | undefined>;
  /** Several rows, keyed by lower-case entity ref (unknown refs are absent). */
  loadMany(entityRefs: string[]): Promise<Map<string, CodebaseRow>>;
}

const key = (entityRef: string) => entityRef.toLocaleLowerCase('en-US');

function createLoader(api: PythonStewardshipApi): CodebaseRowLoader {
  const cache = new Map<
    string,
    { row: Promise<CodebaseRow | undefined>; at: number }
  >();
  let pending = new Map<string, (row: CodebaseRow | undefined) => void>();
  let scheduled = false;

  async function fetchChunk(
    refs: string[],
    resolvers: Map<string, (row: CodebaseRow | undefined) => void>,
  ) {
    let rows = new Map<string, CodebaseRow>();
    try {
      const page = await api.listCodebases({
        entityRefs: refs,
        limit: refs.length,
      });
      rows = new Map(page.items.map(row => [key(row.entityRef), row]));
    } catch {
      // A failed lookup shows no score and is tried again on the next render.
      for (const ref of refs) cache.delete(ref);
    }
    for (const ref of refs) resolvers.get(ref)?.(rows.get(ref));
  }

  // Everything asked for in one task (the cells of one table page mount
  // together) goes out as one request per MAX_REFS_PER_REQUEST refs.
  function flush() {
    scheduled = false;
    const batch = pending;
    pending = new Map();
    const refs = [...batch.keys()];
    for (let i = 0; i < refs.length; i += MAX_REFS_PER_REQUEST) {
      void fetchChunk(refs.slice(i, i + MAX_REFS_PER_REQUEST), batch);
    }
  }

  function load(entityRef: string): Promise<CodebaseRow | undefined> {
    const ref = key(entityRef);
    const cached = cache.get(ref);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.row;
    const row = new Promise<CodebaseRow | undefined>(resolve =>
      pending.set(ref, resolve),
    );
    cache.set(ref, { row, at: Date.now() });
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
    return row;
  }

  return {
    load,
    async loadMany(entityRefs) {
      const rows = await Promise.all(entityRefs.map(load));
      const byRef = new Map<string, CodebaseRow>();
      rows.forEach(row => row && byRef.set(key(row.entityRef), row));
      return byRef;
    },
  };
}

const loaders = new WeakMap<PythonStewardshipApi, CodebaseRowLoader>();

/**
 * A DataLoader-style batcher over `GET /codebases?entityRefs=…`, one per API
 * instance: lookups made in the same task are collected and sent as one
 * request per table page (at most {@link MAX_REFS_PER_REQUEST} refs), and
 * each row is remembered for a minute, so the catalog table's Guidelines
 * column and the cards cost one request per page rather than one per row.
 */
export function codebaseRowLoader(
  api: PythonStewardshipApi,
): CodebaseRowLoader {
  let loader = loaders.get(api);
  if (!loader) {
    loader = createLoader(api);
    loaders.set(api, loader);
  }
  return loader;
}
