from fastapi import FastAPI

from ${{ values.packageName }}.config import Settings


def test_create_app_keeps_the_settings(app: FastAPI, settings: Settings) -> None:
    assert app.state.settings is settings
    assert app.title == "${{ values.name }}"
