import hmac
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_FEATURES = frozenset({"code_suggestions", "prompts"})


@dataclass(frozen=True)
class AuthenticatedUser:
    """The caller behind a valid token; routes get it from `current_user`."""

    id: str
    features: frozenset[str] = DEFAULT_FEATURES

    def can_use(self, feature: str) -> bool:
        return feature in self.features


def authenticate(token: str, api_tokens: Mapping[str, str]) -> AuthenticatedUser | None:
    """The user `token` belongs to, or None when no configured token matches."""
    for known_token, user_id in api_tokens.items():
        # compare_digest takes as long for a near miss as for a wild guess, so
        # response times do not reveal how much of a token was right.
        if hmac.compare_digest(token.encode(), known_token.encode()):
            return AuthenticatedUser(id=user_id)
    return None
