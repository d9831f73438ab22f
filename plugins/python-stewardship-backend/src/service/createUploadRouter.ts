import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  checkFamilies,
  repositoryTypes,
  ruleCatalog,
  type ConformanceReport,
} from '@internal/plugin-python-stewardship-common';
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
const levelIds = ['bronze', 'silver', 'gold'] as const;
const statuses = ['pass', 'fail', 'skip', 'error', 'exempt'] as const;
const count = z.number().int().min(0);

/** The CLI's `--format json` (conformanceReportJsonSchema in -common), as zod. */
const reportSchema = z
  .object(
    {
      schemaVersion: z.literal(1, {
        errorMap: () => ({
          message:
            'must be 1 (this portal reads version 1 reports; update python-conformance)',
        }),
      }),
      commitId: z.string().max(100).optional(),
      projectRoot: z.string().max(1000),
      projectRootReason: z.string().max(2000).optional(),
      repositoryType: z.enum(repositoryTypes),
      classification: z
        .object({
          type: z.enum(repositoryTypes),
          source: z.enum(['option', 'annotation', 'pyproject', 'detected']),
          // Optional: reports of CLIs older than the confidence field.
          confidence: z.enum(['high', 'medium', 'low']).optional(),
          evidence: z
            .array(
              z
                .object({
                  fact: z.string().min(1).max(2000),
                  path: z.string().max(1000).optional(),
                })
                .strict(),
            )
            .max(50)
            .optional(),
          reasons: z.array(z.string().max(2000)).max(50),
          closeCall: z
            .object({
              alternative: z.enum(repositoryTypes),
              reason: z.string().max(2000),
            })
            .strict()
            .optional(),
        })
        .strict(),
      results: z
        .array(
          z
            .object({
              id: z.string().refine(
                id => checkIds.has(id),
                id => ({
                  message: `${id} is not a check of the portal's rule pack (see GET /rules); upgrade python-conformance or the portal so both use the same rule pack`,
                }),
              ),
              title: z.string().min(1).max(500),
              family: z.enum(
                checkFamilies.map(f => f.id) as [string, ...string[]],
              ),
              status: z.enum(statuses),
              message: z.string().min(1).max(10_000),
              location: z
                .object({
                  path: z.string().max(1000),
                  line: z.number().int().min(1).optional(),
                })
                .strict()
                .optional(),
              docs: z.string().max(500),
              weight: z.number().int().min(1).max(3),
              advisory: z.boolean(),
              source: z
                .enum([
                  'python-guide',
                  'code-review-guidelines',
                  'working-group',
                  'portal-default',
                ])
                .optional(),
              blockedBy: z.array(z.string().max(20)).max(100),
            })
            .strict(),
        )
        .min(1, 'must list at least one check result')
        .max(500),
      score: z
        .number({ invalid_type_error: 'must be a number from 0 to 100' })
        .int()
        .min(0, 'must be from 0 to 100')
        .max(100, 'must be from 0 to 100'),
      level: z.enum(levelIds).nullable(),
      levels: z
        .array(
          z
            .object({
              id: z.enum(levelIds),
              title: z.string().max(100),
              reached: z.boolean(),
              missing: z.array(z.string().max(20)).max(500),
            })
            .strict(),
        )
        .max(10),
      counts: z
        .object({
          pass: count,
          fail: count,
          skip: count,
          error: count,
          exempt: count,
          total: count,
        })
        .strict(),
      warnings: z.array(z.string().max(2000)).max(200),
    },
    {
      required_error:
        'is required: the JSON report of `python-conformance check --format json`',
      invalid_type_error:
        'must be the JSON report of `python-conformance check --format json`',
    },
  )
  .strict();

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
    report: reportSchema,
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
    const report = body.report as ConformanceReport;
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
