#!/usr/bin/env bash
# The types test: the built package's .d.ts files equal the golden copies (so a
# change to the public types is always deliberate; UPDATE_GOLDEN=1 rewrites
# them), no `any` in the public API, and tsc accepts correct.ts and catches every
# mistake in mistakes.ts. Needs scripts/package.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
GOLDEN=tests/golden

# node/ adds the signing functions (feature `sign`) to bundler/'s types; web/ adds wasm-bindgen's init().
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp pkg/node/smartag_request.d.ts "$GOLDEN/smartag_request.node.d.ts"
  cp pkg/bundler/smartag_request.d.ts "$GOLDEN/smartag_request.d.ts"
  cp pkg/web/smartag_request.d.ts "$GOLDEN/smartag_request.web.d.ts"
  echo "types: golden .d.ts rewritten; review with git diff $GOLDEN"
fi
diff -u "$GOLDEN/smartag_request.node.d.ts" pkg/node/smartag_request.d.ts
diff -u "$GOLDEN/smartag_request.d.ts" pkg/bundler/smartag_request.d.ts
diff -u "$GOLDEN/smartag_request.web.d.ts" pkg/web/smartag_request.d.ts
# The browser builds declare nothing that takes a secret.
if grep -nE 'accessKeySecret\??: string|function (sign|signedUrl|authorization)\(' "$GOLDEN/smartag_request.d.ts" "$GOLDEN/smartag_request.web.d.ts"; then
  echo "types: a browser build declares signing" >&2
  exit 1
fi

# The only `any` allowed is in wasm-bindgen's InitOutput (the raw wasm exports) of the web build.
if grep -nw any "$GOLDEN/smartag_request.d.ts" "$GOLDEN/smartag_request.node.d.ts" \
  || sed '/^export interface InitOutput {/,/^}/d' "$GOLDEN/smartag_request.web.d.ts" | grep -nw any; then
  echo "types: \`any\` in the public API" >&2
  exit 1
fi

# What the module returns, typed with the declared result types (tests/types/shapes.mjs).
node tests/types/shapes.mjs pkg-node >tests/types/shapes.generated.ts
PATH="$PWD/node_modules/.bin:$PATH" tsc --noEmit -p tests/types
echo "types: golden .d.ts unchanged, no any, correct.ts and the module's own results accepted, every mistake in mistakes.ts caught"
