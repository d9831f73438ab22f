from example_gateway.core.model_catalog import MODEL_CATALOG, find_model


def test_finds_a_model_by_name() -> None:
    model = find_model("claude-sonnet")

    assert model is not None
    assert model.provider == "anthropic"


def test_unknown_names_find_nothing() -> None:
    assert find_model("Claude-Sonnet") is None


def test_names_are_unique() -> None:
    names = [model.name for model in MODEL_CATALOG]

    assert len(names) == len(set(names))
