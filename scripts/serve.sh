#!/usr/bin/env bash
# Builds the web package into www/pkg and serves the form on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 ./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export WASM_PACK_CACHE="$HOME/.cache/.wasm-pack"
PORT="${PORT:-8080}"

wasm-pack build --mode no-install --release --target web --out-dir www/pkg
echo "Serving the order form at http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
