from fastapi.testclient import TestClient


def test_lists_the_catalog(client: TestClient, auth_headers: dict[str, str]) -> None:
    response = client.get("/v1/models", headers=auth_headers)

    assert response.status_code == 200
    names = [model["name"] for model in response.json()["models"]]
    assert names == ["claude-sonnet", "codestral", "gemini-flash"]


def test_gets_one_model(client: TestClient, auth_headers: dict[str, str]) -> None:
    response = client.get("/v1/models/codestral", headers=auth_headers)

    assert response.json() == {
        "name": "codestral",
        "provider": "mistral",
        "context_window": 32_000,
    }


def test_unknown_model_is_404(client: TestClient, auth_headers: dict[str, str]) -> None:
    response = client.get("/v1/models/gpt-0", headers=auth_headers)

    assert response.status_code == 404


def test_requires_a_token(client: TestClient) -> None:
    assert client.get("/v1/models").status_code == 401
