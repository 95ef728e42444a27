#!/usr/bin/env bash
# The language server's client tests, as CI runs them on a fresh machine:
#   1. pytest-lsp drives the server through every feature (lsp/tests/client/);
#   2. a headless Neovim opens the example and a fixture (lsp/tests/nvim/smoke.sh);
#   3. the VS Code extension: TextMate grammar test, type check, bundle and .vsix package.
# Installs what is missing: Python packages in a virtualenv under target/, Neovim with
# apt-get, npm packages with `npm ci`. Run from anywhere; takes a few minutes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
step() { printf '\n== %s\n' "$*"; }

step "build isms-lsp"
cargo build -p isms-lsp
export ISMS_LSP="$repo/target/debug/isms-lsp"

step "pytest-lsp client tests"
venv="$repo/target/lsp-client-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r lsp/tests/client/requirements.txt
(cd lsp/tests/client && "$venv/bin/python" -m pytest -q -p no:cacheprovider)

step "neovim smoke test"
if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi
lsp/tests/nvim/smoke.sh "$ISMS_LSP"

step "vs code extension: grammar test, type check, package"
cd editors/vscode
npm ci --no-audit --no-fund --loglevel=error
npx --no-install vscode-tmgrammar-test -g syntaxes/isms.tmLanguage.json 'tests/*.test.isms'
npx --no-install vsce package --out isms.vsix
