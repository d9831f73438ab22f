import { parseToml } from './parseToml';
import { toPyprojectModel } from './pyprojectModel';

function model(text: string) {
  const parsed = parseToml(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return toPyprojectModel(parsed.value);
}

describe('toPyprojectModel', () => {
  it('reads PEP 621, PEP 735 and Poetry dependencies with normalised names', () => {
    const result = model(`
[project]
name = "gitlab-x"
requires-python = ">=3.12"
dependencies = ["Pydantic_Settings[yaml]>=2", "httpx"]
[project.optional-dependencies]
docs = ["mkdocs"]
[project.scripts]
x = "x.cli:app"
[dependency-groups]
test = ["pytest>=8", { include-group = "docs" }]
[tool.poetry.dependencies]
python = "^3.12"
typer = "*"
[tool.poetry.group.lint.dependencies]
Ruff = "*"
[tool.poetry.dev-dependencies]
black = "*"
`);
    expect(result.name).toBe('gitlab-x');
    expect(result.mainDependencies).toEqual([
      'pydantic-settings',
      'httpx',
      'typer',
    ]);
    expect(result.dependencyGroups).toEqual({
      docs: ['mkdocs'],
      test: ['pytest'],
      lint: ['ruff'],
      dev: ['black'],
    });
    expect(result.pythonConstraint).toBe('>=3.12');
    expect(result.scripts).toEqual(['x']);
  });

  it('reads the Poetry python constraint written as a table', () => {
    expect(
      model('[tool.poetry.dependencies]\npython = { version = "~3.11" }\n')
        .pythonConstraint,
    ).toBe('~3.11');
  });

  it('tolerates wrong types without throwing', () => {
    const result = model(
      'project = 3\n[tool]\npoetry = "x"\n[dependency-groups]\ntest = "pytest"\n',
    );
    expect(result.mainDependencies).toEqual([]);
    expect(result.dependencyGroups).toEqual({ test: [] });
  });

  it('reports TOML syntax errors with a line', () => {
    expect(parseToml('a = 1\nb = [\n')).toMatchObject({ ok: false, line: 3 });
  });
});
