import { portalCatalogColumns } from './catalogPageModule';

type ColumnsContext = Parameters<typeof portalCatalogColumns>[0];

function contextFor(kind: string): ColumnsContext {
  return {
    filters: { kind: { value: kind } },
    entities: [],
  } as unknown as ColumnsContext;
}

/** Visible columns in order: the field for the catalog's own, the title for ours. */
function visibleColumns(kind: string): string[] {
  return portalCatalogColumns(contextFor(kind))
    .filter(column => !column.hidden)
    .map(column =>
      typeof column.title === 'string' ? column.title : String(column.field),
    );
}

describe('portalCatalogColumns', () => {
  it('puts the Guidelines column right after the name for components', () => {
    const columns = visibleColumns('component');
    expect(columns.slice(0, 2)).toEqual(['resolved.entityRef', 'Guidelines']);
  });

  it('adds no Guidelines column for other kinds', () => {
    expect(visibleColumns('group')).not.toContain('Guidelines');
  });

  it('keeps the name column from wrapping letter by letter', () => {
    const name = portalCatalogColumns(contextFor('component')).find(
      column => column.field === 'resolved.entityRef',
    );
    expect(name?.cellStyle).toMatchObject({
      minWidth: 200,
      wordBreak: 'normal',
    });
  });
});
