import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createMemorySnapshot,
  evaluateGate,
  evaluateRepository,
  repositoryTypes,
  StewardshipOptionsInput,
} from '@internal/plugin-python-stewardship-common';
import { examples } from './conformanceCheck.examples';
import { readWorkspaceFiles } from './readWorkspaceFiles';

/**
 * Runs the Python rule pack on files in the task workspace, so a template
 * cannot publish a codebase that breaks the guidelines it promises to follow.
 *
 * @public
 */
export function createConformanceCheckAction(
  options: {
    /** The organisation's options (`pythonStewardship.options`). */
    stewardship?: StewardshipOptionsInput;
  } = {},
) {
  return createTemplateAction({
    id: 'python-stewardship:conformance:check',
    description:
      'Evaluates a Python codebase in the workspace against the Python guidelines rule pack and fails when its score is below minimumScore.',
    examples,
    // Read-only, so dry runs exercise it too.
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Folder in the workspace that holds the repository, relative to the workspace root; defaults to the root',
            })
            .min(1)
            .optional(),
        minimumScore: z =>
          z
            .number({
              description:
                'Lowest acceptable score, 0 to 100; defaults to 100, which means no applicable check may fail',
            })
            .int()
            .min(0)
            .max(100)
            .optional(),
        type: z =>
          z
            .enum(repositoryTypes, {
              description:
                'Repository type to evaluate as; detected from the files when omitted',
            })
            .optional(),
      },
      output: {
        score: z => z.number({ description: 'Weighted score, 0 to 100' }),
        level: z =>
          z
            .enum(['bronze', 'silver', 'gold'], {
              description: 'Highest conformance level reached',
            })
            .nullable(),
        repositoryType: z =>
          z.enum(repositoryTypes, {
            description: 'Type the checks were chosen for',
          }),
        failures: z =>
          z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              status: z.string(),
              message: z.string(),
            }),
            { description: 'Checks that failed, errored or were blocked' },
          ),
      },
    },
    async handler(ctx) {
      // The runner validates input with JSON schema but applies no defaults.
      const { path = '.', minimumScore = 100, type } = ctx.input;
      const root = resolveSafeChildPath(ctx.workspacePath, path);
      const files = await readWorkspaceFiles(root);
      if (Object.keys(files).length === 0) {
        throw new InputError(
          `python-stewardship:conformance:check found no files in "${path}"; run fetch:template before this step`,
        );
      }
      const report = evaluateRepository(createMemorySnapshot(files), {
        type,
        stewardship: options.stewardship,
      });
      // The rule pack's one gate policy, the same the CLI's exit code uses.
      const gate = evaluateGate(report, { minimumScore });

      const failures = gate.blocking.map(result => ({
        id: result.id,
        title: result.title,
        status: result.status,
        message: result.message,
      }));
      for (const result of report.results) {
        if (result.status === 'exempt') {
          ctx.logger.info(`${result.id} is exempt: ${result.message}`);
        }
      }
      for (const warning of report.warnings) {
        ctx.logger.warn(warning);
      }
      ctx.logger.info(
        `Python conformance: ${report.repositoryType}, score ${
          report.score
        }, level ${report.level ?? 'none'}`,
      );
      ctx.output('score', report.score);
      ctx.output('level', report.level);
      ctx.output('repositoryType', report.repositoryType);
      ctx.output('failures', failures);

      if (!gate.passed) {
        const details =
          failures
            .map(f => `${f.id} ${f.title} (${f.status}): ${f.message}`)
            .join('; ') ||
          'none required; advisory checks lower the score (see the task log)';
        throw new InputError(
          `Python conformance score ${report.score} is below the minimum of ${minimumScore}. Failing checks: ${details}`,
        );
      }
    },
  });
}
