import { resolve } from 'node:path';
import {
  evaluateGate,
  evaluateRepository,
  ruleCatalog,
  rulePackMetadata,
  ConformanceReport,
} from '@internal/plugin-python-stewardship-common';
import { createColors } from 'picocolors';
import { createDirectorySnapshot } from '../snapshot/createDirectorySnapshot';
import { reportFormatNames, reportFormats, ReportFormat } from '../formats';
import { CliIo, UsageError } from './CliIo';
import { parseTypeOption } from './parseTypeOption';
import { EXIT_GATE_FAILED, EXIT_OK } from './exitCodes';
import { loadOrganisationChecks } from './loadOrganisationChecks';

export interface CheckCommandOptions {
  type?: string;
  format: string;
  output?: string;
  failUnder?: string;
  /** A JS module with the organisation's own checks. */
  checks?: string;
  select?: string;
  ignore?: string;
  config?: string;
  projectRoot?: string;
  docsUrl?: string;
}

function list(value: string | undefined): string[] | undefined {
  return value
    ? value
        .split(',')
        .map(v => v.trim())
        .filter(Boolean)
    : undefined;
}

function parseFailUnder(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    throw new UsageError(
      `--fail-under must be a number from 0 to 100, got "${value}"`,
    );
  }
  return number;
}

function readConfig(io: CliIo, path: string | undefined): unknown {
  if (!path) return undefined;
  let text: string;
  try {
    text = io.readFile(resolve(io.cwd, path));
  } catch (error) {
    throw new UsageError(
      `Cannot read --config ${path}: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--config ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

/**
 * Whether the pipeline should fail: the rule pack's one gate policy
 * (`evaluateGate`, shared with the templates' gate), with `--fail-under` as
 * its minimum score when given.
 */
export function gateFailed(
  report: ConformanceReport,
  failUnder: number | undefined,
): boolean {
  return !evaluateGate(report, { minimumScore: failUnder }).passed;
}

export function runCheck(
  io: CliIo,
  directory: string | undefined,
  options: CheckCommandOptions,
  /** Receives the report after it was printed (`--upload` sends it on). */
  onReport?: (report: ConformanceReport) => void,
): number {
  if (!reportFormatNames.includes(options.format as ReportFormat)) {
    throw new UsageError(
      `Unknown --format "${
        options.format
      }"; use one of ${reportFormatNames.join(', ')}`,
    );
  }
  const type = parseTypeOption(options.type);
  const failUnder = parseFailUnder(options.failUnder);
  const stewardship = readConfig(io, options.config);
  const rulePack = loadOrganisationChecks(io.cwd, options.checks);
  const root = resolve(io.cwd, directory ?? '.');
  let snapshot;
  try {
    snapshot = createDirectorySnapshot(root);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let report: ConformanceReport;
  try {
    report = evaluateRepository(snapshot, {
      type,
      select: list(options.select),
      ignore: list(options.ignore),
      projectRoot: options.projectRoot,
      stewardship: stewardship as never,
      checks: rulePack,
    });
  } catch (error) {
    const name = (error as Error).name;
    if (
      name === 'InvalidEvaluateOptionsError' ||
      name === 'InvalidStewardshipOptionsError'
    ) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
  const context = {
    report,
    rules: new Map(
      (rulePack ? rulePackMetadata(rulePack) : ruleCatalog).map(rule => [
        rule.id,
        rule,
      ]),
    ),
    colors: createColors(options.output ? false : io.color),
    // Set once as a group-level CI variable instead of on every command line.
    docsBaseUrl:
      options.docsUrl ?? (io.env.PYTHON_STEWARDSHIP_DOCS_URL || undefined),
  };
  const output = reportFormats[options.format as ReportFormat](context);
  if (options.output) {
    io.writeFile(resolve(io.cwd, options.output), output);
    // People reading the job log still get the summary.
    io.stdout(
      reportFormats.text({ ...context, colors: createColors(io.color) }),
    );
  } else {
    io.stdout(output);
  }
  onReport?.(report);
  return gateFailed(report, failUnder) ? EXIT_GATE_FAILED : EXIT_OK;
}
