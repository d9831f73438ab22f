from pathlib import Path

import pytest
from typer.testing import CliRunner

from ${{ values.packageName }}.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def quiet_console_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Keep log lines out of the output the assertions read.
    monkeypatch.setenv("${{ values.envPrefix }}_LOG_LEVEL", "ERROR")


def test_check_accepts_a_valid_dataset(tmp_path: Path) -> None:
    dataset = tmp_path / "golden.jsonl"
    dataset.write_text('{"prompt": "a"}\n{"prompt": "b"}\n', encoding="utf-8")

    result = runner.invoke(app, ["check", str(dataset)])

    assert result.exit_code == 0
    assert "2/2 records are valid" in result.stdout


def test_check_fails_on_invalid_lines(tmp_path: Path) -> None:
    dataset = tmp_path / "broken.jsonl"
    dataset.write_text('{"prompt": "a"}\nnot json\n', encoding="utf-8")

    result = runner.invoke(app, ["check", str(dataset)])

    assert result.exit_code == 1
    assert "1/2 records are valid" in result.stdout


def test_check_rejects_a_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "missing.jsonl")])

    assert result.exit_code == 2
