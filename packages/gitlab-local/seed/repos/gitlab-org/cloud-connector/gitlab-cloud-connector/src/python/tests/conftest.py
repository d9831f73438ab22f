import pytest

from gitlab_cloud_connector.auth import CloudConnectorUser


@pytest.fixture
def chat_user() -> CloudConnectorUser:
    return CloudConnectorUser(authenticated=True, scopes=frozenset({"duo_chat"}))
