#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# Chromium for the end-to-end tests (never a browser download step), git, and
# the Python packages the handbook walkthrough test runs example-gateway with
# (from Debian, because these machines have no PyPI).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v git >/dev/null || need+=(git)
command -v psql >/dev/null || need+=(postgresql-client)
/usr/bin/python3 -c 'import fastapi, httpx, pydantic, pytest, structlog, uvicorn' 2>/dev/null ||
  need+=(python3 python3-fastapi python3-httpx python3-pydantic python3-pytest python3-structlog python3-uvicorn)
[ ${#need[@]} -eq 0 ] && exit 0
echo "[portal] installing Debian packages: ${need[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q "${need[@]}" >/dev/null 2>&1 ||
  { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${need[@]}" >/dev/null; }
