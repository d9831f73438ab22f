import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  CodebasePage,
  CodebaseQuery,
  DiscoveryStatus,
  EntityConformance,
  Exemption,
  ExemptionDecision,
  ExemptionRequest,
  OrganisationSummary,
  ScoreHistory,
} from '@internal/plugin-python-stewardship-common/browser';

/** The conformance service's API (`/api/python-stewardship`), as the browser uses it. */
export interface PythonStewardshipApi {
  getSummary(): Promise<OrganisationSummary>;
  listCodebases(query: CodebaseQuery): Promise<CodebasePage>;
  /** The CSV of every row matching the query, fetched with the user's token. */
  exportCodebasesCsv(query: CodebaseQuery): Promise<Blob>;
  getReport(entityRef: string): Promise<EntityConformance>;
  getHistory(entityRef: string, days?: number): Promise<ScoreHistory>;
  refresh(entityRef: string): Promise<EntityConformance>;
  requestExemption(
    entityRef: string,
    request: ExemptionRequest,
  ): Promise<Exemption>;
  decideExemption(id: string, decision: ExemptionDecision): Promise<Exemption>;
  /** How GitLab discovery ran; `null` for people who may not see it (not admins). */
  getDiscoveryStatus(): Promise<DiscoveryStatus | null>;
}

/** @public */
export const pythonStewardshipApiRef =
  createApiRef<PythonStewardshipApi>().with({
    id: 'plugin.python-stewardship',
    pluginId: 'python-stewardship',
  });
