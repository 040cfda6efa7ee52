#!/usr/bin/env bash
# Runs every test: the README's test command, and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export WASM_PACK_CACHE="$HOME/.cache/.wasm-pack"

step() { printf '\n==> %s\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings

step "native tests (pure core)"
cargo test --quiet
