from unittest import mock

import httpx
import pytest

from ai_gateway.models.anthropic import DEFAULT_MODEL, is_reachable


def test_default_model() -> None:
    assert DEFAULT_MODEL.provider == "anthropic"


@pytest.mark.asyncio
async def test_is_reachable_treats_5xx_as_down() -> None:
    client = mock.AsyncMock(spec=httpx.AsyncClient)
    client.get.return_value = httpx.Response(503)

    assert await is_reachable(client, "https://api.example.com") is False
