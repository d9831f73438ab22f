"""Settings from EXAMPLE_GATEWAY_* environment variables, or a local .env file."""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

ENV_PREFIX = "EXAMPLE_GATEWAY_"


class Settings(BaseModel):
    """Every setting has a default that is safe for local development.

    A plain pydantic model rather than pydantic-settings, so the service runs
    with pydantic 1 and 2 (see CONTRIBUTING.md); `from_env` does the reading.
    """

    environment: Literal["development", "test", "production"] = "development"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    # Bearer token -> id of the user it belongs to.
    api_tokens: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        env_file: Path | None = Path(".env"),
    ) -> "Settings":
        """Read prefixed variables; the real environment wins over `.env`."""
        variables = {
            **read_env_file(env_file),
            **(os.environ if environ is None else environ),
        }
        values: dict[str, Any] = {
            name.removeprefix(ENV_PREFIX).lower(): value
            for name, value in variables.items()
            if name.startswith(ENV_PREFIX)
        }
        if "api_tokens" in values:
            values["api_tokens"] = parse_api_tokens(values["api_tokens"])
        return cls(**values)


def read_env_file(path: Path | None) -> dict[str, str]:
    """Parse `NAME=value` lines; blank lines and `#` comments are skipped."""
    if path is None or not path.is_file():
        return {}
    variables: dict[str, str] = {}
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.partition("=")
        variables[name.strip()] = value.strip().strip("\"'")
    return variables


def parse_api_tokens(value: str) -> dict[str, str]:
    """Parse `user-id:token` pairs separated by commas into token -> user id."""
    tokens: dict[str, str] = {}
    for pair in filter(None, (item.strip() for item in value.split(","))):
        user_id, separator, token = pair.partition(":")
        if not separator or not user_id or not token:
            # Never echo the pair: it contains a token.
            raise ValueError(
                f"{ENV_PREFIX}API_TOKENS must be user-id:token pairs "
                "separated by commas"
            )
        tokens[token] = user_id
    return tokens
