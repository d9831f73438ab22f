from pathlib import Path

import pytest
from pydantic import ValidationError

from example_gateway.config import Settings, parse_api_tokens


def test_reads_prefixed_variables_and_ignores_others() -> None:
    settings = Settings.from_env(
        {"EXAMPLE_GATEWAY_LOG_LEVEL": "DEBUG", "LOG_LEVEL": "ERROR"},
        env_file=None,
    )

    assert settings.log_level == "DEBUG"


def test_environment_wins_over_the_env_file(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# local settings\n"
        "EXAMPLE_GATEWAY_LOG_FORMAT=console\n"
        'EXAMPLE_GATEWAY_ENVIRONMENT="test"\n'
    )

    settings = Settings.from_env(
        {"EXAMPLE_GATEWAY_LOG_FORMAT": "json"}, env_file=env_file
    )

    assert settings.log_format == "json"
    assert settings.environment == "test"


def test_missing_env_file_means_defaults(tmp_path: Path) -> None:
    settings = Settings.from_env({}, env_file=tmp_path / "absent.env")

    assert settings == Settings()


def test_rejects_an_unknown_log_format() -> None:
    with pytest.raises(ValidationError):
        Settings.from_env({"EXAMPLE_GATEWAY_LOG_FORMAT": "xml"}, env_file=None)


def test_api_tokens_map_each_token_to_its_user() -> None:
    assert parse_api_tokens("alice:token-a, bob:token-b,") == {
        "token-a": "alice",
        "token-b": "bob",
    }


def test_malformed_api_tokens_fail_without_echoing_the_token() -> None:
    with pytest.raises(ValueError, match="user-id:token pairs") as error:
        parse_api_tokens("secret-without-user")

    assert "secret-without-user" not in str(error.value)
