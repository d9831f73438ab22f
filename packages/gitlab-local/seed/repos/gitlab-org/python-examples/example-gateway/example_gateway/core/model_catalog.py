from dataclasses import dataclass


@dataclass(frozen=True)
class Model:
    name: str
    provider: str
    context_window: int  # in tokens


MODEL_CATALOG: tuple[Model, ...] = (
    Model(name="claude-sonnet", provider="anthropic", context_window=200_000),
    Model(name="codestral", provider="mistral", context_window=32_000),
    Model(name="gemini-flash", provider="vertex-ai", context_window=1_000_000),
)


def find_model(name: str) -> Model | None:
    return next((model for model in MODEL_CATALOG if model.name == name), None)
