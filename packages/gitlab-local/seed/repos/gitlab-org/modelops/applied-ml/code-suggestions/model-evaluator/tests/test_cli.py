from click.testing import CliRunner

from evaluator.cli import main


def test_main() -> None:
    assert "evaluating x" in CliRunner().invoke(main, ["x"]).output
