import pytest
from pydantic import ValidationError

from ${{ values.packageName }}.config import Settings


def test_reads_prefixed_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("${{ values.envPrefix }}_LOG_LEVEL", "DEBUG")
    assert Settings(_env_file=None).log_level == "DEBUG"


def test_rejects_an_unknown_log_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("${{ values.envPrefix }}_LOG_FORMAT", "xml")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)
