#!/usr/bin/env bash
# Type-checks a consumer of js/server/index.d.ts laid out as the package ships it
# (server/ next to the Node build's smartag_request.d.ts). Needs the Node build
# (SMARTAG_PKG, default pkg-node) and typescript (node_modules). No @types/node needed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT="$PWD"
PKG="${SMARTAG_PKG:-$ROOT/pkg-node}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$PKG/smartag_request.d.ts" "$WORK/"
mkdir "$WORK/server" && cp "$ROOT/js/server/index.d.ts" "$WORK/server/"
cp "$ROOT/tests/server/types/consumer.ts" "$WORK/"
NM="${NODE_MODULES:-$ROOT/node_modules}"
cat >"$WORK/tsconfig.json" <<JSON
{ "compilerOptions": { "strict": true, "exactOptionalPropertyTypes": true, "noEmit": true, "target": "es2022",
    "lib": ["es2022", "dom"], "module": "nodenext", "moduleResolution": "nodenext",
    "types": [], "skipLibCheck": false },
  "files": ["consumer.ts"] }
JSON
"$NM/.bin/tsc" -p "$WORK/tsconfig.json"
echo "server types: consumer.ts accepted, every @ts-expect-error caught"
