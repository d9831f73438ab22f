import { screen, within } from '@testing-library/react';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { pythonStewardshipApiRef } from '../../api';
import { codebasesRouteRef, rootRouteRef } from '../../routes';
import { mockConformanceApi } from '../../__testUtils__/mockConformanceApi';
import { page } from '../../__testUtils__/conformanceFixtures';
import { MyCodebasesWidget } from './MyCodebasesWidget';
import { OrganisationLevelsWidget } from './OrganisationLevelsWidget';

jest.setTimeout(30_000);

const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/python-guidelines': rootRouteRef,
  '/python-codebases': codebasesRouteRef,
};

describe('home widgets', () => {
  it("lists the signed-in person's codebases with the next thing to fix", async () => {
    const api = mockConformanceApi();
    renderInTestApp(<MyCodebasesWidget />, {
      apis: [
        [pythonStewardshipApiRef, api],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/alex.maintainer' }),
        ],
      ],
      mountedRoutes,
    });

    const list = await screen.findByRole('list', {
      name: 'Your Python codebases',
    });
    expect(within(list).getByText('Silver · 72')).toBeInTheDocument();
    // PYG-011 (core, weight 2) comes before the advisory PYG-041.
    expect(
      within(list).getByRole('link', { name: /^PYG-011 / }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/example-gateway/guidelines',
    );
    expect(api.listCodebases).toHaveBeenCalledWith(
      expect.objectContaining({ member: 'user:default/alex.maintainer' }),
    );
  });

  it('says what to do when the person has no codebase', async () => {
    renderInTestApp(<MyCodebasesWidget />, {
      apis: [
        [
          pythonStewardshipApiRef,
          mockConformanceApi({ listCodebases: async () => page([]) }),
        ],
        [identityApiRef, mockApis.identity()],
      ],
      mountedRoutes,
    });
    expect(
      await screen.findByText(/own or maintain no Python codebase yet/),
    ).toBeInTheDocument();
  });

  it("shows the organisation's levels with links to the filtered dashboard, Create and the handbook", async () => {
    renderInTestApp(<OrganisationLevelsWidget />, {
      apis: [[pythonStewardshipApiRef, mockConformanceApi()]],
      mountedRoutes,
    });
    expect(
      await screen.findByRole('link', { name: '3 codebases at Silver' }),
    ).toHaveAttribute('href', '/python-codebases?level=silver');
    expect(
      screen.getByRole('link', { name: 'Start a new Python codebase' }),
    ).toHaveAttribute('href', '/create');
    expect(
      screen.getByRole('link', { name: 'Python guidelines handbook' }),
    ).toHaveAttribute('href', '/python-guidelines');
  });
});
