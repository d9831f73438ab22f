import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  CheckMetadata,
  checkSourceLabel,
  CheckResult,
} from '@internal/plugin-python-stewardship-common';
import type { z as zod } from 'zod/v3';
import { ConformanceStore } from '../database/ConformanceStore';

export interface ConformanceActionsOptions {
  actionsRegistry: ActionsRegistryService;
  store: ConformanceStore;
  /** The rule pack's metadata, with the organisation's own checks. */
  rules: readonly CheckMetadata[];
  /** The portal's frontend base URL (`app.baseUrl`), for handbook links. */
  appBaseUrl: string;
}

const LEVELS = ['bronze', 'silver', 'gold', 'none'] as const;

/**
 * Read-only actions for agents (exposed as MCP tools by
 * `@backstage/plugin-mcp-actions-backend`). They run with the caller's
 * credentials, read the same store as the REST API, and change nothing.
 */
export function registerConformanceActions(options: ConformanceActionsOptions) {
  const { actionsRegistry, store, rules, appBaseUrl } = options;
  const ruleById = new Map(rules.map(rule => [rule.id.toUpperCase(), rule]));
  const handbookUrl = (docs: { page: string; anchor: string }) =>
    `${appBaseUrl.replace(/\/$/, '')}/python-guidelines/${docs.page}#${
      docs.anchor
    }`;
  const handbookUrlOf = (docs: string) => {
    const [page, anchor] = docs.split('#');
    return handbookUrl({ page, anchor: anchor ?? '' });
  };

  /** Reads need a signed-in person or a service (like the REST API's reads). */
  const requireCaller = (credentials: BackstageCredentials) => {
    if ((credentials.principal as { type?: string }).type === 'none') {
      throw new NotAllowedError('Sign in to read conformance results');
    }
  };

  const knownRule = (checkId: string) => {
    const rule = ruleById.get(checkId.trim().toUpperCase());
    if (!rule) {
      throw new InputError(
        `${checkId} is not a check of the rule pack; check ids look like PYG-014 (see the explain-check action or GET /api/python-stewardship/rules)`,
      );
    }
    return rule;
  };

  const toEntityRef = (value: string) => {
    const ref = value.trim().toLocaleLowerCase('en-US');
    if (/^[a-z0-9_.-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/.test(ref)) return ref;
    if (/^[a-z0-9_.-]+$/.test(ref)) return `component:default/${ref}`;
    throw new InputError(
      `${value} is not an entity ref; use one like component:default/payments-api (or just the name, payments-api)`,
    );
  };

  const toGroupRef = (value: string) => {
    const ref = value.trim().toLocaleLowerCase('en-US');
    if (ref.includes(':')) return ref;
    return `group:default/${ref.replace(/^default\//, '')}`;
  };

  actionsRegistry.register({
    name: 'list-failing-codebases',
    title: 'List Python codebases failing the guidelines',
    description: `Lists Python codebases in the portal with their conformance to the Python guidelines: score (0-100), level reached (bronze, silver, gold or none) and the ids of the checks they fail.
Filter by one failing check id (e.g. PYG-014), by owner group (e.g. group:default/ai-framework or just ai-framework) and/or by level. Without filters it lists every codebase, lowest score first.
Use it to answer questions like "which codebases fail PYG-014?", "how is team X doing?" or "which services have not reached bronze?". Use explain-codebase-conformance for one codebase's details and explain-check for what a check id means.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          checkId: z
            .string()
            .optional()
            .describe(
              'Only codebases where this check fails, a rule id like PYG-014',
            ),
          owner: z
            .string()
            .optional()
            .describe(
              'Only codebases owned by this group, an entity ref like group:default/ai-framework or the group name',
            ),
          level: z
            .enum(LEVELS)
            .optional()
            .describe(
              'Only codebases at this level; "none" means scanned but no level reached',
            ),
          limit: z
            .number()
            .int()
            .min(1)
            .max(200)
            .optional()
            .describe('At most this many rows (1-200, default 50)'),
        }),
      output: z =>
        z.object({
          totalCount: z
            .number()
            .describe('How many codebases match (may exceed the rows listed)'),
          items: z.array(
            z.object({
              entityRef: z
                .string()
                .describe('Catalog entity ref, e.g. component:default/x'),
              name: z.string(),
              owner: z.string().nullable().describe('Owner group entity ref'),
              projectPath: z.string().nullable().describe('GitLab path'),
              score: z
                .number()
                .nullable()
                .describe('0-100, null before the first scan'),
              level: z
                .string()
                .nullable()
                .describe('bronze, silver, gold, none, or null if unscanned'),
              failingChecks: z
                .array(z.string())
                .describe('Ids of failing checks'),
              lastScanAt: z.string().nullable(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      requireCaller(credentials);
      const page = await store.listCodebases({
        failingCheck: input.checkId ? knownRule(input.checkId).id : undefined,
        owner: input.owner ? toGroupRef(input.owner) : undefined,
        level: input.level,
        sort: 'score',
        order: 'asc',
        limit: input.limit ?? 50,
      });
      return {
        output: {
          totalCount: page.totalCount,
          items: page.items.map(row => ({
            entityRef: row.entityRef,
            name: row.name,
            owner: row.owner,
            projectPath: row.projectPath,
            score: row.score,
            level: row.level,
            failingChecks: row.failingChecks,
            lastScanAt: row.lastScanAt,
          })),
        },
      };
    },
  });

  const failingCheckSchema = (z: typeof zod) =>
    z.object({
      checkId: z.string(),
      title: z.string(),
      message: z.string().describe('What the scan found'),
      location: z
        .string()
        .optional()
        .describe('File (and line) the finding is about'),
      advisory: z
        .boolean()
        .describe('Reported but not counted in the score or level'),
      howToFix: z.string().optional(),
      handbookUrl: z.string().describe('Handbook section explaining the rule'),
    });

  actionsRegistry.register({
    name: 'explain-codebase-conformance',
    title: "Explain one Python codebase's conformance",
    description: `Explains how one Python codebase conforms to the Python guidelines, from its newest scan: score (0-100), level reached, each failing check with the scan's message, the file it is about, how to fix it and a handbook link, plus exemptions and the levels not yet reached with what they miss.
Give the catalog entity ref (e.g. component:default/ai-gateway) or just the component name. Use list-failing-codebases first if you do not know the name.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The codebase, e.g. component:default/ai-gateway, or just ai-gateway',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          projectPath: z.string().nullable(),
          projectWebUrl: z.string().nullable(),
          scanned: z.boolean().describe('false before the first scan'),
          score: z.number().nullable(),
          level: z.string().nullable(),
          repositoryType: z.string().nullable(),
          scannedAt: z.string().nullable(),
          commitId: z.string().nullable(),
          failingChecks: z.array(failingCheckSchema(z)),
          levelsNotReached: z.array(
            z.object({
              level: z.string(),
              missing: z
                .array(z.string())
                .describe('Check ids that must pass to reach it'),
            }),
          ),
          exemptions: z.array(
            z.object({
              checkId: z.string(),
              state: z.string(),
              reason: z.string(),
              expiresAt: z.string(),
            }),
          ),
          lastError: z
            .string()
            .nullable()
            .describe('Why the last scan attempt failed, if it did'),
          localCommand: z
            .string()
            .describe('Command that runs the same checks in a checkout'),
        }),
    },
    action: async ({ input, credentials }) => {
      requireCaller(credentials);
      const entityRef = toEntityRef(input.entityRef);
      const codebase = await store.getCodebase(entityRef);
      if (!codebase) {
        throw new NotFoundError(
          `${entityRef} is not a Python codebase the portal knows; use list-failing-codebases to see the known ones`,
        );
      }
      const [scan, exemptions] = await Promise.all([
        store.latestResult(entityRef, 'scan'),
        store.listExemptions(entityRef),
      ]);
      const report = scan?.report;
      const failing = (report?.results ?? []).filter(
        (result: CheckResult) => result.status === 'fail',
      );
      return {
        output: {
          entityRef,
          projectPath: codebase.projectPath,
          projectWebUrl: codebase.project.webUrl,
          scanned: Boolean(report),
          score: report?.score ?? null,
          level: report ? report.level ?? 'none' : null,
          repositoryType: report?.repositoryType ?? codebase.type ?? null,
          scannedAt: scan?.createdAt ?? null,
          commitId: scan?.commitId ?? null,
          failingChecks: failing.map((result: CheckResult) => ({
            checkId: result.id,
            title: result.title,
            message: result.message,
            ...(result.location
              ? {
                  location: result.location.line
                    ? `${result.location.path}:${result.location.line}`
                    : result.location.path,
                }
              : {}),
            advisory: result.advisory,
            howToFix: ruleById.get(result.id)?.fix.summary,
            handbookUrl: handbookUrlOf(result.docs),
          })),
          levelsNotReached: (report?.levels ?? [])
            .filter(level => !level.reached)
            .map(level => ({ level: level.id, missing: level.missing })),
          exemptions: exemptions.map(exemption => ({
            checkId: exemption.checkId,
            state: exemption.state,
            reason: exemption.reason,
            expiresAt: exemption.expiresAt,
          })),
          lastError: codebase.lastError?.message ?? null,
          localCommand: `npx python-conformance check .${
            codebase.type ? ` --type ${codebase.type}` : ''
          }`,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'explain-check',
    title: 'Explain a Python guidelines check',
    description: `Explains one check (rule) of the Python guidelines rule pack by its id, e.g. PYG-014: its title, why the rule exists, how to fix a failure (with an example file snippet when there is one), whose rule it is, which repository types it applies to, its weight in the score and a link to the handbook section.
Use it when a codebase report or list names a check id and you need to say what it means or how to fix it.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          checkId: z.string().describe('A rule id like PYG-014'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          family: z.string(),
          why: z.string().describe('The rationale of the rule'),
          howToFix: z.string(),
          snippet: z
            .object({
              path: z.string(),
              language: z.string(),
              content: z.string(),
            })
            .optional()
            .describe('Example to copy into the named file'),
          source: z.string().describe('Whose rule it is, e.g. Python guide'),
          advisory: z
            .boolean()
            .describe('Reported only; does not lower the score by default'),
          weight: z.number().describe('Share of the score, 1-3'),
          appliesTo: z.array(z.string()).describe('Repository types'),
          requires: z.array(z.string()).describe('Checks that must pass first'),
          handbookUrl: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      requireCaller(credentials);
      const rule = knownRule(input.checkId);
      return {
        output: {
          id: rule.id,
          title: rule.title,
          family: rule.family,
          why: rule.rationale,
          howToFix: rule.fix.summary,
          ...(rule.fix.snippet ? { snippet: { ...rule.fix.snippet } } : {}),
          source: checkSourceLabel(rule.source),
          advisory: rule.advisory,
          weight: rule.weight,
          appliesTo: [...rule.appliesTo],
          requires: [...rule.requires],
          handbookUrl: handbookUrl(rule.docs),
        },
      };
    },
  });
}
