import { filterRules } from './filterRules';
import { fixtureRules } from './ruleFixtures';

const ids = (filters: Parameters<typeof filterRules>[1]) =>
  filterRules(fixtureRules, filters).map(rule => rule.id);

describe('filterRules', () => {
  it('returns everything without filters', () => {
    expect(ids({ family: '', repositoryType: '', query: '' })).toEqual([
      'PYG-003',
      'PYG-015',
      'PYG-036',
      'PYG-043',
    ]);
  });

  it('filters by family and by repository type together', () => {
    expect(ids({ family: 'testing', repositoryType: '', query: '' })).toEqual([
      'PYG-015',
    ]);
    expect(ids({ family: '', repositoryType: 'library', query: '' })).toEqual([
      'PYG-003',
      'PYG-015',
      'PYG-043',
    ]);
    expect(
      ids({
        family: 'service-deployment',
        repositoryType: 'library',
        query: '',
      }),
    ).toEqual([]);
  });

  it('matches every word of the query in id, title, rationale or fix', () => {
    expect(ids({ family: '', repositoryType: '', query: 'pyg-04' })).toEqual([
      'PYG-043',
    ]);
    expect(
      ids({ family: '', repositoryType: '', query: 'PYTEST cov' }),
    ).toEqual(['PYG-015']);
    expect(ids({ family: '', repositoryType: '', query: 'non-root' })).toEqual([
      'PYG-036',
    ]);
  });
});
