"""Exchange the job's OIDC token for a short-lived PyPI upload token."""

import json
import os
import urllib.request

request = urllib.request.Request(
    "https://pypi.org/_/oidc/mint-token",
    data=json.dumps({"token": os.environ["PYPI_ID_TOKEN"]}).encode(),
    method="POST",
)
with urllib.request.urlopen(request, timeout=30) as response:
    print(json.load(response)["token"])
