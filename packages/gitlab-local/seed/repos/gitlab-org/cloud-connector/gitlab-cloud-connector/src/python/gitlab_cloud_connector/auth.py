from dataclasses import dataclass

import jwt

from gitlab_cloud_connector.primitives import UnitPrimitive


@dataclass(frozen=True)
class CloudConnectorUser:
    authenticated: bool
    scopes: frozenset[str]

    def can(self, primitive: UnitPrimitive) -> bool:
        return primitive.value in self.scopes


def authenticate(token: str, key: str, audience: str = "gitlab-ai-gateway") -> CloudConnectorUser:
    """Validates a Cloud Connector JWT and returns the scopes it grants."""
    claims = jwt.decode(token, key, algorithms=["RS256"], audience=audience)
    return CloudConnectorUser(authenticated=True, scopes=frozenset(claims.get("scopes", [])))
