import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { pythonStewardshipApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  BASE_URL,
  conformanceClient,
  report,
  setupConformanceServer,
} from '../../__testUtils__/conformanceFixtures';
import { ConformanceContent } from './ConformanceContent';

const gateway: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'example-gateway', tags: ['python'] },
  spec: { type: 'service', owner: 'group:default/ai-gateway' },
};

jest.setTimeout(30_000);

const ENTITY = `${BASE_URL}/entities/component/default/example-gateway`;
const server = setupConformanceServer();

function renderTab() {
  return renderInTestApp(
    <EntityProvider entity={gateway}>
      <ConformanceContent />
    </EntityProvider>,
    {
      apis: [[pythonStewardshipApiRef, conformanceClient()]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/python-guidelines': rootRouteRef,
      },
    },
  );
}

const history = http.get(`${ENTITY}/history`, () =>
  HttpResponse.json({
    points: [
      {
        at: '2026-11-20T00:00:00Z',
        score: 60,
        level: 'bronze',
        source: 'schedule',
      },
      {
        at: '2026-11-29T00:50:00Z',
        score: 72,
        level: 'silver',
        source: 'push',
      },
    ],
  }),
);

describe('ConformanceContent', () => {
  it('shows the score, level, provenance, checks by family with GitLab and handbook links, and how to fix', async () => {
    server.use(
      http.get(`${ENTITY}/report`, () => HttpResponse.json(report())),
      history,
    );
    renderTab();

    expect(await screen.findByLabelText('Score 72 of 100')).toBeInTheDocument();
    expect(screen.getAllByText('Silver').length).toBeGreaterThan(0);
    expect(screen.getByText(/scan after a push/)).toBeInTheDocument();
    expect(
      screen.getByText(/Next level, Gold: fix PYG-011/),
    ).toBeInTheDocument();

    const typing = screen.getByRole('table', { name: 'Type checking' });
    expect(within(typing).getByText('Fail')).toBeInTheDocument();
    expect(
      within(typing).getByRole('link', { name: /pyproject.toml:42/ }),
    ).toHaveAttribute(
      'href',
      'http://localhost:7080/gitlab-org/example-gateway/-/blob/main/pyproject.toml#L42',
    );
    expect(
      within(typing).getByRole('link', {
        name: 'Handbook: mypy is configured',
      }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/development-guidelines#type-checking',
    );
    expect(within(typing).getByText(/How to fix:/)).toBeInTheDocument();

    expect(
      await screen.findByRole('img', { name: /Score history: 60 on/ }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.body).toHaveTextContent(
        'npx python-conformance check . --type service',
      ),
    );
  });

  it('requests an exemption and approves it', async () => {
    const requests: unknown[] = [];
    const decisions: unknown[] = [];
    let exemptions: any[] = [];
    server.use(
      http.get(`${ENTITY}/report`, () =>
        HttpResponse.json(report({ exemptions })),
      ),
      history,
      http.post(`${ENTITY}/exemptions`, async ({ request }) => {
        const body = (await request.json()) as any;
        requests.push(body);
        exemptions = [
          {
            id: 'e1',
            entityRef: 'component:default/example-gateway',
            checkId: body.checkId,
            reason: body.reason,
            expiresAt: body.expiresAt,
            requestedBy: 'user:default/alex.maintainer',
            requestedAt: '2026-11-29T01:00:00Z',
            decidedBy: null,
            decidedAt: null,
            decisionComment: null,
            state: 'requested',
          },
        ];
        return HttpResponse.json(exemptions[0], { status: 201 });
      }),
      http.post(`${BASE_URL}/exemptions/e1/decision`, async ({ request }) => {
        decisions.push(await request.json());
        exemptions = [{ ...exemptions[0], state: 'approved' }];
        return HttpResponse.json(exemptions[0]);
      }),
    );
    renderTab();

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Request exemption from PYG-011',
      }),
    );
    fireEvent.change(screen.getByLabelText(/Reason/), {
      target: { value: 'Typed by the gateway framework already' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Request exemption' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({
      checkId: 'PYG-011',
      reason: 'Typed by the gateway framework already',
    });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Approve exemption from PYG-011',
      }),
    );
    await waitFor(() => expect(decisions).toEqual([{ decision: 'approve' }]));
    expect(
      await screen.findByRole('button', {
        name: 'Revoke exemption from PYG-011',
      }),
    ).toBeInTheDocument();
  });

  it('says when a codebase was never scanned and offers Refresh', async () => {
    let refreshed = 0;
    server.use(
      http.get(`${ENTITY}/report`, () =>
        HttpResponse.json(
          refreshed ? report() : report({ scan: null, upload: null }),
        ),
      ),
      history,
      http.post(`${ENTITY}/refresh`, () => {
        refreshed += 1;
        return HttpResponse.json(report());
      }),
    );
    renderTab();

    expect(await screen.findByText('Not scanned yet')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(refreshed).toBe(1));
    expect(await screen.findByLabelText('Score 72 of 100')).toBeInTheDocument();
  });

  it('hides Refresh and decisions from people who may not use them', async () => {
    server.use(
      http.get(`${ENTITY}/report`, () =>
        HttpResponse.json(
          report({ viewer: { canRefresh: false, canDecideExemptions: false } }),
        ),
      ),
      history,
    );
    renderTab();
    await screen.findByLabelText('Score 72 of 100');
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
  });

  it("shows the service's error message in words", async () => {
    server.use(
      http.get(`${ENTITY}/report`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message:
                'component:default/example-gateway is not a Python codebase the service knows',
            },
          },
          { status: 404 },
        ),
      ),
      history,
    );
    renderTab();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'component:default/example-gateway is not a Python codebase the service knows',
    );
    expect(alert).toHaveTextContent(
      /learns new catalog entries within a minute/,
    );
  });
});
