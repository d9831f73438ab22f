import { getStrings, getValue } from '../../parsers/tomlAccess';
import { defineCheck, fail, listOf, pass, useCi } from '../support';

const PINNED = [
  /POETRY_VERSION/,
  /poetry[=~]=\d/,
  /install\.python-poetry\.org.*--version\s+\d/,
  /UV_VERSION/,
  /astral-sh\/uv:\d/,
  /\buv[=~]=\d/,
  /pdm[=~]=\d/,
];

const CACHE_PATH =
  /\.venv|pip|pypoetry|POETRY_CACHE_DIR|PIP_CACHE_DIR|UV_CACHE_DIR|\.cache/;

export const ciPinsPackageManager = defineCheck({
  id: 'PYG-023',
  title: 'CI pins the package manager and caches dependencies',
  family: 'continuous-integration',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-020', 'PYG-002'],
  rationale:
    'An unpinned Poetry changes behaviour under you between pipelines; caching the virtualenv and the package caches keeps pipelines fast.',
  fix: {
    summary:
      'Set POETRY_VERSION, install exactly that version and cache .venv and the pip/Poetry caches.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        '.poetry:\n  variables:\n    POETRY_VERSION: "2.1.2"\n    PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"\n    POETRY_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pypoetry"\n  before_script:\n    - pip install "poetry==$POETRY_VERSION"\n    - poetry config virtualenvs.in-project true\n  cache:\n    key:\n      files: [poetry.lock]\n    paths: [.cache/pip, .cache/pypoetry, .venv/]\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'continuous-integration' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const texts = ci.ci.files.map(f => f.text).join('\n');
    const jobs = ci.ci.jobs.filter(job => !job.hidden);
    const pinned =
      PINNED.some(pattern => pattern.test(texts)) ||
      Object.keys(ci.ci.variables).some(name =>
        /^(POETRY|UV|PDM)_VERSION$/.test(name),
      );
    const cached = jobs.some(
      job =>
        getStrings(getValue(job.definition, 'cache'), 'paths').some(p =>
          CACHE_PATH.test(p),
        ) ||
        (Array.isArray(job.definition.cache) &&
          job.definition.cache.some(c =>
            getStrings(c, 'paths').some(p => CACHE_PATH.test(p)),
          )),
    );
    const missing = [
      !pinned && 'a pinned package manager version (e.g. POETRY_VERSION)',
      !cached && 'a dependency cache (.venv or pip/Poetry cache)',
    ].filter((x): x is string => !!x);
    if (missing.length) {
      return fail(`${ci.path} lacks ${listOf(missing)}`, { path: ci.path });
    }
    return pass(
      'The package manager version is pinned and dependencies are cached',
      { path: ci.path },
    );
  },
});
