/*
 * Compares the engine's verdicts with the labelled corpus (labels.json).
 * Needs the checkouts on disk (one folder per label id, each a git work tree,
 * because the snapshot lists files with git ls-files); absent ones are
 * skipped with a line saying so. Not part of CI, which has no network.
 *
 *   yarn workspace @internal/plugin-python-stewardship-common corpus --checkouts /tmp/corpus
 *   node -r @backstage/cli/config/nodeTransform.cjs plugins/python-stewardship-common/corpus/compareWithLabels.ts --checkouts /tmp/corpus [--json] [--only id,id]
 *
 * See README.md beside it for how the checkouts are made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyRepository, evaluateRepository } from '../src';
// The CLI's own snapshot of a folder (git ls-files, lazy reads), so the
// corpus sees exactly what `python-conformance check <dir>` sees.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { createDirectorySnapshot } from '../../../packages/python-conformance/src/snapshot/createDirectorySnapshot';
import {
  compareRepository,
  corpusLabelsSchema,
  engineView,
  formatComparison,
  formatTotals,
  RepositoryComparison,
  summarise,
} from './compareLabels';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export function loadLabels(path = join(__dirname, 'labels.json')) {
  return corpusLabelsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

function main() {
  const args = process.argv.slice(2);
  const checkouts = option(args, '--checkouts');
  if (!checkouts) {
    process.stderr.write(
      'usage: compareWithLabels.ts --checkouts <folder> [--json] [--only id,id]\n',
    );
    process.exitCode = 2;
    return;
  }
  const only = option(args, '--only')?.split(',');
  const asJson = args.includes('--json');
  const labels = loadLabels().repositories.filter(
    label => !only || only.includes(label.id),
  );
  const comparisons: RepositoryComparison[] = [];
  const skipped: string[] = [];
  const out: string[] = [];
  for (const label of labels) {
    const directory = join(checkouts, label.id);
    if (!existsSync(join(directory, '.git'))) {
      skipped.push(label.id);
      out.push(
        `${label.id}: skipped, no git checkout at ${directory} (${label.url} at ${label.commit})`,
      );
      continue;
    }
    const snapshot = createDirectorySnapshot(directory);
    if (snapshot.commitId && snapshot.commitId !== label.commit) {
      // The README's recipe commits the extracted tree afresh, so the work
      // tree's own HEAD is not the labelled commit; say so only for real clones.
      const head = readFileSync(join(directory, '.git', 'HEAD'), 'utf8');
      if (!head.startsWith('ref:')) {
        out.push(`${label.id}: note, checkout is at ${snapshot.commitId}`);
      }
    }
    const report = evaluateRepository(snapshot);
    const classification = classifyRepository(snapshot);
    const view = engineView(report);
    const comparison = compareRepository(label, view);
    comparisons.push(comparison);
    out.push(...formatComparison(comparison));
    if (classification.type !== report.classification.type) {
      out.push(
        `  classifyRepository says ${classification.type}, evaluateRepository's report says ${report.classification.type}`,
      );
    }
  }
  const totals = summarise(comparisons);
  const heldOutIds = new Set(labels.filter(l => l.heldOut).map(l => l.id));
  const heldOut = comparisons.filter(c => heldOutIds.has(c.id));
  if (asJson) {
    process.stdout.write(
      `${JSON.stringify(
        {
          totals,
          tunedOn: summarise(comparisons.filter(c => !heldOutIds.has(c.id))),
          heldOut: summarise(heldOut),
          skipped,
          comparisons,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  out.push(
    '',
    ...formatTotals(totals),
    ...(heldOut.length
      ? [
          '',
          'the held-out repositories alone (labelled after the engine was tuned on the others):',
          ...formatTotals(summarise(heldOut)),
        ]
      : []),
    skipped.length
      ? `skipped (no checkout): ${skipped.length} of ${labels.length}`
      : `all ${labels.length} labelled repositories present`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) {
  main();
}
