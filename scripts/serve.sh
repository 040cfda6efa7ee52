#!/usr/bin/env bash
# Builds everything (the web, bundler and Node packages) and serves the order
# form, which loads the web build from www/pkg, on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 ./scripts/setup.sh
PORT="${PORT:-8080}"

./scripts/package.sh
rm -rf www/pkg && cp -r pkg-web www/pkg
echo "Serving the order form at http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
