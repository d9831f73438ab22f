import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CheckMetadata,
  CodebaseRow,
  conformanceRefreshPermission,
  EntityConformance,
  exemptionDecidePermission,
  exemptionRequestPermission,
  ruleCatalog,
} from '@internal/plugin-python-stewardship-common';
import express from 'express';
import { ConformanceStore } from '../database/ConformanceStore';
import { ConformanceScanner } from '../scan/ConformanceScanner';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { renderBadge } from './renderBadge';
import { toCsv } from './toCsv';
import {
  codebaseQuerySchema,
  exemptionDecisionSchema,
  exemptionRequestSchema,
  historyQuerySchema,
  parseInput,
} from './requestSchemas';

export interface RouterOptions {
  store: ConformanceStore;
  scanner: ConformanceScanner;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The person's own ref plus their groups' refs (ownership claims). */
  ownershipRefs: (
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => Promise<string[]>;
  publicBadges: boolean;
  /** The rule pack's metadata, with the organisation's own checks; the built-ins when absent. */
  rules?: readonly CheckMetadata[];
  /** Check every response against the OpenAPI spec (tests; off in production). */
  validateResponses?: boolean;
}

const CSV_COLUMNS: Array<[string, (row: CodebaseRow) => unknown]> = [
  ['entity_ref', r => r.entityRef],
  ['name', r => r.name],
  ['type', r => r.type],
  ['owner', r => r.owner],
  ['maintainers', r => r.maintainers.join(' ')],
  ['gitlab_project', r => r.projectPath],
  ['score', r => r.score],
  ['level', r => r.level],
  ['failing_checks', r => r.failingChecks.join(' ')],
  ['last_scan_at', r => r.lastScanAt],
  ['source', r => r.source],
];

/**
 * The conformance REST API (see `conformanceApi.ts` in -common for the
 * shapes). Reads need a signed-in person; refreshes and exemption decisions
 * go through the permission framework on the codebase's catalog entity.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, scanner, httpAuth, permissions } = options;
  // Typed by the OpenAPI spec (src/schema/openapi.yaml), which also serves
  // at /openapi.json. Requests are validated by the zod schemas in
  // requestSchemas.ts rather than the spec's validator: their messages name
  // each field in words (and check ids against the rule pack), which the
  // UI shows as they are. src/schema/openapi.test.ts checks that every
  // route is in the spec and that responses match it.
  const router = await createOpenApiRouter({
    middleware: [express.json({ limit: '5mb' })],
    validatorOptions: {
      validateRequests: false,
      validateResponses: options.validateResponses ?? false,
    },
  });

  // Handlers' requests are typed by the spec; these helpers take any of them.
  const userCredentials = (req: object) =>
    httpAuth.credentials(req as express.Request, { allow: ['user'] });

  const entityRefOf = (req: {
    params: { kind: string; namespace: string; name: string };
  }) =>
    `${req.params.kind}:${req.params.namespace}/${req.params.name}`.toLocaleLowerCase(
      'en-US',
    );

  async function knownCodebase(entityRef: string) {
    const codebase = await store.getCodebase(entityRef);
    if (!codebase) {
      throw new NotFoundError(
        `${entityRef} is not a Python codebase the portal knows (a Component tagged python or naming maintainers); new catalog entities appear after the next sweep`,
      );
    }
    return codebase;
  }

  async function allowed(
    permission:
      | typeof conformanceRefreshPermission
      | typeof exemptionDecidePermission,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async function entityConformance(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityConformance> {
    const codebase = await knownCodebase(entityRef);
    const [scan, upload, exemptions, canRefresh, canDecide] = await Promise.all(
      [
        store.latestResult(entityRef, 'scan'),
        store.latestResult(entityRef, 'upload'),
        store.listExemptions(entityRef),
        allowed(conformanceRefreshPermission, entityRef, credentials),
        allowed(exemptionDecidePermission, entityRef, credentials),
      ],
    );
    return {
      entityRef,
      projectPath: codebase.projectPath,
      projectWebUrl: codebase.project.webUrl,
      defaultBranch: codebase.project.defaultBranch,
      scan,
      upload,
      exemptions,
      lastError: codebase.lastError,
      viewer: { canRefresh, canDecideExemptions: canDecide },
      localCommand: `npx python-conformance check .${
        codebase.type ? ` --type ${codebase.type}` : ''
      }`,
    };
  }

  async function listQuery(req: { query: unknown }) {
    const credentials = await userCredentials(req);
    const { member, ...query } = parseInput(
      codebaseQuerySchema,
      req.query,
      'codebase query',
    );
    let memberRefs: string[] | undefined;
    if (member) {
      if (
        member.toLocaleLowerCase('en-US') !==
        credentials.principal.userEntityRef.toLocaleLowerCase('en-US')
      ) {
        throw new NotAllowedError(
          'member can only be the signed-in person (their own and their teams’ codebases)',
        );
      }
      memberRefs = await options.ownershipRefs(credentials);
    }
    return {
      ...query,
      // A lookup by refs returns every match unless a page size is given.
      limit: query.limit ?? query.entityRefs?.length,
      memberRefs,
    };
  }

  router.get('/summary', async (req, res) => {
    await userCredentials(req);
    res.json(await store.summary());
  });

  router.get('/codebases', async (req, res) => {
    res.json(await store.listCodebases(await listQuery(req)));
  });

  router.get('/codebases.csv', async (req, res) => {
    const query = await listQuery(req);
    const rows: CodebaseRow[] = [];
    for await (const row of store.allCodebases(query)) rows.push(row);
    res
      .type('text/csv')
      .setHeader(
        'content-disposition',
        'attachment; filename="python-codebases.csv"',
      )
      .send(toCsv(CSV_COLUMNS, rows));
  });

  router.get('/rules', async (req, res) => {
    await userCredentials(req);
    res.json({
      items: (options.rules ?? ruleCatalog).map(rule => ({
        ...rule,
        appliesTo: [...rule.appliesTo],
        requires: [...rule.requires],
      })),
    });
  });

  router.get('/entities/:kind/:namespace/:name/report', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(await entityConformance(entityRefOf(req), credentials));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    await userCredentials(req);
    const entityRef = entityRefOf(req);
    await knownCodebase(entityRef);
    const { days } = parseInput(historyQuerySchema, req.query, 'history query');
    res.json(
      await store.history(
        entityRef,
        new Date(Date.now() - (days ?? 365) * 24 * 3600 * 1000),
      ),
    );
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await userCredentials(req);
    const entityRef = entityRefOf(req);
    await knownCodebase(entityRef);
    if (
      !(await allowed(conformanceRefreshPermission, entityRef, credentials))
    ) {
      throw new NotAllowedError(
        `Only the owners and maintainers of ${entityRef} (or portal admins) may rescan it`,
      );
    }
    await scanner.refresh(entityRef);
    res.json(await entityConformance(entityRef, credentials));
  });

  router.get(
    '/entities/:kind/:namespace/:name/exemptions',
    async (req, res) => {
      await userCredentials(req);
      const entityRef = entityRefOf(req);
      await knownCodebase(entityRef);
      res.json({ items: await store.listExemptions(entityRef) });
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/exemptions',
    async (req, res) => {
      const credentials = await userCredentials(req);
      const entityRef = entityRefOf(req);
      await knownCodebase(entityRef);
      const input = parseInput(
        exemptionRequestSchema,
        req.body,
        'exemption request',
      );
      const [decision] = await permissions.authorize(
        [{ permission: exemptionRequestPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          'This sign-in may only read; sign in with GitLab to ask for an exemption',
        );
      }
      const exemption = await store.createExemption({
        entityRef,
        checkId: input.checkId,
        reason: input.reason,
        expiresAt: input.expiresAt.toISOString(),
        requestedBy: credentials.principal.userEntityRef,
      });
      res.status(201).json(exemption);
    },
  );

  router.post('/exemptions/:id/decision', async (req, res) => {
    const credentials = await userCredentials(req);
    const input = parseInput(
      exemptionDecisionSchema,
      req.body,
      'exemption decision',
    );
    const exemption = await store.getExemption(req.params.id);
    if (
      !(await allowed(
        exemptionDecidePermission,
        exemption.entityRef,
        credentials,
      ))
    ) {
      throw new NotAllowedError(
        `Only the owners and maintainers of ${exemption.entityRef} (or portal admins) may decide on its exemptions`,
      );
    }
    const decided = await store.decideExemption(
      exemption.id,
      input.decision,
      credentials.principal.userEntityRef,
      input.comment,
    );
    // The score changes only through a scan, which applies approved exemptions.
    await scanner.refresh(exemption.entityRef);
    res.json(decided);
  });

  router.get('/badges/:kind/:namespace/:file', async (req, res) => {
    if (!options.publicBadges) await userCredentials(req);
    const match = /^(.+)\.svg$/.exec(req.params.file);
    if (!match) throw new NotFoundError('Badges end in .svg');
    const entityRef =
      `${req.params.kind}:${req.params.namespace}/${match[1]}`.toLocaleLowerCase(
        'en-US',
      );
    await knownCodebase(entityRef);
    const scan = await store.latestResult(entityRef, 'scan');
    res
      .type('image/svg+xml')
      .setHeader('cache-control', 'max-age=300')
      .send(
        renderBadge(
          scan ? { score: scan.report.score, level: scan.report.level } : null,
        ),
      );
  });

  return router;
}
