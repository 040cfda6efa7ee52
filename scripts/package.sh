#!/usr/bin/env bash
# Builds the npm package as users get it (README "Package layout"):
#   pkg-web/, pkg-bundler/, pkg-node/  one wasm-pack build per target (each usable on its own;
#                                      the form copies pkg-web)
#   pkg/                               the published package: the three builds under web/,
#                                      bundler/ and node/, one package.json whose "exports"
#                                      picks the right one
#   target/npm/smartag-request-<version>.tgz   `npm pack` of pkg/
# wasm-opt comes from npm `binaryen` (node_modules/.bin ahead on PATH), never Debian's.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export WASM_PACK_CACHE="$HOME/.cache/.wasm-pack"
mkdir -p "$WASM_PACK_CACHE"

case "$(wasm-opt --version)" in
  *"version 132"*) ;;
  *) echo "package.sh: wasm-opt must be npm binaryen 132 (run scripts/setup.sh)" >&2; exit 1 ;;
esac

# Only the Node build has the feature `sign` (Cargo.toml): no AccessKey secret belongs
# in a page, so the browser builds cannot sign. Browser builds are optimized for size (Cargo.toml: opt-level "z", wasm-opt -Oz): a
# buyer downloads them on every visit. The web and bundler builds share one cargo build.
for target in web bundler; do
  wasm-pack --quiet build --mode no-install --release --target "$target" --out-dir "pkg-$target"
done
# Their JS (glue and snippets) is minified too: it is downloaded with the module.
find pkg-web pkg-bundler -name '*.js' -print0 | while IFS= read -r -d '' f; do
  esbuild "$f" --minify --log-level=warning --outfile="$f.min" && mv "$f.min" "$f"
done
# The Node build serves backends that build orders in bulk: optimized for speed
# (about 1.5 times fewer instructions per build, ~21 KB gzip larger), in its own
# target dir so neither profile rebuilds the other.
CARGO_TARGET_DIR=target/speed CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
  wasm-pack --quiet build --mode no-install --release --no-opt --target nodejs --out-dir pkg-node -- --features sign
wasm-opt -O3 pkg-node/smartag_request_bg.wasm -o pkg-node/smartag_request_bg.wasm

# The nodejs glue require()s the JS snippets (js/*.js, ES modules): give the node
# build CommonJS copies, so Node 18 (no require of ES modules) loads them too.
node - <<'EOF'
const fs = require("fs");
const path = require("path");
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
for (const file of walk("pkg-node/snippets").filter((f) => f.endsWith(".js"))) {
  const names = [];
  const cjs = fs.readFileSync(file, "utf8").replace(/^export function (\w+)/gm, (_, name) => (names.push(name), `function ${name}`));
  if (/^export /m.test(cjs)) throw new Error(`${file}: only "export function" is converted to CommonJS`);
  fs.writeFileSync(file, `${cjs}\nmodule.exports = { ${names.join(", ")} };\n`);
}
EOF

# The Node build also carries smartag-request/server (js/server/, CommonJS): the
# order handler, the gateway emulator and the Node http adapter.
rm -rf pkg-node/server && cp -r js/server pkg-node/server && rm pkg-node/server/README.md
node - <<'EOF'
const fs = require("fs");
const meta = JSON.parse(fs.readFileSync("pkg-node/package.json", "utf8"));
meta.files = [...new Set([...(meta.files ?? []), "server/"])];
meta.exports = {
  ".": { types: "./smartag_request.d.ts", default: "./smartag_request.js" },
  "./server": { types: "./server/index.d.ts", default: "./server/index.cjs" },
  "./package.json": "./package.json",
};
fs.writeFileSync("pkg-node/package.json", JSON.stringify(meta, null, 2) + "\n");
EOF

rm -rf pkg && mkdir -p pkg target/npm
for kind in web bundler node; do
  mkdir "pkg/$kind"
  cp pkg-$kind/smartag_request*.{js,ts,wasm} "pkg/$kind/"
  cp -r "pkg-$kind/snippets" "pkg/$kind/"
  if [ "$kind" = node ]; then cp -r pkg-node/server pkg/node/; fi
  # The nearest package.json decides how Node and TypeScript read the .js files.
  if [ "$kind" = node ]; then module=commonjs; else module=module; fi
  printf '{ "type": "%s" }\n' "$module" >"pkg/$kind/package.json"
done
cp README.md pkg/

# Name, version, description, licence, repository and keywords come from Cargo.toml (via wasm-pack).
node - <<'EOF'
const fs = require("fs");
const meta = JSON.parse(fs.readFileSync("pkg-node/package.json", "utf8"));
const entry = (dir) => ({ types: `./${dir}/smartag_request.d.ts`, default: `./${dir}/smartag_request.js` });
const pkg = {
  name: meta.name,
  version: meta.version,
  description: meta.description,
  license: meta.license,
  repository: meta.repository,
  keywords: meta.keywords,
  type: "module",
  main: "./node/smartag_request.js",
  module: "./bundler/smartag_request.js",
  types: "./bundler/smartag_request.d.ts",
  exports: {
    ".": { node: entry("node"), default: entry("bundler") },
    // Backends only: no browser condition, so a bundler never picks it up.
    "./server": { types: "./node/server/index.d.ts", node: "./node/server/index.cjs" },
    "./web": entry("web"),
    "./web/smartag_request_bg.wasm": "./web/smartag_request_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["web/", "bundler/", "node/", "README.md"],
  // Importing these instantiates the module; the web build only does so in init().
  sideEffects: ["./bundler/smartag_request.js", "./node/smartag_request.js"],
  engines: { node: ">=20" },
};
fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
EOF

(cd pkg && npm pack --silent --pack-destination ../target/npm >/dev/null)
echo "package.sh: built pkg/ and target/npm/$(node -p 'const p=require("./pkg/package.json"); `${p.name}-${p.version}.tgz`')"
