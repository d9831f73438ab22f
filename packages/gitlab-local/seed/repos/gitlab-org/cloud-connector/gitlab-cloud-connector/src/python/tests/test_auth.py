from gitlab_cloud_connector import UnitPrimitive
from gitlab_cloud_connector.auth import CloudConnectorUser


def test_user_can_use_granted_primitive(chat_user: CloudConnectorUser) -> None:
    assert chat_user.can(UnitPrimitive.DUO_CHAT)
    assert not chat_user.can(UnitPrimitive.CODE_SUGGESTIONS)
