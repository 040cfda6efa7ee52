#!/usr/bin/env bash
# The packaging test: installs the packed tarball (scripts/package.sh) into a fresh
# project and uses it as users do: require() and import from Node, an esbuild
# bundle in headless Chromium, and the README's Node and browser examples.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
HERE="$ROOT/tests/packaging"
TARBALL="$(ls "$ROOT"/target/npm/smartag-request-*.tgz)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' >package.json
npm install --offline --no-audit --no-fund --silent "$TARBALL"
cp "$HERE"/{checks.mjs,node-consumer.mjs,node-consumer.cjs,first-call.cjs,browser-consumer.js,bundler-consumer.mjs,page.html} .

node node-consumer.mjs
node node-consumer.cjs
node first-call.cjs
node --experimental-wasm-modules --no-warnings bundler-consumer.mjs
"$ROOT/node_modules/.bin/esbuild" browser-consumer.js --bundle --format=esm --loader:.wasm=file \
  --outdir=dist --log-level=warning
cp page.html dist/
node "$HERE/chromium.mjs" "$WORK/dist" 'page.html?script=browser-consumer.js'

# The README's examples, run as written; each must print exactly its ```text block.
for name in $(node "$HERE/readme-examples.mjs" "$ROOT/README.md" "$WORK"); do
  case "$name" in
    node*) node "$name.mjs" >"$name.out" ;;
    browser) node "$HERE/chromium.mjs" "$WORK" "page.html?script=$name.mjs" >"$name.out" ;;
    *) echo "run.sh: no runner for README example $name" >&2; exit 1 ;;
  esac
  diff -u "$name.expected" "$name.out"
  echo "README example $name: prints what the README says"
done
