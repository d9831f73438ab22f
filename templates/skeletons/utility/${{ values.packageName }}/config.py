from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings from environment variables with the prefix below, or from .env."""

    model_config = SettingsConfigDict(
        env_prefix="${{ values.envPrefix }}_",
        env_file=".env",
        env_nested_delimiter="__",
        extra="ignore",
    )

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "WARNING"
    log_format: Literal["json", "console"] = "console"
