import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CodebaseRow } from '@internal/plugin-python-stewardship-common/browser';
import { isPythonCodebase } from '../../filters';
import { codebaseRowLoader, pythonStewardshipApiRef } from '../../api';
import { LevelChip } from '../shared';

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
    // Batched: the cells of one table page share one request.
    codebaseRowLoader(api)
      .load(entityRef)
      .then(value => {
        if (live) setRow(value);
      });
    return () => {
      live = false;
    };
  }, [api, entityRef, python]);
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
