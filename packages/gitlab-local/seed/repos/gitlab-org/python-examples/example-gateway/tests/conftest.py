import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from example_gateway.app import create_app
from example_gateway.config import Settings

TEST_TOKEN = "test-token"


@pytest.fixture
def settings() -> Settings:
    # Explicit values, so a developer's .env cannot change what the tests see.
    return Settings(
        environment="test",
        log_format="console",
        api_tokens={TEST_TOKEN: "user-1"},
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {TEST_TOKEN}"}
