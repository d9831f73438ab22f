import { gatewayRow, page } from '../__testUtils__/conformanceFixtures';
import { mockConformanceApi } from '../__testUtils__/mockConformanceApi';
import { codebaseRowLoader, MAX_REFS_PER_REQUEST } from './codebaseRowLoader';

const refOf = (i: number) => `component:default/codebase-${i}`;

function apiAnsweringEveryRef() {
  return mockConformanceApi({
    listCodebases: jest.fn(async query =>
      page(
        (query.entityRefs ?? []).map(ref => ({
          ...gatewayRow,
          entityRef: ref,
          name: ref.replace(/^.*\//, ''),
        })),
      ),
    ),
  });
}

describe('codebaseRowLoader', () => {
  it('sends what is asked in one task as one request per 100 refs, each ref once', async () => {
    const api = apiAnsweringEveryRef();
    const loader = codebaseRowLoader(api);
    const refs = Array.from({ length: 150 }, (_, i) => refOf(i));
    const [rows, again] = await Promise.all([
      loader.loadMany(refs),
      loader.load('Component:Default/Codebase-7'),
    ]);
    expect(rows.size).toBe(150);
    expect(again?.entityRef).toBe(refOf(7));
    expect(api.listCodebases).toHaveBeenCalledTimes(2);
    const calls = (api.listCodebases as jest.Mock).mock.calls;
    expect(calls[0][0].entityRefs).toHaveLength(MAX_REFS_PER_REQUEST);
    expect(calls[1][0].entityRefs).toHaveLength(50);
    // The same loader for the same API: remembered, no new request.
    expect((await codebaseRowLoader(api).load(refOf(149)))?.name).toBe(
      'codebase-149',
    );
    expect(api.listCodebases).toHaveBeenCalledTimes(2);
  });

  it('answers undefined after a failed request, and asks again next time', async () => {
    const api = apiAnsweringEveryRef();
    (api.listCodebases as jest.Mock).mockRejectedValueOnce(new Error('503'));
    const loader = codebaseRowLoader(api);
    expect(await loader.load(refOf(1))).toBeUndefined();
    expect((await loader.load(refOf(1)))?.entityRef).toBe(refOf(1));
    expect(api.listCodebases).toHaveBeenCalledTimes(2);
  });
});
