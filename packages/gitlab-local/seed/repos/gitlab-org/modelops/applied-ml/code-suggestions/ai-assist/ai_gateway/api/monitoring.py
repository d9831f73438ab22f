from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(tags=["monitoring"])


class HealthStatus(BaseModel):
    status: str


@router.get("/healthz")
async def healthz() -> HealthStatus:
    return HealthStatus(status="ok")


@router.get("/ready")
async def ready() -> HealthStatus:
    return HealthStatus(status="ready")
