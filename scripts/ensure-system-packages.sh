#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# Chromium for the end-to-end tests (never a browser download step) and git.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v git >/dev/null || need+=(git)
command -v psql >/dev/null || need+=(postgresql-client)
[ ${#need[@]} -eq 0 ] && exit 0
echo "[portal] installing Debian packages: ${need[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q "${need[@]}" >/dev/null 2>&1 ||
  { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${need[@]}" >/dev/null; }
