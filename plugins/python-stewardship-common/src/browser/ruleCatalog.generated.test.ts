import { ruleCatalog as engineRuleCatalog } from '../checks/checks';
import { conformanceLevels as engineLevels } from '../scoring/levels';
import { conformanceLevels, ruleCatalog } from './ruleCatalog.generated';

describe('ruleCatalog.generated', () => {
  it('is the rule pack without evaluate (regenerate with scripts/generate-rule-catalog.ts)', () => {
    expect(ruleCatalog).toEqual(engineRuleCatalog);
    expect(conformanceLevels).toEqual(engineLevels);
  });
});
