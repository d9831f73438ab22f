#!/usr/bin/env bash
# ./portal start: the app (:3000) and backend (:7007) on embedded defaults.
# With GITLAB_HOST and GITLAB_TOKEN set, the portal talks to that GitLab;
# otherwise the local demo GitLab (packages/gitlab-local) runs on :7080 with
# its seeded repositories.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mkdir -p data/sqlite
configs=(--config "$PWD/app-config.yaml")
[ -f app-config.local.yaml ] && configs+=(--config "$PWD/app-config.local.yaml")

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -n "${GITLAB_HOST:-}" ]; then
  [ -n "${GITLAB_TOKEN:-}" ] || { echo "[portal] GITLAB_HOST is set but GITLAB_TOKEN is not" >&2; exit 1; }
  configs+=(--config "$PWD/app-config.gitlab.yaml")
  echo "[portal] using the GitLab at $GITLAB_HOST" >&2
else
  port="${PORTAL_GITLAB_PORT:-7080}"
  echo "[portal] starting the local demo GitLab on :$port (data in data/gitlab)" >&2
  GITLAB_LOCAL_SYSTEM_HOOK_TOKEN=python-stewardship-demo-webhook \
    node packages/gitlab-local/bin/gitlab-local --port "$port" --data-dir data/gitlab \
    --system-hook http://localhost:7007/api/events/http/gitlab &
  pids+=($!)
  for _ in $(seq 1 60); do
    curl -sf "http://localhost:$port/-/local/stats" >/dev/null 2>&1 && break
    kill -0 "${pids[0]}" 2>/dev/null || { echo "[portal] the local GitLab failed to start" >&2; exit 1; }
    sleep 0.5
  done
fi

cat >&2 <<EOF

  Python Stewardship Portal
  ─────────────────────────
  Open  http://localhost:3000   (Sign in with GitLab: pick a person; root is the admin)
  API   http://localhost:7007
  Data  $(pwd)/data   (delete it to start from scratch)

EOF
yarn backstage-cli repo start "${configs[@]}" &
pids+=($!)
wait "${pids[-1]}"
