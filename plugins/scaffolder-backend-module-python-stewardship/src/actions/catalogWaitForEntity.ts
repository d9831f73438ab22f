import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './catalogWaitForEntity.examples';

/**
 * Waits until the catalog serves the entity `catalog:register` just added.
 *
 * Registration only records a location; the catalog processes it a few
 * seconds later. Without this step the task page's "Open in catalog" link,
 * clicked at once, shows "Entity not found" and does not recover.
 *
 * @public
 */
export function createCatalogWaitForEntityAction(options: {
  catalog: CatalogService;
  /** Between two looks at the catalog; tests shorten it. */
  pollIntervalMs?: number;
}) {
  const { catalog, pollIntervalMs = 1000 } = options;
  return createTemplateAction({
    id: 'python-stewardship:catalog:wait-for-entity',
    description:
      'Waits until the catalog serves a newly registered entity, so the task\'s "Open in catalog" link works when the task finishes. Gives up without failing after the timeout.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        // Optional: a dry run of catalog:register outputs no entity ref.
        entityRef: z =>
          z
            .string({ description: 'The entity ref catalog:register output' })
            .optional(),
        timeoutSeconds: z =>
          z
            .number({ description: 'How long to wait; default 60' })
            .int()
            .min(1)
            .max(600)
            .optional(),
      },
      output: {
        available: z =>
          z.boolean({ description: 'Whether the catalog served it in time' }),
      },
    },
    async handler(ctx) {
      const { entityRef, timeoutSeconds = 60 } = ctx.input;
      if (ctx.isDryRun || !entityRef) {
        ctx.logger.info(
          ctx.isDryRun
            ? `Dry run: would wait for ${
                entityRef ?? 'the entity'
              } in the catalog`
            : 'Nothing was registered, so there is nothing to wait for',
        );
        ctx.output('available', Boolean(ctx.isDryRun));
        return;
      }
      const credentials = await ctx.getInitiatorCredentials();
      const deadline = Date.now() + timeoutSeconds * 1000;
      for (;;) {
        if (await catalog.getEntityByRef(entityRef, { credentials })) {
          ctx.logger.info(`${entityRef} is in the catalog`);
          ctx.output('available', true);
          return;
        }
        if (Date.now() >= deadline || ctx.signal?.aborted) break;
        await new Promise(resolve => setTimeout(resolve, pollIntervalMs));
      }
      // The registration exists; the catalog will show it on its next pass.
      ctx.logger.warn(
        `${entityRef} is registered but the catalog has not processed it within ${timeoutSeconds} s; it appears on the catalog's next pass, usually within a few minutes.`,
      );
      ctx.output('available', false);
    },
  });
}
