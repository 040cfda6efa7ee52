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

step "differential against the official SDKs (Python tea-openapi + legacy core, @alicloud/pop-core, @alicloud/openapi-client; DIFF_SEED=N replays)"
./scripts/official.sh

step "fuzzing every entry point (bounded: FUZZ_SECONDS per target, default 30; FUZZ_SEED=N replays)"
./scripts/fuzz.sh

step "lints for wasm32 (the bindings and the wasm tests; the browser build without signing)"
cargo clippy --quiet --target wasm32-unknown-unknown --all-targets --features sign -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib -- -D warnings

step "JS API in Node and headless Chromium (wasm-bindgen-test, shared cases in tests/js_api)"
wasm-pack test --mode no-install --node -- --test node --features sign
wasm-pack test --mode no-install --headless --chrome --chromedriver /usr/bin/chromedriver -- --test browser --features sign

step "npm package: web, bundler and nodejs builds"
./scripts/package.sh
./scripts/size.sh

step "property test: random hostile JS values at every export (prints its seed; PROPERTY_SEED=N replays)"
node --test tests/node/

step "order handler and gateway emulator (smartag-request/server) in Node, and their types"
SMARTAG_PKG=pkg-node node --test tests/server/
SMARTAG_PKG=pkg-node tests/server/types/check.sh

step "types: golden .d.ts, no any, tsc on a correct and a mistaken consumer"
./tests/types/run.sh

step "packaging: the packed tarball from Node, in an esbuild bundle in Chromium, and the README examples"
./tests/packaging/run.sh

step "web form end to end (Playwright with Debian Chromium on the demo server at a free port; screenshots in test-results/screenshots)"
rm -rf www/pkg && cp -r pkg-web www/pkg
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test
