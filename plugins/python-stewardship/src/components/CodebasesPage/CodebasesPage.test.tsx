import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { pythonStewardshipApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  BASE_URL,
  CATALOG_URL,
  conformanceClient,
  gatewayRow,
  page,
  promptsRow,
  setupConformanceServer,
  summary,
} from '../../__testUtils__/conformanceFixtures';
import { CodebasesPage } from './CodebasesPage';

jest.setTimeout(30_000);

const server = setupConformanceServer();

function renderPage(initialEntries = ['/python-codebases']) {
  return renderInTestApp(<CodebasesPage />, {
    apis: [[pythonStewardshipApiRef, conformanceClient()]],
    initialRouteEntries: initialEntries,
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/python-guidelines': rootRouteRef,
    },
  });
}

describe('CodebasesPage', () => {
  it('shows nobody but admins how GitLab discovery ran', async () => {
    server.use(
      http.get(`${BASE_URL}/summary`, () => HttpResponse.json(summary)),
      http.get(`${BASE_URL}/codebases`, () =>
        HttpResponse.json(page([gatewayRow], 1)),
      ),
    );
    renderPage();
    await screen.findByRole('table', { name: 'Python codebases' });
    expect(
      screen.queryByRole('table', { name: 'Recent GitLab discovery runs' }),
    ).not.toBeInTheDocument();
  });

  it('shows admins how GitLab discovery ran', async () => {
    server.use(
      http.get(`${BASE_URL}/summary`, () => HttpResponse.json(summary)),
      http.get(`${BASE_URL}/codebases`, () =>
        HttpResponse.json(page([gatewayRow], 1)),
      ),
      http.get(`${CATALOG_URL}/python-discovery/status`, () =>
        HttpResponse.json({
          providers: [
            {
              providerId: 'codebases',
              lastRun: null,
              lastScan: null,
              recentRuns: [
                {
                  kind: 'scan',
                  startedAt: '2026-11-29T01:00:00.000Z',
                  durationMs: 1500,
                  outcome: 'applied',
                  projectsSeen: 9,
                  projectsChanged: 2,
                  projectsFailed: 0,
                  requests: 21,
                  components: 8,
                },
              ],
            },
          ],
        }),
      ),
    );
    renderPage();
    const runs = await screen.findByRole(
      'table',
      { name: 'Recent GitLab discovery runs' },
      { timeout: 10_000 },
    );
    const row = within(runs).getAllByRole('row')[1];
    expect(within(row).getByText('1.5 s')).toBeInTheDocument();
    expect(within(row).getByText('21')).toBeInTheDocument();
    expect(within(row).getByText('applied')).toBeInTheDocument();
  });

  it('lists codebases with score, level, failing checks and trend, under the summary', async () => {
    server.use(
      http.get(`${BASE_URL}/summary`, () => HttpResponse.json(summary)),
      http.get(`${BASE_URL}/codebases`, () =>
        HttpResponse.json(page([gatewayRow, promptsRow], 40)),
      ),
    );
    renderPage();

    const table = await screen.findByRole('table', {
      name: 'Python codebases',
    });
    const row = (await within(table).findByText('Example Gateway')).closest(
      'tr',
    )!;
    expect(within(row).getByText('72')).toBeInTheDocument();
    expect(within(row).getByText('Silver')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'PYG-011' }),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('img', {
        name: /Score trend over 3 results: 50 to 72/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('1-25 of 40')).toBeInTheDocument();

    // The most failed check links to its handbook section and to the list.
    expect(
      await screen.findByRole('link', { name: /PYG-011 mypy is configured/ }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/development-guidelines#type-checking',
    );
    expect(
      screen.getByRole('link', { name: '7 codebases failing' }),
    ).toHaveAttribute('href', '/python-codebases?failingCheck=PYG-011');
  });

  it('sends the filters from the URL to the server and pages there', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/summary`, () => HttpResponse.json(summary)),
      http.get(`${BASE_URL}/codebases`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json(page([promptsRow], 60));
      }),
    );
    renderPage([
      '/python-codebases?level=none&type=library&sort=score&order=desc',
    ]);

    await screen.findByText('Prompt Library');
    expect(Object.fromEntries(queries[0])).toEqual({
      level: 'none',
      type: 'library',
      sort: 'score',
      order: 'desc',
      limit: '25',
      offset: '0',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(queries[queries.length - 1].get('offset')).toBe('25'),
    );

    fireEvent.click(screen.getByText('Clear filters'));
    await waitFor(() =>
      expect(Object.fromEntries(queries[queries.length - 1])).toEqual({
        limit: '25',
        offset: '0',
      }),
    );
  });

  it('says what to do when nothing matches and when the service fails', async () => {
    server.use(
      http.get(`${BASE_URL}/summary`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'database is locked' } },
          { status: 500 },
        ),
      ),
      http.get(`${BASE_URL}/codebases`, () => HttpResponse.json(page([], 0))),
    );
    renderPage(['/python-codebases?failingCheck=PYG-001']);

    expect(
      await screen.findByText(/No codebase matches these filters/),
    ).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('database is locked');
    expect(
      within(alert).getByRole('button', { name: 'Try again' }),
    ).toBeEnabled();
  });
});
