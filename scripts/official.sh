#!/usr/bin/env bash
# End-to-end differential against Alibaba Cloud's official SDKs.
#
# Valid requests drawn from the SPEC (tests/official/cases.py) are built and
# signed by the official clients themselves, with the HTTP call intercepted
# (tests/official/python_clients.py: alibabacloud-smartag20180313 on
# alibabacloud-tea-openapi, V3 and V1; aliyun-python-sdk-core with
# aliyun-python-sdk-smartag, V1; tests/official/node_clients.mjs:
# @alicloud/pop-core, V1; @alicloud/openapi-client, V3 and V1), and each
# captured request is compared with what the module builds and signs for the same
# values, nonce and time through its native API (examples/official.rs), by
# tests/official/compare.py; and read back exactly as the client sent it by the
# module's request reader (parse_http_request with the secret), which must find
# no error in it and verify its signature, and refuse its tampered copies (a
# value changed, a signed header changed or dropped, the Signature changed, the
# other method). Alibaba's published V1 (DescribeRegions) and V3 (RunInstances)
# examples go through the clients and the module too.
#
# DIFF_SEED (default: the clock) chooses the cases and is printed; the same seed
# replays them exactly. DIFF_PER_ACTION (default 200) requests per action, each
# built by every client and signature version. The actions are those the
# generator knows and the module has: UpgradeSmartAccessGateway,
# DowngradeSmartAccessGateway and DowngradeSmartAccessGatewaySoftware switch on
# by themselves when the module lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

./scripts/official-sdks.sh
cargo build --quiet --example official
module="${CARGO_TARGET_DIR:-target}/debug/examples/official"

out="${CARGO_TARGET_DIR:-target}/official"
mkdir -p "$out"
seed="${DIFF_SEED:-$(date +%s%N | cut -c1-9)}"
per_action="${DIFF_PER_ACTION:-200}"
generated="CreateSmartAccessGatewaySoftware CreateSmartAccessGateway UpgradeSmartAccessGatewaySoftware UpgradeSmartAccessGateway DowngradeSmartAccessGateway DowngradeSmartAccessGatewaySoftware"
actions=()
for action in $generated; do
  if "$module" --actions | grep -x "$action" >/dev/null; then
    actions+=("$action")
  else
    echo "official: $action is not in the module yet: skipped"
  fi
done
echo "official: DIFF_SEED=$seed DIFF_PER_ACTION=$per_action (replay with DIFF_SEED=$seed)"

DIFF_SEED="$seed" .venv-official/bin/python tests/official/cases.py --per-action "$per_action" --actions "$(IFS=,; echo "${actions[*]}")" >"$out/cases.jsonl"
.venv-official/bin/python tests/official/python_clients.py <"$out/cases.jsonl" >"$out/python.jsonl"
node tests/official/node_clients.mjs <"$out/cases.jsonl" >"$out/node.jsonl"
.venv-official/bin/python tests/official/compare.py --module "$module" --cases "$out/cases.jsonl" "$out/python.jsonl" "$out/node.jsonl"
