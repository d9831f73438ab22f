import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { rootRouteRef } from '../../routes';
import { MaintainersCard } from './MaintainersCard';
import { pythonStewardshipApiRef } from '../../api';
import { mockConformanceApi } from '../../__testUtils__/mockConformanceApi';

const gateway: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'example-gateway',
    tags: ['python'],
    annotations: {
      'python-stewardship.io/maintainers':
        'user:default/alex.maintainer, group:default/python-maintainers',
    },
  },
  spec: { type: 'service', owner: 'group:default/ai-gateway' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/ai-gateway' },
    { type: 'maintainedBy', targetRef: 'user:default/alex.maintainer' },
    { type: 'maintainedBy', targetRef: 'group:default/python-maintainers' },
    { type: 'partOf', targetRef: 'system:default/ai-platform' },
  ],
};

function renderCard(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <MaintainersCard />
    </EntityProvider>,
    {
      apis: [[pythonStewardshipApiRef, mockConformanceApi()]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/python-guidelines': rootRouteRef,
      },
    },
  );
}

function fact(term: string) {
  return screen.getByText(term, { selector: 'dt' })
    .nextElementSibling as HTMLElement;
}

describe('MaintainersCard', () => {
  it('shows the guidelines level and score, linking to the Guidelines tab', async () => {
    renderCard(gateway);

    expect(
      await within(fact('Guidelines level')).findByRole('link', {
        name: 'Guidelines report, score 72',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/example-gateway/guidelines',
    );
    expect(
      within(fact('Guidelines level')).getByText('Silver · 72'),
    ).toBeInTheDocument();
  });

  it('shows the owner and maintainers from relations', async () => {
    renderCard(gateway);

    expect(
      await within(fact('Owner')).findByRole('link', { name: /ai-gateway/ }),
    ).toHaveAttribute('href', '/catalog/default/group/ai-gateway');

    const maintainers = within(fact('Maintainers'));
    expect(
      maintainers.getByRole('link', { name: /alex\.maintainer/ }),
    ).toHaveAttribute('href', '/catalog/default/user/alex.maintainer');
    expect(
      maintainers.getByRole('link', { name: /python-maintainers/ }),
    ).toHaveAttribute('href', '/catalog/default/group/python-maintainers');
    expect(maintainers.getAllByRole('link')).toHaveLength(2);
  });

  it('links to the guidelines and the section for its repository type', async () => {
    renderCard(gateway);

    expect(fact('Repository type')).toHaveTextContent('service');
    expect(
      await screen.findByRole('link', { name: 'Python guidelines' }),
    ).toHaveAttribute('href', '/python-guidelines');
    expect(
      screen.getByRole('link', { name: 'Creating a service' }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/creating-a-codebase#services',
    );
  });

  it('prefers the repository-type annotation over spec.type', async () => {
    renderCard({
      ...gateway,
      metadata: {
        ...gateway.metadata,
        annotations: { 'python-stewardship.io/repository-type': 'library' },
      },
    });

    expect(
      await screen.findByRole('link', { name: 'Creating a library' }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/creating-a-codebase#libraries',
    );
    expect(fact('Repository type')).toHaveTextContent('library');
  });

  it('says how to record maintainers when there are none', async () => {
    renderCard({ ...gateway, relations: [] });

    expect(await screen.findByText(/None recorded/)).toHaveTextContent(
      'None recorded. Name them in the python-stewardship.io/maintainers annotation.',
    );
    expect(fact('Owner')).toHaveTextContent('No owner');
  });
});
