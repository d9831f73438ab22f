from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Config(BaseSettings):
    """Settings read from AIGW_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="AIGW_", env_nested_delimiter="__")

    gitlab_url: str = "https://gitlab.com"
    gitlab_api_url: str = "https://gitlab.com/api/v4/"
    customer_portal_url: str = "https://customers.gitlab.com"
    fastapi_host: str = "0.0.0.0"
    fastapi_port: int = Field(default=5052, ge=1, le=65535)
    log_level: str = "INFO"
