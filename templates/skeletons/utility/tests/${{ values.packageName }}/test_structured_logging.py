import json

import pytest
import structlog

from ${{ values.packageName }}.structured_logging import setup_logging


def test_json_lines_carry_the_event_and_its_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    setup_logging("INFO", "json")
    structlog.get_logger().info("request_handled", status=200)
    line = json.loads(capsys.readouterr().err)
    assert line["event"] == "request_handled"
    assert line["status"] == 200
    assert line["level"] == "info"


def test_events_below_the_level_are_dropped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    setup_logging("WARNING", "json")
    structlog.get_logger().info("too_chatty")
    assert capsys.readouterr().err == ""
