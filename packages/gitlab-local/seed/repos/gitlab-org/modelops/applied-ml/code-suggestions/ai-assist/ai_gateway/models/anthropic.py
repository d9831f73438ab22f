from typing import NamedTuple

import httpx


class ModelMetadata(NamedTuple):
    name: str
    provider: str
    max_tokens: int


DEFAULT_MODEL = ModelMetadata(name="claude-3-5-sonnet", provider="anthropic", max_tokens=2048)


async def is_reachable(client: httpx.AsyncClient, base_url: str) -> bool:
    """Checks the provider answers before traffic is routed to it."""
    response = await client.get(base_url, timeout=2.0)
    return response.status_code < 500
