import pytest


@pytest.fixture
def goal() -> str:
    return "read the issue and open a merge request"
