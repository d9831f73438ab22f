from example_gateway.core.auth import AuthenticatedUser, authenticate

TOKENS = {"token-a": "alice", "token-b": "bob"}


def test_returns_the_owner_of_a_known_token() -> None:
    assert authenticate("token-b", TOKENS) == AuthenticatedUser(id="bob")


def test_unknown_or_empty_tokens_authenticate_nobody() -> None:
    assert authenticate("token-c", TOKENS) is None
    assert authenticate("", TOKENS) is None


def test_users_can_use_the_default_features_only() -> None:
    user = AuthenticatedUser(id="alice")

    assert user.can_use("code_suggestions")
    assert not user.can_use("admin")
