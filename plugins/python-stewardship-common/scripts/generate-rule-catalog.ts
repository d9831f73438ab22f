/*
 * Writes src/browser/ruleCatalog.generated.ts: the rule pack's metadata
 * (everything but `evaluate`) as plain data, so the browser entry
 * (`@internal/plugin-python-stewardship-common/browser`) carries no engine,
 * parsers or rule code. Run after changing a rule's metadata:
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs plugins/python-stewardship-common/scripts/generate-rule-catalog.ts
 *
 * src/browser/ruleCatalog.generated.test.ts fails while the file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderRuleCatalogModule } from '../src/browser/renderRuleCatalogModule';
import { ruleCatalog } from '../src/checks/checks';
import { conformanceLevels } from '../src/scoring/levels';

const target = path.resolve(
  __dirname,
  '../src/browser/ruleCatalog.generated.ts',
);
fs.writeFileSync(
  target,
  renderRuleCatalogModule(ruleCatalog, conformanceLevels),
);
process.stdout.write(`wrote ${target}\n`);
