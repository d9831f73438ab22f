import logging
import sys

import structlog


def setup_logging(level: str, log_format: str) -> None:
    """Configure structlog for one command run.

    Logs go to stderr so that stdout carries only the command's output, and
    loggers are not cached because each run (and each test) reconfigures them.
    """
    # Exceptions as structured data, without local variables: locals can hold
    # tokens or customer data that must never reach the logs.
    exceptions_as_dicts = structlog.processors.ExceptionRenderer(
        structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
    )
    renderers: list[structlog.types.Processor] = (
        [exceptions_as_dicts, structlog.processors.JSONRenderer()]
        if log_format == "json"
        else [structlog.dev.ConsoleRenderer()]
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            *renderers,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping()[level.upper()]
        ),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=False,
    )
