"""Retry delays with exponential backoff and a cap.

A starting point for the library's public API: replace it with the code two
or more codebases need to share.
"""

from collections.abc import Iterator


def exponential_backoff(attempt: int, *, base: float = 0.5, cap: float = 30.0) -> float:
    """Seconds to wait before retry number ``attempt`` (1 for the first retry).

    >>> exponential_backoff(1), exponential_backoff(3), exponential_backoff(20)
    (0.5, 2.0, 30.0)
    """
    if attempt < 1:
        raise ValueError(f"attempt must be 1 or more, not {attempt}")
    if base <= 0 or cap <= 0:
        raise ValueError("base and cap must be positive")
    return min(cap, base * 2 ** (attempt - 1))


def backoff_delays(
    retries: int, *, base: float = 0.5, cap: float = 30.0
) -> Iterator[float]:
    """The delays for ``retries`` retries, in order."""
    for attempt in range(1, retries + 1):
        yield exponential_backoff(attempt, base=base, cap=cap)
