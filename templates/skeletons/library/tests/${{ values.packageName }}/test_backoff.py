import pytest

from ${{ values.packageName }} import backoff_delays, exponential_backoff


def test_doubles_from_the_base_until_the_cap() -> None:
    assert list(backoff_delays(5, base=1.0, cap=10.0)) == [1.0, 2.0, 4.0, 8.0, 10.0]


def test_first_retry_waits_the_base() -> None:
    assert exponential_backoff(1, base=0.25) == 0.25


def test_no_retries_means_no_delays() -> None:
    assert list(backoff_delays(0)) == []


@pytest.mark.parametrize("attempt", [0, -1])
def test_rejects_attempts_below_one(attempt: int) -> None:
    with pytest.raises(ValueError, match="attempt must be 1 or more"):
        exponential_backoff(attempt)


def test_rejects_a_non_positive_base() -> None:
    with pytest.raises(ValueError, match="must be positive"):
        exponential_backoff(1, base=0)


def test_delays_never_exceed_the_cap(small_delays: dict[str, float]) -> None:
    assert max(backoff_delays(10, **small_delays)) == small_delays["cap"]
