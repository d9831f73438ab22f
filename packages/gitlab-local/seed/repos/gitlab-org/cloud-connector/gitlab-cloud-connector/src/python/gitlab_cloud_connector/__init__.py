from gitlab_cloud_connector.auth import authenticate
from gitlab_cloud_connector.primitives import UnitPrimitive

__all__ = ["UnitPrimitive", "authenticate"]
