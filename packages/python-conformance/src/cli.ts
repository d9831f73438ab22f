import { Command, CommanderError } from 'commander';
import packageJson from '../package.json';
import { reportFormatNames } from './formats';
import { CliIo, UsageError } from './commands/CliIo';
import { runCheck } from './commands/runCheck';
import { runListChecks } from './commands/runListChecks';
import type { ConformanceReport } from '@internal/plugin-python-stewardship-common';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './commands/exitCodes';
import { resolveUploadTarget, uploadReport } from './commands/uploadReport';

/**
 * Runs the CLI with `argv` (without the node and script paths) and returns
 * the exit code instead of exiting, so tests can run it in-process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('python-conformance')
    .description(
      'Check a Python repository against the GitLab Python guidelines.',
    )
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('check')
    .description('Evaluate a repository and report each check')
    .argument('[dir]', 'repository folder', '.')
    .option(
      '-t, --type <type>',
      'repository type: service, utility or library (default: detected)',
    )
    .option(
      '-f, --format <format>',
      `output format: ${reportFormatNames.join(', ')}`,
      'text',
    )
    .option(
      '-o, --output <file>',
      'write the report to a file and print the text summary',
    )
    .option(
      '--fail-under <score>',
      'exit 1 when the score is below this (default: exit 1 on any failing required check)',
    )
    .option(
      '--select <ids>',
      'only these check ids or families, comma separated',
    )
    .option(
      '--ignore <ids>',
      'skip these check ids or families, comma separated',
    )
    .option(
      '-c, --config <file>',
      'JSON file with organisation options (allowed package managers, minimum Python, ...)',
    )
    .option(
      '--checks <file>',
      "a JS module exporting the organisation's own checks (ids like ACME-001), judged with the rule pack",
    )
    .option(
      '--project-root <dir>',
      'folder of the Python project inside the repository (default: detected)',
    )
    .option(
      '--docs-url <url>',
      'base URL of the guidelines handbook, for links in reports (default: $PYTHON_STEWARDSHIP_DOCS_URL)',
    )
    .option(
      '--upload [url]',
      'after printing, send the JSON report to the portal at this base URL (default: $PORTAL_URL) with the token in $PYTHON_CONFORMANCE_TOKEN',
    )
    .option(
      '--entity <ref>',
      'with --upload: the catalog entity, e.g. component:default/payments-api (default: the GitLab project $CI_PROJECT_PATH)',
    )
    .action(async (dir, options) => {
      // Checked before the evaluation, so a mistake fails fast.
      const upload = resolveUploadTarget(io, options);
      let report: ConformanceReport | undefined;
      exitCode = runCheck(io, dir, options, evaluated => {
        report = evaluated;
      });
      if (upload && report) {
        const uploaded = await uploadReport(io, upload, report);
        // A lost upload outranks the gate: the portal would show stale results.
        if (uploaded !== EXIT_OK) exitCode = uploaded;
      }
    });

  program
    .command('checks')
    .description('List the rule pack')
    .option('-f, --format <format>', 'text, json or markdown', 'text')
    .option('-t, --type <type>', 'only checks for this repository type')
    .action(options => {
      exitCode = runListChecks(io, options);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`python-conformance: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(
      `python-conformance: unexpected error: ${
        (error as Error)?.stack ?? String(error)
      }\n`,
    );
    return EXIT_INTERNAL;
  }
}
