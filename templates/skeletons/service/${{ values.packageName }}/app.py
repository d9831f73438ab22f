from fastapi import FastAPI

from ${{ values.packageName }}.api.monitoring import router as monitoring_router
from ${{ values.packageName }}.config import Settings
from ${{ values.packageName }}.structured_logging import setup_logging


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; tests pass their own settings."""
    settings = settings or Settings()
    setup_logging(settings.log_level, settings.log_format)

    app = FastAPI(title="${{ values.name }}", version="0.1.0")
    app.state.settings = settings
    app.include_router(monitoring_router)
    return app
