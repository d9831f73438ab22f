import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { MaintainerOfCard } from './MaintainerOfCard';
import { pythonStewardshipApiRef } from '../../api';
import { mockConformanceApi } from '../../__testUtils__/mockConformanceApi';

function renderCard(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <MaintainerOfCard />
    </EntityProvider>,
    {
      apis: [[pythonStewardshipApiRef, mockConformanceApi()]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('MaintainerOfCard', () => {
  it('lists the codebases from maintainerOf relations, by name', async () => {
    renderCard({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'alex.maintainer' },
      relations: [
        { type: 'maintainerOf', targetRef: 'component:default/example-eval' },
        { type: 'memberOf', targetRef: 'group:default/python-maintainers' },
        {
          type: 'maintainerOf',
          targetRef: 'component:default/example-gateway',
        },
      ],
    });

    const items = await screen.findAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      expect.stringContaining('example-eval'),
      expect.stringContaining('example-gateway'),
    ]);
    expect(
      screen.getByRole('link', { name: /example-gateway/ }),
    ).toHaveAttribute('href', '/catalog/default/component/example-gateway');
  });

  it('says so when the entity maintains nothing', async () => {
    renderCard({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'ai-gateway' },
    });

    expect(
      await screen.findByText('Not a maintainer of any codebase.'),
    ).toBeInTheDocument();
  });
});
