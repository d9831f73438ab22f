import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/monitoring/healthz", "/monitoring/ready"])
def test_health_checks_need_no_token(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
