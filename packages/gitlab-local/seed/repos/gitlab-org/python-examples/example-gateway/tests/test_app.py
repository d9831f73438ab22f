from fastapi import FastAPI

from example_gateway.config import Settings


def test_create_app_keeps_the_settings(app: FastAPI, settings: Settings) -> None:
    assert app.state.settings is settings
    assert app.title == "example-gateway"


def test_openapi_lists_every_route(app: FastAPI) -> None:
    paths = set(app.openapi()["paths"])

    assert {"/monitoring/healthz", "/v1/models", "/v1/models/{name}"} <= paths
