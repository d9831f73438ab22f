import os

import structlog

log = structlog.stdlib.get_logger("server")

DEFAULT_PORT = 50052


def listen_port() -> int:
    return int(os.environ.get("PORT", DEFAULT_PORT))


def run() -> None:
    log.info("starting Duo Workflow Service", port=listen_port())
