#!/usr/bin/env bash
# ./portal test: lint, formatting, config and type checks, unit, integration and
# end-to-end tests. Runs every stage even when one fails, then prints one line
# "N passed, N failed" summing every suite: lint, formatting, the config check,
# the type check and the app build count one each, jest counts each test.
# Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RESULTS=test-results
mkdir -p "$RESULTS"
passed=0
failed=0

stage() { printf '\n\033[1;34m=== %s ===\033[0m\n' "$*"; }
record() { # name status
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1" >&2; fi
}

bash scripts/ensure-system-packages.sh || exit 1

# Backstage's TestDatabases would try Docker under CI; use the machine's PostgreSQL.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
PG_URL="${PORTAL_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
if pg_major="$(psql "$PG_URL/postgres" -Atc 'SHOW server_version_num' 2>/dev/null)"; then
  export "BACKSTAGE_TEST_DATABASE_POSTGRES$((pg_major / 10000))_CONNECTION_STRING=$PG_URL"
else
  echo "warning: PostgreSQL at $PG_URL is not reachable; PostgreSQL tests will fail" >&2
fi

stage "lint"
yarn backstage-cli repo lint
record lint $?

stage "formatting (prettier)"
yarn prettier --check .
record prettier $?

stage "configuration schema (embedded defaults and production)"
yarn backstage-cli config:check --strict --config app-config.yaml &&
  yarn backstage-cli config:check --lax --strict --config app-config.yaml --config app-config.production.yaml
record config-check $?

stage "type check"
yarn tsc --noEmit false --incremental false
record tsc $?

stage "build the app bundle (served by the backend in end-to-end tests)"
yarn workspace app build
build=$?
record app-build $build

stage "unit, integration and end-to-end tests"
rm -f "$RESULTS/jest.json"
CI=true yarn backstage-cli repo test --no-watch --json --outputFile="$RESULTS/jest.json"
jest_status=$?
if [ -f "$RESULTS/jest.json" ]; then
  read -r jp jf < <(node -e '
    const r = require(process.argv[1]);
    // A suite that crashed before running tests counts as one failure.
    const crashed = r.testResults.filter(s => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + crashed);
  ' "$PWD/$RESULTS/jest.json")
  passed=$((passed + jp))
  failed=$((failed + jf))
  if [ "$jest_status" -ne 0 ] && [ "$jf" -eq 0 ]; then failed=$((failed + 1)); fi
else
  record jest 1
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
