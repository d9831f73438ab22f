import { Command, CommanderError } from 'commander';
import packageJson from '../package.json';
import { reportFormatNames } from './formats';
import { CliIo, UsageError } from './commands/CliIo';
import { runCheck } from './commands/runCheck';
import { runListChecks } from './commands/runListChecks';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './commands/exitCodes';

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
      '--project-root <dir>',
      'folder of the Python project inside the repository (default: detected)',
    )
    .option(
      '--docs-url <url>',
      'base URL of the guidelines handbook, for links in reports (default: $PYTHON_STEWARDSHIP_DOCS_URL)',
    )
    .action((dir, options) => {
      exitCode = runCheck(io, dir, options);
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
