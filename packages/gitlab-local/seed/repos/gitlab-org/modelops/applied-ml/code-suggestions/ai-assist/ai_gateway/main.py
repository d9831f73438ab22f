import structlog
import uvicorn
from fastapi import FastAPI

from ai_gateway.api.monitoring import router as monitoring_router
from ai_gateway.config import Config

log = structlog.stdlib.get_logger("main")


def create_app(config: Config | None = None) -> FastAPI:
    config = config or Config()
    app = FastAPI(title="GitLab AI Gateway", docs_url=None, redoc_url=None)
    app.include_router(monitoring_router, prefix="/monitoring")
    return app


def run_app() -> None:
    config = Config()
    log.info("starting AI Gateway", port=config.fastapi_port)
    uvicorn.run(create_app(config), host=config.fastapi_host, port=config.fastapi_port)
