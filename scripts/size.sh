#!/usr/bin/env bash
# Prints the size of the web build as a browser downloads it: the .wasm and the
# JS glue, raw and gzip -9 (README "Size"). Needs scripts/package.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
total=0
# The glue is smartag_request.js and the snippets it imports (js/*.js in the repository).
for f in pkg/web/smartag_request_bg.wasm pkg/web/smartag_request.js $(find pkg/web/snippets -name '*.js' | sort); do
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  printf '%-72s %8d bytes raw %8d bytes gzip -9\n' "$f" "$raw" "$gz"
done
printf '%-72s %8s %18d bytes gzip -9\n' "wasm + glue" "" "$total"
