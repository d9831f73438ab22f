import pytest


@pytest.fixture
def small_delays() -> dict[str, float]:
    """Backoff settings small enough for tests that really sleep between retries."""
    return {"base": 0.01, "cap": 0.05}
