import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { pythonStewardshipApiRef } from '../../api';
import { codebasesRouteRef } from '../../routes';
import { mockConformanceApi } from '../../__testUtils__/mockConformanceApi';
import { TeamCodebasesCard } from './TeamCodebasesCard';

jest.setTimeout(30_000);

describe('TeamCodebasesCard', () => {
  it("lists the group's codebases with levels, asking the service by owner", async () => {
    const api = mockConformanceApi();
    renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'ai-gateway' },
          spec: { type: 'team', children: [] },
        }}
      >
        <TeamCodebasesCard />
      </EntityProvider>,
      {
        apis: [[pythonStewardshipApiRef, api]],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/python-codebases': codebasesRouteRef,
        },
      },
    );

    const table = await screen.findByRole('table', {
      name: "The team's Python codebases",
    });
    expect(within(table).getByText('Silver · 72')).toBeInTheDocument();
    expect(api.listCodebases).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/ai-gateway' }),
    );
  });
});
