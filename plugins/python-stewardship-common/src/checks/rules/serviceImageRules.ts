import { defineCheck, fail, notUsable, pass } from '../support';

const ROOT_USERS = new Set(['root', '0', '0:0', 'root:root']);

export const serviceImageRules = defineCheck({
  id: 'PYG-036',
  title: 'Dockerfile follows the image rules',
  family: 'service-deployment',
  appliesTo: ['service'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    "Service images must use a multi-stage build (build tools stay out of the runtime image), run as a non-root user, set Poetry's environment variables so it works for that user, and leave development dependencies out.",
  fix: {
    summary:
      'Build in one stage, copy the virtualenv into a slim final stage, and switch to a non-root USER.',
    snippet: {
      path: 'Dockerfile',
      language: 'dockerfile',
      content:
        'FROM python:3.12-slim AS build\nENV POETRY_VERSION=2.1.2 POETRY_VIRTUALENVS_IN_PROJECT=true POETRY_NO_INTERACTION=1\nRUN pip install "poetry==$POETRY_VERSION"\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\n\nFROM python:3.12-slim AS final\nRUN useradd --create-home app\nWORKDIR /app\nCOPY --from=build /app/.venv .venv\nCOPY my_service my_service\nUSER app\nCMD [".venv/bin/uvicorn", "my_service.main:app", "--host", "0.0.0.0"]\n',
    },
  },
  docs: { page: 'deployment', anchor: 'container-images-for-services' },
  evaluate(context) {
    const dockerfile = context.dockerfile();
    if (dockerfile.state !== 'ok') {
      return notUsable(dockerfile, 'services ship as container images');
    }
    const { stages } = dockerfile.value;
    const path = dockerfile.path;
    if (stages.length < 2) {
      return fail(
        `${path} has ${stages.length} stage${
          stages.length === 1 ? '' : 's'
        }; use a multi-stage build`,
        { path, line: stages[0]?.line },
      );
    }
    const final = stages[stages.length - 1];
    const users = final.instructions.filter(i => i.keyword === 'USER');
    const lastUser = users[users.length - 1];
    if (!lastUser || ROOT_USERS.has(lastUser.args.trim())) {
      return fail(
        lastUser
          ? `The final stage switches back to ${lastUser.args}`
          : 'The final stage never sets USER, so the service runs as root',
        { path, line: lastUser?.line ?? final.line },
      );
    }
    const all = stages.flatMap(stage => stage.instructions);
    const poetryInstall = all.find(
      i => i.keyword === 'RUN' && /poetry\s+install/.test(i.args),
    );
    if (poetryInstall) {
      if (
        !all.some(
          i =>
            (i.keyword === 'ENV' || i.keyword === 'ARG') &&
            /POETRY_/.test(i.args),
        )
      ) {
        return fail(
          'Poetry runs in the image but no POETRY_* environment variables are set',
          { path, line: poetryInstall.line },
        );
      }
      if (
        !/--only[ =]main|--without[ =]\S*dev|--no-dev/.test(poetryInstall.args)
      ) {
        return fail(
          'poetry install includes development dependencies; add --only main',
          { path, line: poetryInstall.line },
        );
      }
    }
    const uvSync = all.find(
      i => i.keyword === 'RUN' && /uv\s+sync/.test(i.args),
    );
    if (uvSync && !/--no-dev|--only-group/.test(uvSync.args)) {
      return fail('uv sync includes development dependencies; add --no-dev', {
        path,
        line: uvSync.line,
      });
    }
    return pass(
      `${stages.length} stages; the final stage runs as ${lastUser.args}`,
      { path, line: lastUser.line },
    );
  },
});
