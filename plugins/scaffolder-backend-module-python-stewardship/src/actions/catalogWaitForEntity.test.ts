import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createCatalogWaitForEntityAction } from './catalogWaitForEntity';
import { examples } from './catalogWaitForEntity.examples';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'prompt-eval', namespace: 'default' },
  spec: { type: 'utility', owner: 'group:default/a', lifecycle: 'production' },
};

describe('python-stewardship:catalog:wait-for-entity', () => {
  it('returns as soon as the catalog serves the entity (the example)', async () => {
    const catalog = catalogServiceMock({ entities: [entity] });
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({ input });

    await createCatalogWaitForEntityAction({ catalog }).handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('available', true);
  });

  it('keeps looking while the catalog is still processing', async () => {
    const catalog = catalogServiceMock.mock();
    catalog.getEntityByRef
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(entity);
    const ctx = createMockActionContext({
      input: { entityRef: 'component:default/prompt-eval' },
    });

    await createCatalogWaitForEntityAction({
      catalog,
      pollIntervalMs: 1,
    }).handler(ctx);

    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    expect(ctx.output).toHaveBeenCalledWith('available', true);
  });

  it('gives up after the timeout without failing the task, and says so', async () => {
    const catalog = catalogServiceMock({ entities: [] });
    const ctx = createMockActionContext({
      input: { entityRef: 'component:default/missing', timeoutSeconds: 1 },
    });
    const warn = jest.spyOn(ctx.logger, 'warn');

    await createCatalogWaitForEntityAction({
      catalog,
      pollIntervalMs: 100,
    }).handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('available', false);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('registered but the catalog has not processed'),
    );
  });
});
