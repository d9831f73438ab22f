"""Pylint checker: test files must be named test_<module>.py (W5001)."""

from pylint.checkers import BaseChecker


class FileNamingChecker(BaseChecker):
    name = "file-naming-for-tests"
    msgs = {
        "W5001": (
            "Test file name must start with test_",
            "file-naming-for-tests",
            "Test modules mirror the source tree as tests/<path>/test_<module>.py.",
        )
    }


def register(linter) -> None:  # noqa: ANN001 - pylint's plugin hook is untyped
    linter.register_checker(FileNamingChecker(linter))
