#!/usr/bin/env bash
# Differential test of the V1 string-to-sign against Alibaba's official signers
# (PyPI alibabacloud-openapi-util, npm @alicloud/openapi-util) on generated cases.
# DIFF_CASES (default 2000) and DIFF_SEED (default 20160223) choose the cases.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
CASES="${DIFF_CASES:-2000}"
SEED="${DIFF_SEED:-20160223}"
PY_SIGNER=alibabacloud-openapi-util==0.2.4
VENV="$HOME/.cache/smartag-venv"

# A throwaway venv outside the repo, made once and kept while the pin matches.
if ! "$VENV/bin/python" -m pip freeze 2>/dev/null | grep -qx "$PY_SIGNER"; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$PY_SIGNER"
fi
if [ ! -d node_modules/@alicloud/openapi-util ]; then
  npm ci --no-audit --no-fund
fi

cases="target/differential/cases-$CASES-$SEED.jsonl"
mkdir -p target/differential
cargo run --quiet --example cases -- "$CASES" "$SEED" >"$cases"
echo "differential: $(wc -l <"$cases") cases (GET and POST, 2 secrets each) from $cases"
"$VENV/bin/python" tests/differential/official_signer.py "$cases"
node tests/differential/official_signer.mjs "$cases"
