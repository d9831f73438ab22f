import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin from './index';
import {
  guidelinesPage,
  maintainerOfEntityCard,
  maintainersEntityCard,
} from './plugin';
import { rootRouteRef } from './routes';
import { pythonStewardshipApiRef } from './api';
import { mockConformanceApi } from './__testUtils__/mockConformanceApi';

const entity = (kind: string, extra: Partial<Entity> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'example' },
  ...extra,
});

describe('python-stewardship plugin', () => {
  it('is the default export with its page and cards registered', () => {
    expect(plugin.pluginId).toBe('python-stewardship');
    expect(plugin.getExtension('page:python-stewardship')).toBeDefined();
    expect(
      plugin.getExtension('entity-card:python-stewardship/maintainers'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:python-stewardship/maintainer-of'),
    ).toBeDefined();
    expect(plugin.getExtension('api:python-stewardship')).toBeDefined();
    expect(
      plugin.getExtension('page:python-stewardship/codebases'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-content:python-stewardship/guidelines'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:python-stewardship/team-codebases'),
    ).toBeDefined();
  });

  it('mounts the guidelines page at /python-guidelines with a nav title and icon', () => {
    const tester = createExtensionTester(guidelinesPage);

    expect(tester.get(coreExtensionData.routePath)).toBe('/python-guidelines');
    expect(tester.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
    expect(tester.get(coreExtensionData.title)).toBe('Python guidelines');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('lets the app move the page through config', () => {
    const tester = createExtensionTester(guidelinesPage, {
      config: { path: '/handbook' },
    });

    expect(tester.get(coreExtensionData.routePath)).toBe('/handbook');
  });

  it('shows the maintainers card on Python Components only', () => {
    const tester = createExtensionTester(maintainersEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    expect(
      filter(
        entity('Component', { metadata: { name: 'a', tags: ['python'] } }),
      ),
    ).toBe(true);
    expect(filter(entity('Component'))).toBe(false);
    expect(filter(entity('User'))).toBe(false);
  });

  it('shows the maintainer-of card on users and groups that maintain something', () => {
    const tester = createExtensionTester(maintainerOfEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    const relations = [
      { type: 'maintainerOf', targetRef: 'component:default/example' },
    ];

    expect(filter(entity('User', { relations }))).toBe(true);
    expect(filter(entity('Group', { relations }))).toBe(true);
    expect(filter(entity('User'))).toBe(false);
    expect(filter(entity('Component', { relations }))).toBe(false);
  });

  it('loads the cards lazily on an entity page', async () => {
    const relations = [
      { type: 'maintainedBy', targetRef: 'user:default/alex.maintainer' },
      { type: 'maintainerOf', targetRef: 'component:default/example' },
    ];
    renderInTestApp(
      <EntityProvider entity={entity('Component', { relations })}>
        {createExtensionTester(maintainersEntityCard).reactElement()}
        {createExtensionTester(maintainerOfEntityCard).reactElement()}
      </EntityProvider>,
      {
        apis: [[pythonStewardshipApiRef, mockConformanceApi()]],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/python-guidelines': rootRouteRef,
        },
      },
    );

    expect(await screen.findByText('Python stewardship')).toBeInTheDocument();
    expect(await screen.findByText('Maintainer of')).toBeInTheDocument();
  });
});
