/*
 * The labelled corpus's pure logic: the labels' schema, what a
 * ConformanceReport says about a repository (type, project root, where each
 * tool is configured), and the comparison of the two. No I/O, so the unit
 * test beside it runs in CI; compareWithLabels.ts does the reading.
 */
import { z } from 'zod/v3';
import type {
  CheckResult,
  ConformanceReport,
  RepositoryClassification,
} from '../src';

export const corpusTools = [
  'pytest',
  'coverage',
  'mypy',
  'ruff',
  'black',
  'isort',
  'flake8',
  'pylint',
  'preCommit',
] as const;
export type CorpusTool = (typeof corpusTools)[number];

const repositoryType = z.enum(['service', 'utility', 'library']);

/** A folder: `''` for the repository root, otherwise ending in `/`. */
const folder = z.string().refine(value => value === '' || value.endsWith('/'), {
  message: 'a folder is "" or ends with "/"',
});

const toolLabel = z
  .object({
    /** `file [section]` the tool itself reads, or null when it runs with its defaults. */
    config: z.string().min(1).nullable(),
    /** Where it is installed from (dependency group, requirements file, pre-commit hook). */
    declared: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict()
  .nullable();

export const labelledRepositorySchema = z
  .object({
    /** Folder name of the checkout under `--checkouts`. */
    id: z.string().regex(/^[\w.-]+$/),
    /** owner/name where the project lives. */
    repo: z.string().min(3),
    url: z.string().url(),
    hostedOn: z.enum(['github', 'gitlab']),
    /** The GitHub mirror that was read, for a GitLab-hosted project. */
    readFrom: z.string().optional(),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    type: repositoryType,
    /** A second type a careful reader could defend; the engine should call it a close call. */
    closeCall: repositoryType.optional(),
    why: z.string().min(10),
    projectRoot: folder,
    packaging: z
      .object({
        manager: z.enum([
          'poetry',
          'uv',
          'hatch',
          'flit',
          'pdm',
          'setuptools',
          'pip',
        ]),
        buildBackend: z.string().nullable(),
        metadata: z.string(),
      })
      .strict(),
    consoleScripts: z.array(z.string().min(1)),
    consoleScriptsIn: z.string().optional(),
    dockerfile: z.string().nullable(),
    /** Labelled after the engine was tuned on the others; reported separately. */
    heldOut: z.boolean().optional(),
    tools: z
      .object(
        Object.fromEntries(corpusTools.map(tool => [tool, toolLabel])) as {
          [K in CorpusTool]: typeof toolLabel;
        },
      )
      .strict(),
  })
  .strict()
  .refine(label => label.closeCall !== label.type, {
    message: 'closeCall names the other type, not the labelled one',
  })
  .refine(label => !label.consoleScripts.length || label.consoleScriptsIn, {
    message: 'consoleScriptsIn says which file declares the console scripts',
  });

export const corpusLabelsSchema = z
  .object({
    description: z.string(),
    repositories: z.array(labelledRepositorySchema).min(1),
  })
  .strict()
  .refine(
    labels =>
      new Set(labels.repositories.map(r => r.id)).size ===
      labels.repositories.length,
    { message: 'repository ids must be unique' },
  );

export type LabelledRepository = z.infer<typeof labelledRepositorySchema>;
export type CorpusLabels = z.infer<typeof corpusLabelsSchema>;

/** What the report says about one tool's configuration. */
export type ToolView =
  /** The report names the file holding the tool's settings. */
  | { state: 'configured'; path: string; evidence: string }
  /** The report's check for this tool ran and found no settings. */
  | { state: 'not-configured'; evidence: string }
  /** The check that would say was skipped (e.g. blocked by PYG-001) or could not read its input. */
  | { state: 'not-seen'; evidence: string }
  /** No check of the rule pack reports this tool's settings. */
  | { state: 'not-reported'; evidence: string };

export interface EngineView {
  type: string;
  classificationSource: string;
  closeCall?: string;
  /** The classification's confidence, where the engine gives one. */
  confidence?: string;
  projectRoot: string;
  projectRootReason?: string;
  /** The console command the classifier names; undefined when it does not say. */
  consoleScript?: { name: string; path: string } | null;
  /** The Dockerfile the report names; undefined when it does not say. */
  dockerfile?: string | null;
  tools: Record<CorpusTool, ToolView>;
}

/** Tool of a PYG-012 "settings outside pyproject.toml" entry. */
function strayTool(entry: string): CorpusTool | undefined {
  if (/(^|\/)\.?mypy\.ini$|\[mypy/.test(entry)) return 'mypy';
  if (/(^|\/)\.?pylintrc$|\[pylint/.test(entry)) return 'pylint';
  if (/(^|\/)\.isort\.cfg$|\[(tool:)?isort\]/.test(entry)) return 'isort';
  if (/(^|\/)pytest\.ini$|\[(tool:)?pytest\]/.test(entry)) return 'pytest';
  if (/(^|\/)\.coveragerc$|\[coverage:/.test(entry)) return 'coverage';
  if (/(^|\/)\.?ruff\.toml$/.test(entry)) return 'ruff';
  return undefined;
}

/** Entries of PYG-012's "Settings outside pyproject.toml: a, b and c". */
export function strayEntries(message: string): string[] {
  const match = /^Settings outside pyproject\.toml: (.*)$/.exec(message);
  if (!match) return [];
  return match[1]
    .split(/, | and /)
    .map(entry => entry.trim())
    .filter(Boolean);
}

function ran(result: CheckResult | undefined): result is CheckResult {
  return result?.status === 'pass' || result?.status === 'fail';
}

function notSeen(id: string, result: CheckResult | undefined): ToolView {
  if (!result) {
    return { state: 'not-seen', evidence: `${id} not in the report` };
  }
  const blocked = result.blockedBy.length
    ? ` (blocked by ${result.blockedBy.join(', ')})`
    : '';
  return {
    state: 'not-seen',
    evidence: `${id} ${result.status}${blocked}: ${result.message}`,
  };
}

function configured(result: CheckResult, fallbackPath?: string): ToolView {
  const path = result.location?.path ?? fallbackPath;
  return path
    ? {
        state: 'configured',
        path,
        evidence: `${result.id}: ${result.message}`,
      }
    : {
        state: 'not-seen',
        evidence: `${result.id} names no file: ${result.message}`,
      };
}

/**
 * "<tool> is [declared and] configured in <where>", in a pass or in a fail
 * (settings in a file the guidelines want moved into pyproject.toml).
 */
function saysConfiguredIn(result: CheckResult, tool: string): boolean {
  return (
    result.location?.path !== undefined &&
    new RegExp(`^${tool} (is |are )?(declared and )?configured in `).test(
      result.message,
    )
  );
}

function notConfigured(result: CheckResult): ToolView {
  return {
    state: 'not-configured',
    evidence: `${result.id} ${result.status}: ${result.message}`,
  };
}

/**
 * Where the report says each tool is configured. The rule pack has one check
 * per tool (PYG-007 formatter, PYG-008 import sorting, PYG-009 style linter,
 * PYG-010 pylint, PYG-011 mypy, PYG-014 pytest) plus PYG-012, which lists
 * settings kept outside pyproject.toml; this reads their statuses, messages
 * and locations. Coverage settings in pyproject.toml and pre-commit are not
 * reported by any check.
 */
export function toolViews(
  results: readonly CheckResult[],
): Record<CorpusTool, ToolView> {
  const byId = new Map(results.map(result => [result.id, result]));
  const stray = new Map<CorpusTool, { path: string; entry: string }>();
  const pyg012 = byId.get('PYG-012');
  if (pyg012?.status === 'fail') {
    for (const entry of strayEntries(pyg012.message)) {
      const tool = strayTool(entry);
      if (tool && !stray.has(tool)) {
        stray.set(tool, { path: entry.split(' ')[0], entry });
      }
    }
  }
  const fromStray = (tool: CorpusTool): ToolView | undefined => {
    const found = stray.get(tool);
    return found
      ? {
          state: 'configured',
          path: found.path,
          evidence: `PYG-012 lists ${found.entry}`,
        }
      : undefined;
  };

  const pytest = ((): ToolView => {
    const result = byId.get('PYG-014');
    if (!ran(result)) return fromStray('pytest') ?? notSeen('PYG-014', result);
    if (result.status === 'pass' || saysConfiguredIn(result, 'pytest')) {
      return configured(result);
    }
    return fromStray('pytest') ?? notConfigured(result);
  })();

  const mypy = ((): ToolView => {
    const result = byId.get('PYG-011');
    if (!ran(result)) return fromStray('mypy') ?? notSeen('PYG-011', result);
    if (
      result.status === 'pass' ||
      result.message.startsWith('[tool.mypy]') ||
      saysConfiguredIn(result, 'mypy')
    ) {
      return configured(result);
    }
    return fromStray('mypy') ?? notConfigured(result);
  })();

  const formatter = byId.get('PYG-007');
  const black = ((): ToolView => {
    if (!ran(formatter)) return notSeen('PYG-007', formatter);
    // "black is configured in [tool.black]"; not "... neither [tool.black] nor ruff".
    return /^black is configured/.test(formatter.message)
      ? configured(formatter)
      : notConfigured(formatter);
  })();

  const ruff = ((): ToolView => {
    const file = fromStray('ruff');
    if (file) return file;
    if (!ran(formatter)) return notSeen('PYG-007', formatter);
    const formats = /^ruff formats the code \((.+)\)$/.exec(formatter.message);
    if (formats) {
      return formats[1] === 'ruff dependency'
        ? notConfigured(formatter)
        : configured(formatter, formats[1]);
    }
    if (formatter.status === 'fail') return notConfigured(formatter);
    // PYG-007 reports black first; whether ruff is configured as well, the
    // report does not say.
    return {
      state: 'not-reported',
      evidence: `PYG-007 reports black only: ${formatter.message}`,
    };
  })();

  const isort = ((): ToolView => {
    const result = byId.get('PYG-008');
    if (!ran(result)) return fromStray('isort') ?? notSeen('PYG-008', result);
    if (
      /^isort |\[tool\.isort\]/.test(result.message) ||
      saysConfiguredIn(result, 'isort')
    ) {
      return configured(result);
    }
    return fromStray('isort') ?? notConfigured(result);
  })();

  const flake8 = ((): ToolView => {
    const result = byId.get('PYG-009');
    if (!ran(result)) return notSeen('PYG-009', result);
    if (
      /^flake8 (in |max-line-length|does not ignore)/.test(result.message) ||
      saysConfiguredIn(result, 'flake8')
    ) {
      return configured(result);
    }
    return notConfigured(result);
  })();

  const pylint = ((): ToolView => {
    const result = byId.get('PYG-010');
    if (!ran(result)) return fromStray('pylint') ?? notSeen('PYG-010', result);
    if (/^pylint is configured in/.test(result.message)) {
      return configured(result);
    }
    return fromStray('pylint') ?? notConfigured(result);
  })();

  const coverage: ToolView = fromStray('coverage') ?? {
    state: 'not-reported',
    evidence:
      'no check reports coverage settings (PYG-012 lists only those outside pyproject.toml)',
  };

  return {
    pytest,
    coverage,
    mypy,
    ruff,
    black,
    isort,
    flake8,
    pylint,
    preCommit: preCommitView(results),
  };
}

/**
 * pre-commit has no check of its own: a result pointing at
 * .pre-commit-config.yaml (a formatter run as a hook) shows the engine read
 * it; otherwise the report does not say.
 */
function preCommitView(results: readonly CheckResult[]): ToolView {
  const hook = results.find(result =>
    /(^|\/)\.pre-commit-config\.yaml$/.test(result.location?.path ?? ''),
  );
  return hook
    ? configured(hook)
    : {
        state: 'not-reported',
        evidence: 'no result points at .pre-commit-config.yaml',
      };
}

/** The console command the classifier's reasons name (`null`: it says there is none). */
function consoleScriptOf(
  classification: RepositoryClassification,
): EngineView['consoleScript'] {
  if (classification.source !== 'detected') return undefined;
  const texts = [...classification.reasons, classification.closeCall?.reason];
  for (const text of texts) {
    const found =
      /console entry point (\S+) in (\S+)/.exec(text ?? '') ??
      /^(\S+) also declares the console command (\S+?);/.exec(text ?? '');
    if (found) {
      return text?.includes('also declares')
        ? { name: found[2], path: found[1] }
        : { name: found[1], path: found[2] };
    }
  }
  // The classifier looks for console scripts before it settles on a library,
  // and names one whenever a service also ships a command.
  return null;
}

function dockerfileOf(report: ConformanceReport): EngineView['dockerfile'] {
  for (const reason of report.classification.reasons) {
    const found =
      /^service: (\S+) (and the web framework|without readable)/.exec(reason);
    if (found) return found[1];
  }
  const image = report.results.find(result => result.id === 'PYG-036');
  if (
    image?.location?.path &&
    /Dockerfile|Containerfile/.test(image.location.path)
  ) {
    return image.location.path;
  }
  if (image && /Dockerfile is missing|no Dockerfile/i.test(image.message)) {
    return null;
  }
  return undefined;
}

function confidenceOf(
  classification: RepositoryClassification,
): string | undefined {
  const { confidence } = classification as { confidence?: unknown };
  return typeof confidence === 'string' || typeof confidence === 'number'
    ? String(confidence)
    : undefined;
}

export function engineView(report: ConformanceReport): EngineView {
  return {
    type: report.classification.type,
    classificationSource: report.classification.source,
    closeCall: report.classification.closeCall?.alternative,
    confidence: confidenceOf(report.classification),
    projectRoot: report.projectRoot,
    projectRootReason: report.projectRootReason,
    consoleScript: consoleScriptOf(report.classification),
    dockerfile: dockerfileOf(report),
    tools: toolViews(report.results),
  };
}

export type Verdict = 'agree' | 'disagree' | 'not-compared';

export interface ToolComparison {
  tool: CorpusTool;
  verdict: Verdict;
  expected: string | null;
  view: ToolView;
  detail: string;
}

export interface RepositoryComparison {
  id: string;
  type: { verdict: Verdict; expected: string; actual: string; detail: string };
  /** The labelled type is the engine's type or the close call it names. */
  typeOrCloseCall: Verdict;
  root: { verdict: Verdict; expected: string; actual: string; detail: string };
  consoleScript: { verdict: Verdict; detail: string };
  dockerfile: { verdict: Verdict; detail: string };
  tools: ToolComparison[];
}

/** `pyproject.toml [tool.ruff]` → `pyproject.toml`. */
export function configFile(config: string): string {
  return config.replace(/\s*\[.*$/, '').trim();
}

function compareTool(
  tool: CorpusTool,
  label: LabelledRepository['tools'][CorpusTool],
  view: ToolView,
): ToolComparison {
  const expected = label?.config ? configFile(label.config) : null;
  const base = { tool, expected, view };
  if (view.state === 'not-reported') {
    return { ...base, verdict: 'not-compared', detail: view.evidence };
  }
  if (expected === null) {
    return view.state === 'configured'
      ? {
          ...base,
          verdict: 'disagree',
          detail: `engine: configured in ${view.path}; label: ${
            label ? 'runs with its defaults' : 'not used'
          } (${view.evidence})`,
        }
      : { ...base, verdict: 'agree', detail: 'no settings' };
  }
  if (view.state === 'configured') {
    return view.path === expected
      ? { ...base, verdict: 'agree', detail: `in ${expected}` }
      : {
          ...base,
          verdict: 'disagree',
          detail: `engine: configured in ${view.path}; label: ${label?.config} (${view.evidence})`,
        };
  }
  return {
    ...base,
    verdict: 'disagree',
    detail: `engine: ${view.state}; label: ${label?.config} (${view.evidence})`,
  };
}

export function compareRepository(
  label: LabelledRepository,
  view: EngineView,
): RepositoryComparison {
  const typeAgrees = view.type === label.type;
  const closeCallNote = `${
    view.confidence ? `, confidence ${view.confidence}` : ''
  }${view.closeCall ? `, close call ${view.closeCall}` : ''}`;
  const scriptVerdict = ((): RepositoryComparison['consoleScript'] => {
    if (view.consoleScript === undefined) {
      return {
        verdict: 'not-compared',
        detail: `classification source is ${view.classificationSource}`,
      };
    }
    if (view.consoleScript === null) {
      return label.consoleScripts.length
        ? {
            verdict: 'disagree',
            detail: `engine: no console script; label: ${label.consoleScripts.join(
              ', ',
            )} in ${label.consoleScriptsIn}`,
          }
        : { verdict: 'agree', detail: 'none' };
    }
    const { name, path } = view.consoleScript;
    return label.consoleScripts.includes(name) &&
      (!label.consoleScriptsIn || path === label.consoleScriptsIn)
      ? { verdict: 'agree', detail: `${name} in ${path}` }
      : {
          verdict: 'disagree',
          detail: `engine: ${name} in ${path}; label: ${
            label.consoleScripts.join(', ') || 'none'
          }${label.consoleScriptsIn ? ` in ${label.consoleScriptsIn}` : ''}`,
        };
  })();
  const dockerVerdict = ((): RepositoryComparison['dockerfile'] => {
    if (view.dockerfile === undefined) {
      return {
        verdict: 'not-compared',
        detail: 'the report names no Dockerfile',
      };
    }
    return view.dockerfile === label.dockerfile
      ? { verdict: 'agree', detail: String(view.dockerfile) }
      : {
          verdict: 'disagree',
          detail: `engine: ${view.dockerfile ?? 'none'}; label: ${
            label.dockerfile ?? 'none'
          }`,
        };
  })();
  return {
    id: label.id,
    type: {
      verdict: typeAgrees ? 'agree' : 'disagree',
      expected: label.type,
      actual: view.type,
      detail: `engine: ${view.type} (${
        view.classificationSource
      }${closeCallNote}); label: ${label.type}${
        label.closeCall ? ` (close call ${label.closeCall})` : ''
      }`,
    },
    typeOrCloseCall:
      typeAgrees || view.closeCall === label.type ? 'agree' : 'disagree',
    root: {
      verdict: view.projectRoot === label.projectRoot ? 'agree' : 'disagree',
      expected: label.projectRoot,
      actual: view.projectRoot,
      detail: `engine: "${view.projectRoot}" (${
        view.projectRootReason ?? 'no reason given'
      }); label: "${label.projectRoot}"`,
    },
    consoleScript: scriptVerdict,
    dockerfile: dockerVerdict,
    tools: corpusTools.map(tool =>
      compareTool(tool, label.tools[tool], view.tools[tool]),
    ),
  };
}

export interface Tally {
  agree: number;
  compared: number;
}

export interface CorpusTotals {
  repositories: number;
  type: Tally;
  typeOrCloseCall: Tally;
  root: Tally;
  tools: Tally;
  /** Only the pairs where the label names a settings file: found in that file. */
  configuredTools: Tally;
  perTool: Record<CorpusTool, Tally & { notCompared: number }>;
  consoleScript: Tally;
  dockerfile: Tally;
}

function tally(verdicts: Verdict[]): Tally {
  return {
    agree: verdicts.filter(v => v === 'agree').length,
    compared: verdicts.filter(v => v !== 'not-compared').length,
  };
}

export function summarise(comparisons: RepositoryComparison[]): CorpusTotals {
  const perTool = Object.fromEntries(
    corpusTools.map(tool => {
      const verdicts = comparisons.map(
        c => c.tools.find(t => t.tool === tool)!.verdict,
      );
      return [
        tool,
        {
          ...tally(verdicts),
          notCompared: verdicts.filter(v => v === 'not-compared').length,
        },
      ];
    }),
  ) as CorpusTotals['perTool'];
  return {
    repositories: comparisons.length,
    type: tally(comparisons.map(c => c.type.verdict)),
    typeOrCloseCall: tally(comparisons.map(c => c.typeOrCloseCall)),
    root: tally(comparisons.map(c => c.root.verdict)),
    tools: tally(comparisons.flatMap(c => c.tools.map(t => t.verdict))),
    configuredTools: tally(
      comparisons.flatMap(c =>
        c.tools.filter(t => t.expected !== null).map(t => t.verdict),
      ),
    ),
    perTool,
    consoleScript: tally(comparisons.map(c => c.consoleScript.verdict)),
    dockerfile: tally(comparisons.map(c => c.dockerfile.verdict)),
  };
}

export function percent({ agree, compared }: Tally): string {
  return compared
    ? `${agree}/${compared} (${Math.round((100 * agree) / compared)}%)`
    : '0/0';
}

/** Human-readable lines for one repository: a summary, then each disagreement. */
export function formatComparison(comparison: RepositoryComparison): string[] {
  const tools = tally(comparison.tools.map(t => t.verdict));
  const marks: Record<Verdict, string> = {
    agree: 'ok',
    disagree: 'WRONG',
    'not-compared': 'n/a',
  };
  const mark = (verdict: Verdict) => marks[verdict];
  const lines = [
    `${comparison.id}: type ${mark(comparison.type.verdict)} (${
      comparison.type.actual
    }/${comparison.type.expected}), root ${mark(comparison.root.verdict)} ("${
      comparison.root.actual
    }"), tools ${tools.agree}/${tools.compared}, console script ${mark(
      comparison.consoleScript.verdict,
    )}, Dockerfile ${mark(comparison.dockerfile.verdict)}`,
  ];
  if (comparison.type.verdict === 'disagree') {
    lines.push(`  type: ${comparison.type.detail}`);
  }
  if (comparison.root.verdict === 'disagree') {
    lines.push(`  root: ${comparison.root.detail}`);
  }
  if (comparison.consoleScript.verdict === 'disagree') {
    lines.push(`  console script: ${comparison.consoleScript.detail}`);
  }
  if (comparison.dockerfile.verdict === 'disagree') {
    lines.push(`  Dockerfile: ${comparison.dockerfile.detail}`);
  }
  for (const tool of comparison.tools) {
    if (tool.verdict === 'disagree') {
      lines.push(`  ${tool.tool}: ${tool.detail}`);
    }
  }
  return lines;
}

export function formatTotals(totals: CorpusTotals): string[] {
  return [
    `repositories compared: ${totals.repositories}`,
    `type: ${percent(totals.type)}; type or the close call it names: ${percent(
      totals.typeOrCloseCall,
    )}`,
    `project root: ${percent(totals.root)}`,
    `tools (where the report says): ${percent(
      totals.tools,
    )}; labelled settings files found: ${percent(totals.configuredTools)}`,
    `  ${corpusTools
      .map(
        tool =>
          `${tool} ${percent(totals.perTool[tool])}${
            totals.perTool[tool].notCompared
              ? ` (+${totals.perTool[tool].notCompared} not reported)`
              : ''
          }`,
      )
      .join(', ')}`,
    `console script: ${percent(totals.consoleScript)}; Dockerfile: ${percent(
      totals.dockerfile,
    )}`,
  ];
}
