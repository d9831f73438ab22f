${{ values.pythonDocstring }}

from ${{ values.packageName }}.backoff import backoff_delays, exponential_backoff

__all__ = ["backoff_delays", "exponential_backoff"]
