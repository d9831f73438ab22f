import { z } from 'zod/v3';

const matchFields = {
  /**
   * Route as the stats endpoint names it, e.g.
   * `GET /api/v4/projects/:id/repository/tree`; omit for every request.
   */
  route: z.string().min(1).optional(),
  /** Only requests whose `page` query parameter equals this. */
  page: z.number().int().positive().optional(),
  /** Let this many matching requests through before firing. */
  skip: z.number().int().nonnegative().optional(),
  /** Fire this many times, then stop; omit to fire on every match. */
  times: z.number().int().positive().optional(),
  /**
   * Fire on every n-th matching request only (after `skip`), e.g. 10 for a
   * deterministic 10% failure rate.
   */
  every: z.number().int().positive().optional(),
};

export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('latency'),
    ms: z.number().int().nonnegative().max(60_000),
    ...matchFields,
  }),
  z.object({
    kind: z.literal('rateLimit'),
    retryAfterSeconds: z.number().int().nonnegative().max(3600).default(1),
    ...matchFields,
  }),
  z.object({
    kind: z.literal('error'),
    status: z
      .union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)])
      .default(500),
    ...matchFields,
  }),
  /** Closes the socket without answering, like a crashed proxy. */
  z.object({ kind: z.literal('drop'), ...matchFields }),
]);

export const faultsSchema = z
  .object({
    /** Added to every request before anything else happens. */
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
    rules: z.array(faultRuleSchema).optional(),
  })
  .strict();

export type FaultRule = z.input<typeof faultRuleSchema>;
export type Faults = z.input<typeof faultsSchema>;
type ParsedRule = z.output<typeof faultRuleSchema>;

/** What to do with one request: wait, then maybe fail it. */
export interface FaultDecision {
  delayMs: number;
  failure?:
    | { kind: 'rateLimit'; retryAfterSeconds: number }
    | { kind: 'error'; status: number }
    | { kind: 'drop' };
}

/** Describes where validation failed, e.g. `rules.0.status: Invalid input`. */
export function describeFaultsError(error: z.ZodError): string {
  return error.issues
    .map(issue => `${issue.path.join('.') || 'faults'}: ${issue.message}`)
    .join('; ');
}

/**
 * Decides which configured faults apply to a request. Rules are checked in
 * order; latency rules add up, and the first failing rule wins.
 */
export class FaultInjector {
  private latencyMs = 0;
  private rules: Array<{ rule: ParsedRule; seen: number; fired: number }> = [];

  constructor(faults?: Faults) {
    if (faults) this.set(faults);
  }

  /** Replaces the current faults; throws a ZodError naming the bad field. */
  set(faults: Faults): void {
    const parsed = faultsSchema.parse(faults);
    this.latencyMs = parsed.latencyMs ?? 0;
    this.rules = (parsed.rules ?? []).map(rule => ({
      rule,
      seen: 0,
      fired: 0,
    }));
  }

  current(): Faults {
    return {
      latencyMs: this.latencyMs,
      rules: this.rules.map(entry => ({ ...entry.rule })),
    };
  }

  decide(route: string, query: URLSearchParams): FaultDecision {
    const decision: FaultDecision = { delayMs: this.latencyMs };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.route && rule.route !== '*' && rule.route !== route) continue;
      if (rule.page !== undefined && query.get('page') !== String(rule.page))
        continue;
      entry.seen += 1;
      if (rule.skip !== undefined && entry.seen <= rule.skip) continue;
      if (
        rule.every !== undefined &&
        (entry.seen - (rule.skip ?? 0)) % rule.every !== 0
      )
        continue;
      if (rule.times !== undefined && entry.fired >= rule.times) continue;
      if (rule.kind !== 'latency' && decision.failure) continue;
      entry.fired += 1;
      if (rule.kind === 'latency') decision.delayMs += rule.ms;
      else if (rule.kind === 'rateLimit') {
        decision.failure = {
          kind: 'rateLimit',
          retryAfterSeconds: rule.retryAfterSeconds,
        };
      } else if (rule.kind === 'error')
        decision.failure = { kind: 'error', status: rule.status };
      else decision.failure = { kind: 'drop' };
    }
    return decision;
  }
}
