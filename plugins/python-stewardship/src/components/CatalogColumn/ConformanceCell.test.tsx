import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Entity } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { CodebaseRow } from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef, type PythonStewardshipApi } from '../../api';
import {
  BASE_URL,
  conformanceClient,
  gatewayRow,
  page,
  setupConformanceServer,
} from '../../__testUtils__/conformanceFixtures';
import { mockConformanceApi } from '../../__testUtils__/mockConformanceApi';
import { createConformanceColumn } from './ConformanceCell';

jest.setTimeout(30_000);

const server = setupConformanceServer();

const PAGE_SIZE = 20;

/** Python codebases (tagged), with every seventh a plain Component. */
function component(i: number): Entity {
  const python = i % 7 !== 3;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `codebase-${String(i).padStart(2, '0')}`,
      tags: python ? ['python'] : ['java'],
    },
    spec: { type: 'service', owner: 'group:default/team-a' },
  };
}
const entities = Array.from({ length: 45 }, (_, i) => component(i));
const refOf = (entity: Entity) => `component:default/${entity.metadata.name}`;

/** What the conformance service knows: every Python codebase but the last. */
function rowFor(ref: string): CodebaseRow | undefined {
  const name = ref.replace(/^.*\//, '');
  if (name === 'codebase-44') return undefined;
  const i = Number(name.slice(-2));
  return {
    ...gatewayRow,
    entityRef: ref,
    name,
    title: undefined,
    score: 40 + i,
    level: i % 2 ? 'silver' : 'bronze',
  };
}

/** The catalog's table (`Table` of core-components, as CatalogTable renders it) with the column. */
function renderCatalogTable(api: PythonStewardshipApi = conformanceClient()) {
  return renderInTestApp(
    <Table
      title="Components"
      options={{ paging: true, pageSize: PAGE_SIZE, search: false }}
      columns={[
        { title: 'Name', field: 'entity.metadata.name' },
        createConformanceColumn(),
      ]}
      data={entities.map(entity => ({ entity }))}
    />,
    { apis: [[pythonStewardshipApiRef, api]] },
  );
}

function recordCodebaseRequests() {
  const requests: URL[] = [];
  server.use(
    http.get(`${BASE_URL}/codebases`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const refs = url.searchParams.get('entityRefs')?.split(',') ?? [];
      const items = refs.flatMap(ref => rowFor(ref) ?? []);
      return HttpResponse.json({
        ...page(items),
        limit: Number(url.searchParams.get('limit')),
      });
    }),
  );
  return requests;
}

const rowOf = (name: string) => screen.getByText(name).closest('tr')!;

describe('the catalog Guidelines column', () => {
  it('asks the conformance service once for a page of rows', async () => {
    const requests = recordCodebaseRequests();
    renderCatalogTable();

    // Every Python row of the first page shows its level and score.
    await waitFor(() =>
      expect(
        within(rowOf('codebase-19')).getByText('Silver · 59'),
      ).toBeInTheDocument(),
    );
    expect(
      within(rowOf('codebase-00')).getByText('Bronze · 40'),
    ).toBeInTheDocument();
    // A Component that is not a Python codebase has no chip, and is not asked for.
    expect(within(rowOf('codebase-03')).queryByText(/·|Not scanned/)).toBe(
      null,
    );

    expect(requests).toHaveLength(1);
    const firstPage = entities.slice(0, PAGE_SIZE);
    const asked = requests[0].searchParams.get('entityRefs')!.split(',');
    expect(asked.sort()).toEqual(
      firstPage
        .filter(e => e.metadata.tags!.includes('python'))
        .map(refOf)
        .sort(),
    );
    expect(requests[0].searchParams.get('limit')).toBe(String(asked.length));
  });

  it('asks once more for the next page, and not again for a page it has seen', async () => {
    const requests = recordCodebaseRequests();
    renderCatalogTable();
    await waitFor(() =>
      expect(
        within(rowOf('codebase-19')).getByText('Silver · 59'),
      ).toBeInTheDocument(),
    );

    fireEvent.click(screen.getAllByRole('button', { name: 'Next Page' })[0]);
    await waitFor(() =>
      expect(
        within(rowOf('codebase-39')).getByText('Silver · 79'),
      ).toBeInTheDocument(),
    );
    expect(requests).toHaveLength(2);
    expect(requests[1].searchParams.get('entityRefs')).toContain(
      'component:default/codebase-20',
    );
    expect(requests[1].searchParams.get('entityRefs')).not.toContain(
      'component:default/codebase-19',
    );

    // Back to the first page: answered from what the column already has.
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Previous Page' })[0],
    );
    await waitFor(() =>
      expect(
        within(rowOf('codebase-00')).getByText('Bronze · 40'),
      ).toBeInTheDocument(),
    );
    expect(requests).toHaveLength(2);
  });

  it('shows "Not scanned" for a Python component the service does not know yet', async () => {
    const requests = recordCodebaseRequests();
    renderCatalogTable();
    await waitFor(() =>
      expect(
        within(rowOf('codebase-19')).getByText('Silver · 59'),
      ).toBeInTheDocument(),
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Last Page' })[0]);
    await waitFor(() =>
      expect(
        within(rowOf('codebase-44')).getByText('Not scanned'),
      ).toBeInTheDocument(),
    );
    expect(
      within(rowOf('codebase-43')).getByText('Silver · 83'),
    ).toBeInTheDocument();
    // The first page and the last: one request each.
    expect(requests).toHaveLength(2);
  });

  it('makes one call of the API for a page of rows (mock API)', async () => {
    const api = mockConformanceApi();
    renderCatalogTable(api);
    await waitFor(() =>
      expect(screen.getAllByText('Not scanned')).toHaveLength(17),
    );
    expect(api.listCodebases).toHaveBeenCalledTimes(1);
    expect(api.listCodebases).toHaveBeenCalledWith({
      entityRefs: expect.arrayContaining(['component:default/codebase-00']),
      limit: 17,
    });
  });
});
