from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from example_gateway.config import Settings
from example_gateway.core.auth import AuthenticatedUser, authenticate

# auto_error=False: a missing header gets the same 401 as a wrong token,
# instead of FastAPI's default 403.
bearer_scheme = HTTPBearer(auto_error=False)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# Dependencies are declared as defaults (`= Depends(...)`) rather than with
# `Annotated`, which FastAPI only accepts from 0.95 on.
def current_user(
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer_scheme),
    settings: Settings = Depends(get_settings),
) -> AuthenticatedUser:
    """The caller of `Authorization: Bearer <token>`; answers 401 otherwise."""
    user = (
        authenticate(credentials.credentials, settings.api_tokens)
        if credentials
        else None
    )
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Missing or invalid token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user
