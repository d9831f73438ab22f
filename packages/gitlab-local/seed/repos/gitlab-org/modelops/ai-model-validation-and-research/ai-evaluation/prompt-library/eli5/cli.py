import typer
from rich.console import Console

from eli5.core.scoring import exact_match

app = typer.Typer(help="Evaluate GitLab AI features.")
console = Console()


@app.command()
def score(expected: str, actual: str) -> None:
    """Scores one answer against the expected answer."""
    console.print(f"exact match: {exact_match(expected, actual):.2f}")


@app.command(name="eval")
def evaluate(feature: str, dataset: str = typer.Option(..., help="Dataset name")) -> None:
    """Runs an evaluation of FEATURE on DATASET."""
    console.print(f"evaluating {feature} on {dataset}")


if __name__ == "__main__":
    app()
