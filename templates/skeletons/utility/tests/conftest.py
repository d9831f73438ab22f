from collections.abc import Iterator

import pytest
import structlog


@pytest.fixture(autouse=True)
def reset_structlog() -> Iterator[None]:
    # Each test configures logging afresh through the CLI callback.
    yield
    structlog.reset_defaults()
