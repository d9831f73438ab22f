import { expandMakeTarget, makeInvocations, parseMakefile } from './makefile';

describe('parseMakefile', () => {
  const makefile = parseMakefile(
    'VAR := value\n.PHONY: lint\n\nlint: check-black check-mypy\n\tflake8 .\n\ncheck-black:\n\tblack --check .\ncheck-mypy:\n\t$(MAKE) typecheck\ntypecheck:\n\tmypy .\n',
  );

  it('reads targets, prerequisites and recipes, skipping variables and special targets', () => {
    expect([...makefile.keys()]).toEqual([
      'lint',
      'check-black',
      'check-mypy',
      'typecheck',
    ]);
    expect(makefile.get('lint')).toMatchObject({
      line: 4,
      prerequisites: ['check-black', 'check-mypy'],
      recipe: ['flake8 .'],
    });
  });

  it('expands a target into every command it runs, following prerequisites and nested make calls', () => {
    expect(expandMakeTarget(makefile, 'lint')).toEqual([
      'black --check .',
      '$(MAKE) typecheck',
      'mypy .',
      'flake8 .',
    ]);
  });

  it('keeps recipe lines inside conditionals with their rule', () => {
    const conditional = parseMakefile(
      'check-mypy: deps\nifeq ($(TODO),true)\n\t@poetry run mypy src\nelse\n\t@poetry run mypy src tests\nendif\n\nother:\n\techo\n',
    );
    expect(conditional.get('check-mypy')!.recipe).toEqual([
      '@poetry run mypy src',
      '@poetry run mypy src tests',
    ]);
    expect(conditional.get('other')!.recipe).toEqual(['echo']);
  });

  it('finds make invocations in shell commands', () => {
    expect(makeInvocations('cd app && make -j2 lint test VERBOSE=1')).toEqual([
      'lint',
      'test',
    ]);
    expect(makeInvocations('poetry run pytest')).toEqual([]);
  });
});
