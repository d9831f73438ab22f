import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  conformanceReportJsonSchema,
  ruleCatalog,
  type ConformanceReport,
} from '@internal/plugin-python-stewardship-common';
import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import { ConformanceStore } from '../database/ConformanceStore';
import { parseInput } from './requestSchemas';

/** `POST /uploads` answers 201 with this. */
export interface UploadResponse {
  id: string;
  entityRef: string;
  source: 'ci-upload';
  createdAt: string;
}

export interface UploadRouterOptions {
  store: Pick<
    ConformanceStore,
    'getCodebase' | 'findByProjectPath' | 'recordResult'
  >;
  httpAuth: HttpAuthService;
  logger?: LoggerService;
}

/** Stored when the upload does not say which rule pack made the report. */
export const UNKNOWN_UPLOAD_RULE_PACK = 'ci-upload';

/**
 * External access (backend.auth.externalAccess) gives JWKS and legacy
 * tokens an `external:` subject; static tokens carry the configured subject,
 * which must then start with `external:` too. Plugin-to-plugin tokens are
 * `plugin:<id>` and never count as CI.
 */
const EXTERNAL_SUBJECT_PREFIX = 'external:';

const checkIds = new Set(ruleCatalog.map(rule => rule.id));

/** Size limits of an upload, on top of the report format itself. */
const MAX_STRING = 10_000;
const MAX_ITEMS = 500;

type JsonSchema = { [key: string]: unknown };

/**
 * The shared report schema (`conformanceReportJsonSchema` in -common, which
 * the CLI's tests hold its reports to) with what an upload adds: every
 * string and list gets a size limit, a report lists at least one result,
 * and `classification.confidence` and `evidence` may be absent, as in the
 * reports of CLIs older than those fields.
 */
function uploadReportSchema(schema: JsonSchema): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const copy: JsonSchema = Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, walk(value)]),
    );
    if (copy.type === 'string') copy.maxLength ??= MAX_STRING;
    if (copy.type === 'array') copy.maxItems ??= MAX_ITEMS;
    return copy;
  };
  const derived = walk(schema) as JsonSchema & {
    properties: Record<string, JsonSchema>;
  };
  const { classification, results } = derived.properties;
  classification.required = (classification.required as string[]).filter(
    key => key !== 'confidence' && key !== 'evidence',
  );
  results.minItems = 1;
  return derived;
}

const validateReport = new Ajv2020({
  allErrors: true,
  strict: true,
  verbose: true,
}).compile(uploadReportSchema(conformanceReportJsonSchema));

const listValues = (values: unknown[]) =>
  values.map(value => (value === null ? 'null' : String(value))).join(', ');

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** One schema error in words, with the field's path from `report`. */
function describeReportError(error: ErrorObject): string {
  const path = ['report', ...error.instancePath.split('/').slice(1)].join('.');
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'required':
      return `${path}.${error.params.missingProperty} is required`;
    case 'additionalProperties':
      return `${path} has a field the report format does not know: ${error.params.additionalProperty}`;
    case 'enum':
      return `${path} must be one of: ${listValues(
        error.params.allowedValues,
      )}`;
    case 'const':
      return path === 'report.schemaVersion'
        ? `${path} must be 1 (this portal reads version 1 reports; update python-conformance)`
        : `${path} must be ${listValues([error.params.allowedValue])}`;
    case 'minimum':
    case 'maximum':
      return parent.minimum !== undefined && parent.maximum !== undefined
        ? `${path} must be from ${parent.minimum} to ${parent.maximum}`
        : `${path} ${error.message}`;
    case 'type':
      return `${path} must be ${
        TYPE_WORDS[error.params.type] ?? error.params.type
      }`;
    case 'minItems':
      return path === 'report.results'
        ? `${path} must list at least one check result`
        : `${path} must list at least ${error.params.limit}`;
    case 'maxItems':
      return `${path} may list at most ${error.params.limit}`;
    case 'minLength':
      return `${path} must not be empty`;
    case 'maxLength':
      return `${path} may be at most ${error.params.limit} characters`;
    case 'pattern':
      return `${path} must look like ${
        path.endsWith('.id') ? 'PYG-012' : `the pattern ${error.params.pattern}`
      }`;
    default:
      return `${path} ${error.message}`;
  }
}

/**
 * Checks a report against the shared schema and the portal's rule pack;
 * every problem in words, none when it is fine.
 */
export function reportProblems(report: unknown): string[] {
  const problems = validateReport(report)
    ? []
    : (validateReport.errors ?? []).map(describeReportError);
  const results = (report as { results?: unknown }).results;
  if (Array.isArray(results)) {
    results.forEach((result, index) => {
      const id = (result as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !checkIds.has(id)) {
        problems.push(
          `report.results.${index}.id ${id} is not a check of the portal's rule pack (see GET /rules); upgrade python-conformance or the portal so both use the same rule pack`,
        );
      }
    });
  }
  return problems;
}

export const uploadRequestSchema = z
  .object({
    entityRef: z
      .string()
      .regex(
        /^component:[a-z0-9_.-]+\/[a-z0-9_.-]+$/i,
        'must be a component entity ref like component:default/payments-api',
      )
      .optional(),
    projectPath: z
      .string()
      .regex(
        /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/,
        'must be a GitLab project path like payments/payments-api (CI_PROJECT_PATH)',
      )
      .max(500)
      .optional(),
    commitId: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/i, 'must be a git commit SHA (CI_COMMIT_SHA)')
      .optional(),
    rulePackVersion: z.string().min(1).max(100).optional(),
    // The envelope only; the report itself is held to the shared JSON
    // schema (reportProblems), in the same answer.
    report: z.record(z.unknown(), {
      required_error:
        'is required: the JSON report of `python-conformance check --format json`',
      invalid_type_error:
        'must be the JSON report of `python-conformance check --format json`',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.entityRef === undefined) === (body.projectPath === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'give exactly one of entityRef (e.g. component:default/payments-api) or projectPath (the GitLab project path, e.g. payments/payments-api)',
      });
    }
    for (const problem of body.report ? reportProblems(body.report) : []) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }
  });

/**
 * `POST /uploads`: a CI job's report from `python-conformance check
 * --upload`. Only external-access tokens (backend.auth.externalAccess) may
 * upload; results are stored with source `ci-upload`, shown beside the
 * portal's own scan and never replacing it.
 */
export async function createUploadRouter(
  options: UploadRouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, logger } = options;
  const router = Router();
  router.use(express.json({ limit: '5mb' }));

  async function resolveEntityRef(body: {
    entityRef?: string;
    projectPath?: string;
  }): Promise<string> {
    if (body.entityRef) {
      const entityRef = body.entityRef.toLocaleLowerCase('en-US');
      if (!(await store.getCodebase(entityRef))) {
        throw new NotFoundError(
          `${entityRef} is not a Python codebase the portal knows (a Component tagged python or naming maintainers); new catalog entities appear after the next sweep`,
        );
      }
      return entityRef;
    }
    const projectPath = body.projectPath!;
    const refs = await store.findByProjectPath(projectPath);
    if (refs.length === 0) {
      throw new NotFoundError(
        `No Python codebase the portal knows lives in the GitLab project ${projectPath}; register it in the catalog (or wait for the next sweep), or pass --entity`,
      );
    }
    if (refs.length > 1) {
      throw new InputError(
        `The GitLab project ${projectPath} holds several codebases (${refs
          .sort()
          .join(', ')}); say which with --entity`,
      );
    }
    return refs[0];
  }

  router.post('/uploads', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const subject = credentials.principal.subject;
    if (!subject.startsWith(EXTERNAL_SUBJECT_PREFIX)) {
      throw new NotAllowedError(
        `CI uploads need an external-access token (backend.auth.externalAccess, subject starting with "${EXTERNAL_SUBJECT_PREFIX}"); ${subject} may not upload`,
      );
    }
    const body = parseInput(uploadRequestSchema, req.body, 'upload');
    const entityRef = await resolveEntityRef(body);
    const report = body.report as unknown as ConformanceReport;
    const stored = await store.recordResult({
      entityRef,
      source: 'ci-upload',
      commitId: body.commitId ?? report.commitId ?? null,
      rulePackVersion: body.rulePackVersion ?? UNKNOWN_UPLOAD_RULE_PACK,
      report,
    });
    logger?.info(
      `CI upload for ${entityRef} from ${subject}: score ${
        report.score
      }, level ${report.level ?? 'none'}`,
    );
    const response: UploadResponse = {
      id: stored.id,
      entityRef,
      source: 'ci-upload',
      createdAt: stored.createdAt,
    };
    res.status(201).json(response);
  });

  return router;
}
