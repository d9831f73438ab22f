# Source this to get the portal's provisioned toolchain on PATH in an interactive shell:
#   source scripts/env.sh
_portal_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for _d in "$_portal_root"/.tools/node/node_modules/node-*/bin; do [ -d "$_d" ] && PATH="$_d:$PATH"; done
PATH="$_portal_root/.tools/bin:$PATH"
export PATH
unset _d _portal_root
