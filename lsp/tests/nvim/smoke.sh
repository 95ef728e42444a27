#!/usr/bin/env bash
# Headless Neovim smoke test of isms-lsp: the example project opens clean (diagnostics
# arrive, empty, and hover answers), and the fixture's broken reference is reported.
# Usage: lsp/tests/nvim/smoke.sh [path/to/isms-lsp]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
export ISMS_LSP="${1:-${ISMS_LSP:-$repo/target/debug/isms-lsp}}"
command -v nvim >/dev/null || { echo "nvim not found (apt-get install neovim)" >&2; exit 1; }

run() {
  ISMS_ROOT="$1" ISMS_FILE="$2" ISMS_EXPECT="$3" \
    timeout 120 nvim --headless --clean -c "luafile $here/smoke.lua" </dev/null
}

# The example is opened in place, read-only in effect: nothing is written.
run "$repo/examples/acme" "$repo/examples/acme/risks.isms" clean

# The fixture is copied: the test must not depend on the checkout's state.
ws="$(mktemp -d)"
trap 'rm -rf "$ws"' EXIT
cp -R "$repo/lsp/tests/fixtures/workspace/." "$ws/"
run "$ws" "$ws/assets.isms" ref/unknown
echo "nvim-smoke: 2 passed, 0 failed"
