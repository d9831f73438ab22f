import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CodebaseRow } from '@internal/plugin-python-stewardship-common/browser';
import { isPythonCodebase } from '../../filters';
import { pythonStewardshipApiRef, type PythonStewardshipApi } from '../../api';
import { LevelChip } from '../shared';

// One lookup per codebase per page load, shared by every cell that shows it.
const cache = new Map<string, Promise<CodebaseRow | undefined>>();

function lookup(
  api: PythonStewardshipApi,
  entityRef: string,
  name: string,
): Promise<CodebaseRow | undefined> {
  const key = entityRef.toLocaleLowerCase('en-US');
  let found = cache.get(key);
  if (!found) {
    found = api
      .listCodebases({ q: name, limit: 10 })
      .then(page =>
        page.items.find(
          item => item.entityRef.toLocaleLowerCase('en-US') === key,
        ),
      )
      .catch(() => {
        cache.delete(key);
        return undefined;
      });
    cache.set(key, found);
    // Scores move; look again after a minute.
    setTimeout(() => cache.delete(key), 60_000);
  }
  return found;
}

/** Score and level of one catalog row (blank for entities that are not Python codebases). */
export function ConformanceCell(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(pythonStewardshipApiRef);
  const python = isPythonCodebase(entity);
  const entityRef = stringifyEntityRef(entity);
  const [row, setRow] = useState<CodebaseRow | undefined | null>(null);
  useEffect(() => {
    if (!python) return undefined;
    let live = true;
    lookup(api, entityRef, entity.metadata.name).then(value => {
      if (live) setRow(value);
    });
    return () => {
      live = false;
    };
  }, [api, entityRef, entity.metadata.name, python]);
  if (!python) return null;
  if (row === null) return <span aria-label="Loading score">…</span>;
  return <LevelChip level={row?.level} score={row?.score} />;
}

/**
 * A catalog table column (`TableColumn<CatalogTableRow>`) with each Python
 * codebase's guidelines level and score.
 */
export function createConformanceColumn() {
  return {
    title: 'Guidelines',
    field: 'entity.metadata.name',
    sorting: false,
    width: 'auto',
    render: ({ entity }: { entity: Entity }) => (
      <ConformanceCell entity={entity} />
    ),
  };
}
