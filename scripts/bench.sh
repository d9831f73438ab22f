#!/usr/bin/env bash
# ./portal bench: runs each package's benchmark script; results go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for pkg in packages/* plugins/*; do
  if node -e 'process.exit(require(process.argv[1]).scripts?.bench ? 0 : 1)' "$PWD/$pkg/package.json" 2>/dev/null; then
    echo "=== bench: $pkg ===" >&2
    (cd "$pkg" && yarn bench)
  fi
done
