from typing import NamedTuple

import pytest

from eli5.core.scoring import exact_match


class Case(NamedTuple):
    expected: str
    actual: str
    score: float


@pytest.mark.parametrize(
    "case",
    [Case("a", "a", 1.0), Case("a", " a ", 1.0), Case("a", "b", 0.0)],
)
def test_exact_match(case: Case) -> None:
    assert exact_match(case.expected, case.actual) == case.score
