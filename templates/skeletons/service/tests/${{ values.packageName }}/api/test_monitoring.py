from fastapi.testclient import TestClient


def test_healthz(client: TestClient) -> None:
    response = client.get("/monitoring/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready(client: TestClient) -> None:
    response = client.get("/monitoring/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
