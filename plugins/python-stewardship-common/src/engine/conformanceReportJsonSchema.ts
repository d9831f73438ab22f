/**
 * JSON Schema (draft 2020-12) of a serialised `ConformanceReport`: the
 * CLI's `--format json`, and what a CI job would push to the portal. The CLI
 * tests validate real reports against it.
 *
 * @public
 */
export const conformanceReportJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://python-stewardship.internal/schemas/conformance-report-v1.json',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'projectRoot',
    'repositoryType',
    'classification',
    'results',
    'score',
    'level',
    'levels',
    'counts',
    'warnings',
  ],
  properties: {
    schemaVersion: { const: 1 },
    commitId: { type: 'string' },
    projectRoot: { type: 'string' },
    projectRootReason: { type: 'string' },
    repositoryType: { enum: ['service', 'utility', 'library'] },
    classification: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'source', 'confidence', 'evidence', 'reasons'],
      properties: {
        type: { enum: ['service', 'utility', 'library'] },
        source: { enum: ['option', 'annotation', 'pyproject', 'detected'] },
        confidence: { enum: ['high', 'medium', 'low'] },
        evidence: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['fact'],
            properties: {
              fact: { type: 'string', minLength: 1 },
              path: { type: 'string' },
            },
          },
        },
        reasons: { type: 'array', items: { type: 'string' } },
        closeCall: {
          type: 'object',
          additionalProperties: false,
          required: ['alternative', 'reason'],
          properties: {
            alternative: { enum: ['service', 'utility', 'library'] },
            reason: { type: 'string' },
          },
        },
      },
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'family',
          'status',
          'message',
          'docs',
          'weight',
          'advisory',
          'blockedBy',
        ],
        properties: {
          id: { type: 'string', pattern: '^PYG-\\d{3}$' },
          title: { type: 'string', minLength: 1 },
          family: { type: 'string' },
          status: { enum: ['pass', 'fail', 'skip', 'error', 'exempt'] },
          message: { type: 'string', minLength: 1 },
          location: {
            type: 'object',
            additionalProperties: false,
            required: ['path'],
            properties: {
              path: { type: 'string' },
              line: { type: 'integer', minimum: 1 },
            },
          },
          docs: { type: 'string', pattern: '^[a-z-]+#[a-z0-9-]+$' },
          weight: { type: 'integer', minimum: 1, maximum: 3 },
          advisory: { type: 'boolean' },
          source: {
            enum: [
              'python-guide',
              'code-review-guidelines',
              'working-group',
              'portal-default',
            ],
          },
          blockedBy: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    score: { type: 'integer', minimum: 0, maximum: 100 },
    level: { enum: ['bronze', 'silver', 'gold', null] },
    levels: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'reached', 'missing'],
        properties: {
          id: { enum: ['bronze', 'silver', 'gold'] },
          title: { type: 'string' },
          reached: { type: 'boolean' },
          missing: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    counts: {
      type: 'object',
      additionalProperties: false,
      required: ['pass', 'fail', 'skip', 'error', 'exempt', 'total'],
      properties: Object.fromEntries(
        ['pass', 'fail', 'skip', 'error', 'exempt', 'total'].map(key => [
          key,
          { type: 'integer', minimum: 0 },
        ]),
      ),
    },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;
