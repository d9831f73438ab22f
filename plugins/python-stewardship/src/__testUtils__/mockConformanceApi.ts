import type { PythonStewardshipApi } from '../api';
import { gatewayRow, page, report, summary } from './conformanceFixtures';

/** A conformance API answering from the fixtures; override methods per test. */
export function mockConformanceApi(
  overrides: Partial<PythonStewardshipApi> = {},
): PythonStewardshipApi {
  return {
    getSummary: jest.fn(async () => summary),
    listCodebases: jest.fn(async query =>
      page(
        [gatewayRow].filter(
          row =>
            (!query.q || row.name.includes(query.q)) &&
            (!query.entityRefs ||
              query.entityRefs.some(
                ref => ref.toLowerCase() === row.entityRef.toLowerCase(),
              )),
        ),
      ),
    ),
    exportCodebasesCsv: jest.fn(async () => new Blob(['name\n'])),
    getReport: jest.fn(async () => report()),
    getHistory: jest.fn(async () => ({ points: [] })),
    refresh: jest.fn(async () => report()),
    requestExemption: jest.fn(),
    decideExemption: jest.fn(),
    getDiscoveryStatus: jest.fn(async () => null),
    ...overrides,
  };
}
