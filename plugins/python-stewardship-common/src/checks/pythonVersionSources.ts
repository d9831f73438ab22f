import type { CheckContext } from '../engine/CheckContext';
import { lineOf } from '../parsers/lineOf';
import {
  parseMinor,
  PythonMinor,
  lowestAllowedMinor,
} from '../parsers/pythonVersion';
import { getString, getStrings, getValue } from '../parsers/tomlAccess';
import type { PyprojectModel } from '../parsers/pyprojectModel';
import type { CheckLocation } from './types';

/** One place that states which Python a project runs on. */
export interface PythonVersionSource {
  label: string;
  version: PythonMinor;
  /** Pins an interpreter (rather than bounding a range). */
  pins: boolean;
  location: CheckLocation;
}

const PYTHON_IMAGE = /(?:^|\/)python:(\d+\.\d+)/;

/**
 * Every Python version the repository states: the pyproject constraint,
 * `.tool-versions`, `.python-version`, `mise.toml`, CI images, Dockerfile
 * base images, mypy's `python_version` and ruff's `target-version`.
 */
export function pythonVersionSources(
  context: CheckContext,
  model: PyprojectModel,
  pyprojectPath: string,
  pyprojectText: string,
) {
  const sources: PythonVersionSource[] = [];
  const constraint = model.pythonConstraint;
  const lowest = constraint ? lowestAllowedMinor(constraint) : undefined;
  if (lowest) {
    // Where the constraint was declared: pyproject.toml, setup.py, setup.cfg or Pipfile.
    const declared = context.packaging().pythonConstraint;
    const declaredText = declared ? context.text(declared.path) : undefined;
    const [path, text] =
      declared && declaredText?.state === 'ok'
        ? [declared.path, declaredText.value]
        : [pyprojectPath, pyprojectText];
    sources.push({
      label: `${path} (python ${constraint})`,
      version: lowest,
      pins: false,
      location: { path, line: lineOf(text, constraint!) },
    });
  }
  const addFromText = (path: string, pattern: RegExp, label: string) => {
    const read = context.text(path);
    if (read.state !== 'ok') return;
    const match = pattern.exec(read.value);
    const version = match ? parseMinor(match[1]) : undefined;
    if (version) {
      sources.push({
        label: `${path} (${label} ${match![1]})`,
        version,
        pins: true,
        location: { path, line: lineOf(read.value, match![0]) },
      });
    }
  };
  for (const folder of new Set([context.projectRoot, ''])) {
    addFromText(
      `${folder}.tool-versions`,
      /^python\s+(\d+\.\d+[\w.]*)/m,
      'python',
    );
    addFromText(`${folder}.python-version`, /^\s*(\d+\.\d+[\w.]*)/, 'python');
    for (const name of ['mise.toml', '.mise.toml']) {
      const mise = context.toml(`${folder}${name}`);
      if (mise.state === 'ok') {
        // mise accepts one version or a list; the first is the default.
        const [text] = getStrings(mise.value, 'tools', 'python');
        const version = text ? parseMinor(text) : undefined;
        if (version) {
          sources.push({
            label: `${mise.path} (python ${text})`,
            version,
            pins: true,
            location: { path: mise.path, line: lineOf(mise.text, text!) },
          });
        }
      }
    }
  }
  const mypyVersion = getValue(model.tool, 'mypy', 'python_version');
  const mypyMinor =
    mypyVersion !== undefined ? parseMinor(String(mypyVersion)) : undefined;
  if (mypyMinor) {
    sources.push({
      label: `${pyprojectPath} ([tool.mypy] python_version ${mypyVersion})`,
      version: mypyMinor,
      pins: false,
      location: {
        path: pyprojectPath,
        line: lineOf(pyprojectText, /python_version\s*=/),
      },
    });
  }
  const ruffTarget = getString(model.tool, 'ruff', 'target-version');
  const ruffMinor = ruffTarget ? parseMinor(ruffTarget) : undefined;
  if (ruffMinor) {
    sources.push({
      label: `${pyprojectPath} ([tool.ruff] target-version ${ruffTarget})`,
      version: ruffMinor,
      pins: false,
      location: {
        path: pyprojectPath,
        line: lineOf(pyprojectText, /target-version\s*=/),
      },
    });
  }
  const ci = context.ci();
  if (ci.state === 'ok') {
    const seen = new Set<string>();
    for (const job of ci.value.jobs) {
      const match = job.image ? PYTHON_IMAGE.exec(job.image) : null;
      if (match && !seen.has(job.image!)) {
        seen.add(job.image!);
        const file =
          ci.value.files.find(f => f.text.includes(job.image!)) ??
          ci.value.files[0];
        sources.push({
          label: `${file.path} (image ${job.image})`,
          version: parseMinor(match[1])!,
          pins: true,
          location: { path: file.path, line: lineOf(file.text, job.image!) },
        });
      }
    }
  }
  const dockerfile = context.dockerfile();
  if (dockerfile.state === 'ok') {
    for (const stage of dockerfile.value.stages) {
      const match = PYTHON_IMAGE.exec(stage.image);
      if (match) {
        sources.push({
          label: `${dockerfile.path} (FROM ${stage.image})`,
          version: parseMinor(match[1])!,
          pins: true,
          location: { path: dockerfile.path, line: stage.line },
        });
      }
    }
  }
  return sources;
}
