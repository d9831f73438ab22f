import { z } from 'zod/v3';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { param } from '../http/params';
import { AccessLevel, ProjectVariable } from '../model/entities';

const createSchema = z.object({
  key: z.string().regex(/^[a-zA-Z0-9_]+$/),
  value: z.string(),
  variable_type: z.enum(['env_var', 'file']).optional(),
  protected: param.boolean().optional(),
  masked: param.boolean().optional(),
  masked_and_hidden: param.boolean().optional(),
  raw: param.boolean().optional(),
  environment_scope: z.string().optional(),
  description: z.string().optional(),
});

function variableJson(variable: ProjectVariable) {
  return {
    variable_type: variable.variableType,
    key: variable.key,
    value: variable.value,
    protected: variable.protected,
    masked: variable.masked,
    hidden: false,
    raw: variable.raw,
    environment_scope: variable.environmentScope,
    description: variable.description,
  };
}

/** CI/CD variables, which `publish:gitlab` creates from `projectVariables`. */
export const variableRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/variables',
    handler: async ctx =>
      ctx.paginated(
        ctx.projectWithAccess(AccessLevel.MAINTAINER).variables,
        variableJson,
      ),
  },
  {
    method: 'POST',
    pattern: '/projects/:id/variables',
    handler: async ctx => {
      const project = ctx.projectWithAccess(AccessLevel.MAINTAINER);
      const input = ctx.parse(createSchema);
      const scope = input.environment_scope ?? '*';
      if (
        project.variables.some(
          v => v.key === input.key && v.environmentScope === scope,
        )
      ) {
        throw GitlabError.badRequest({
          key: [`(${input.key}) has already been taken`],
        });
      }
      const variable: ProjectVariable = {
        key: input.key,
        value: input.value,
        variableType: input.variable_type ?? 'env_var',
        protected: input.protected ?? false,
        masked: input.masked ?? input.masked_and_hidden ?? false,
        raw: input.raw ?? false,
        environmentScope: scope,
        description: input.description ?? null,
      };
      project.variables.push(variable);
      return { status: 201, json: variableJson(variable) };
    },
  },
];
