import click


@click.command()
@click.argument("predictions")
def main(predictions: str) -> None:
    click.echo(f"evaluating {predictions}")
