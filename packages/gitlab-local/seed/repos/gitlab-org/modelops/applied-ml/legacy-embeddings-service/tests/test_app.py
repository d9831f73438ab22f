from embeddings.app import app


def test_embed():
    client = app.test_client()
    assert client.post("/embed", json={"text": "ab"}).json == [97.0, 98.0]
