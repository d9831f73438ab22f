import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './deriveValues.examples';
import {
  deriveTemplateValues,
  InvalidTemplateValuesError,
} from './templateValues';

/**
 * Validates a Python template's form values again on the server (API callers
 * skip the form) and derives package, distribution and version names once,
 * so every skeleton file agrees on them.
 *
 * @public
 */
export function createDeriveValuesAction() {
  return createTemplateAction({
    id: 'python-stewardship:values:derive',
    description:
      "Validates the Python templates' parameters and derives the package name, PyPI name, environment prefix and pinned Python versions.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        type: z =>
          z.string({ description: 'service, utility or library' }).min(1),
        name: z => z.string({ description: 'Repository and catalog name' }),
        description: z => z.string({ description: 'One-line description' }),
        owner: z => z.string({ description: 'Owning group entity ref' }),
        maintainers: z =>
          z.array(z.string(), { description: 'Maintainer user entity refs' }),
        pythonVersion: z =>
          z.string({ description: 'CPython minor, e.g. 3.12' }),
        repoUrl: z =>
          z
            .string({
              description:
                'RepoUrlPicker value; its project name must equal name',
            })
            .optional(),
      },
      output: {
        name: z => z.string(),
        description: z => z.string(),
        owner: z => z.string(),
        maintainers: z =>
          z.string({ description: 'Maintainer refs, comma separated' }),
        packageName: z => z.string({ description: 'Import name' }),
        distributionName: z => z.string({ description: 'PyPI name' }),
        envPrefix: z =>
          z.string({ description: 'Prefix of the environment variables' }),
        pythonVersion: z => z.string(),
        pythonPatch: z => z.string({ description: 'Pinned patch release' }),
        pythonUpperBound: z =>
          z.string({ description: 'Exclusive upper bound for services' }),
        ruffTarget: z => z.string({ description: 'e.g. py312' }),
        pythonDocstring: z =>
          z.string({
            description:
              'The description as a wrapped Python docstring literal',
          }),
        pythonMatrix: z =>
          z.string({
            description:
              'Supported minors from pythonVersion up, e.g. ["3.12", "3.13"]',
          }),
      },
    },
    async handler(ctx) {
      let values;
      try {
        values = deriveTemplateValues(ctx.input);
      } catch (error) {
        if (error instanceof InvalidTemplateValuesError) {
          throw new InputError(error.message);
        }
        throw error;
      }
      ctx.output('name', values.name);
      ctx.output('description', values.description);
      ctx.output('owner', values.owner);
      ctx.output('maintainers', values.maintainers);
      ctx.output('packageName', values.packageName);
      ctx.output('distributionName', values.distributionName);
      ctx.output('envPrefix', values.envPrefix);
      ctx.output('pythonVersion', values.pythonVersion);
      ctx.output('pythonPatch', values.pythonPatch);
      ctx.output('pythonUpperBound', values.pythonUpperBound);
      ctx.output('ruffTarget', values.ruffTarget);
      ctx.output('pythonMatrix', values.pythonMatrix);
      ctx.output('pythonDocstring', values.pythonDocstring);
    },
  });
}
