#!/usr/bin/env bash
# Installs Alibaba Cloud's official SDKs for the end-to-end differential
# (scripts/official.sh), at pinned versions, and does nothing when they are
# already there at those versions:
#   - .venv-official/ (git-ignored): from PyPI, tests/official/requirements.txt —
#     the current Python SDK (alibabacloud-smartag20180313 with
#     alibabacloud-tea-openapi) and the legacy one (aliyun-python-sdk-core with
#     aliyun-python-sdk-smartag), with every dependency pinned;
#   - tests/official/node_modules/ (git-ignored): from npm, `npm ci` of
#     tests/official/package-lock.json — @alicloud/pop-core,
#     @alicloud/openapi-client and @alicloud/openapi-util. The root package.json
#     is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-official
REQUIREMENTS=tests/official/requirements.txt
STAMP="$VENV/.requirements"
if [ -x "$VENV/bin/python" ] && cmp -s "$REQUIREMENTS" "$STAMP" \
  && "$VENV/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | sort | diff -q - <(sort "$REQUIREMENTS") >/dev/null; then
  echo "official SDKs (Python): up to date in $VENV"
else
  echo "official SDKs (Python): installing $REQUIREMENTS into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$REQUIREMENTS"
  cp "$REQUIREMENTS" "$STAMP"
fi

NODE_DIR=tests/official
NODE_STAMP="$NODE_DIR/node_modules/.package-lock.json"
# npm ci writes node_modules/.package-lock.json; while it lists exactly the
# locked packages, the tree is the locked one.
if [ -f "$NODE_STAMP" ] && node -e '
  const [lock, tree] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")).packages);
  const versions = (p) => JSON.stringify(Object.entries(p).filter(([k]) => k).map(([k, v]) => [k, v.version]).sort());
  process.exit(versions(lock) === versions(tree) ? 0 : 1);
' "$NODE_DIR/package-lock.json" "$NODE_STAMP"; then
  echo "official SDKs (Node): up to date in $NODE_DIR/node_modules"
else
  echo "official SDKs (Node): npm ci in $NODE_DIR"
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund --silent)
fi
