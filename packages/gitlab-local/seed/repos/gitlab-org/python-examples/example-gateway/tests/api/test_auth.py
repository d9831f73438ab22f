import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from example_gateway.api.auth import current_user
from example_gateway.core.auth import AuthenticatedUser


@pytest.fixture
def whoami_client(app: FastAPI) -> TestClient:
    # A throwaway route, so the dependency is tested on its own.
    @app.get("/whoami")
    def whoami(user: AuthenticatedUser = Depends(current_user)) -> dict[str, str]:
        return {"id": user.id}

    return TestClient(app)


def test_a_known_token_identifies_the_user(
    whoami_client: TestClient, auth_headers: dict[str, str]
) -> None:
    response = whoami_client.get("/whoami", headers=auth_headers)

    assert response.status_code == 200
    assert response.json() == {"id": "user-1"}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": "Basic abc"}],
    ids=["missing", "unknown-token", "wrong-scheme"],
)
def test_other_callers_get_401(
    whoami_client: TestClient, headers: dict[str, str]
) -> None:
    response = whoami_client.get("/whoami", headers=headers)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
