#!/usr/bin/env bash
# Builds everything (the web, bundler and Node packages) and serves the demo on
# 127.0.0.1, in one Node process (scripts/demo-server.mjs): the order form (www/,
# which loads the web build from www/pkg), its /config.json, and the order
# endpoint POST /order, which signs with a random demo AccessKey made for this
# run and orders from the gateway emulator in the same process.
#
#   ./scripts/serve.sh            # http://127.0.0.1:8080/ (PORT=… for another port)
#   ./scripts/serve.sh --real     # REAL orders: signs with ALIBABA_CLOUD_ACCESS_KEY_ID /
#                                 # _SECRET (/ _SECURITY_TOKEN) and sends to Smartag itself
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
REAL=()
for arg in "$@"; do
  case "$arg" in
    --real) REAL=(--real) ;;
    *) echo "usage: ./scripts/serve.sh [--real]" >&2; exit 2 ;;
  esac
done
# Refused before the build, not after it.
if [ ${#REAL[@]} -gt 0 ] && { [ -z "${ALIBABA_CLOUD_ACCESS_KEY_ID:-}" ] || [ -z "${ALIBABA_CLOUD_ACCESS_KEY_SECRET:-}" ]; }; then
  echo "serve.sh: --real places REAL orders and needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET" >&2
  echo "  (and ALIBABA_CLOUD_SECURITY_TOKEN for STS credentials) in the environment." >&2
  exit 2
fi
SKIP_BROWSER=1 ./scripts/setup.sh

./scripts/package.sh
rm -rf www/pkg && cp -r pkg-web www/pkg
exec node scripts/demo-server.mjs --port "$PORT" "${REAL[@]}"
