from fastapi import FastAPI

from example_gateway.api.monitoring import router as monitoring_router
from example_gateway.api.v1.models import router as models_router
from example_gateway.config import Settings
from example_gateway.structured_logging import setup_logging


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; tests pass their own settings."""
    settings = settings or Settings.from_env()
    setup_logging(settings.log_level, settings.log_format)

    app = FastAPI(title="example-gateway", version="0.1.0")
    app.state.settings = settings
    app.include_router(monitoring_router)
    app.include_router(models_router, prefix="/v1")
    return app
