from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Annotated

import structlog
import typer

import ${{ values.packageName }}
from ${{ values.packageName }}.config import Settings
from ${{ values.packageName }}.core.datasets import summarize_dataset
from ${{ values.packageName }}.structured_logging import setup_logging

app = typer.Typer(help=${{ values.packageName }}.__doc__, no_args_is_help=True)
log = structlog.get_logger(__name__)


@app.callback()
def main() -> None:
    """Configure logging from the settings before any command runs."""
    settings = Settings()
    setup_logging(settings.log_level, settings.log_format)


@app.command()
def check(
    dataset: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="JSON Lines dataset"),
    ],
) -> None:
    """Check that every line of DATASET is a JSON object; exit 1 if not."""
    summary = summarize_dataset(dataset)
    log.info("dataset_checked", path=str(dataset), valid=summary.valid)
    typer.echo(f"{summary.valid}/{summary.total} records are valid")
    if summary.invalid_lines:
        lines = ", ".join(str(n) for n in summary.invalid_lines)
        typer.echo(f"Invalid lines: {lines}", err=True)
        raise typer.Exit(code=1)


@app.command()
def version() -> None:
    """Print the installed version."""
    typer.echo(installed_version("${{ values.distributionName }}"))
