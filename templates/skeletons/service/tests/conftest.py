import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ${{ values.packageName }}.app import create_app
from ${{ values.packageName }}.config import Settings


@pytest.fixture
def settings() -> Settings:
    # Explicit values, so a developer's .env cannot change what the tests see.
    return Settings(_env_file=None, environment="test", log_format="console")


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)
