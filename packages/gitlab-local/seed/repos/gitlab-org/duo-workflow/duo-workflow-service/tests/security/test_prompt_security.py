from duo_workflow_service.security.prompt_security import strip_hidden_unicode


def test_strips_zero_width_space() -> None:
    assert strip_hidden_unicode("a\u200bb") == "ab"
