#!/usr/bin/env bash
# Bounded libFuzzer run of every target in fuzz/ (FUZZ_SECONDS each, default 30:
# with six targets the whole step stays under five minutes on two cores,
# including one build). FUZZ_TARGETS limits the run to some targets.
#
# Every run starts from a fresh libFuzzer seed, printed first: FUZZ_SEED=<n>
# repeats it. Exits non-zero on a crash; the crashing input is left in
# fuzz/artifacts/<target>/ and the script prints the command that replays it.
# After the fix, copy the input to fuzz/corpus/<target>/regression-<what> so it
# is run on every later run.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-30}"
SEED="${FUZZ_SEED:-$(( $(date +%s%N) % 4294967295 + 1 ))}"
CARGO_FUZZ_VERSION=0.13.2

if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION"; then
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# cargo-fuzz needs nightly flags; without a nightly toolchain, let stable accept them.
if rustup run nightly rustc --version >/dev/null 2>&1; then
  fuzz() { cargo +nightly fuzz "$@"; }
  toolchain="+nightly"
else
  fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
  toolchain=""
fi
host="$(rustc $toolchain -vV | sed -n 's/^host: //p')"

echo "==> fuzz seed $SEED (repeat this run with FUZZ_SEED=$SEED $0)"
# Safe Rust: no sanitizer needed; debug assertions make overflow a crash. One build for every target.
fuzz build --sanitizer none --debug-assertions
targets="${FUZZ_TARGETS:-$(fuzz list)}"

total=0
for target in $targets; do
  # New inputs go to a scratch corpus under target/, so the seeds in the repo stay a handful.
  work="target/corpus/$target"
  mkdir -p "$work" "artifacts/$target"
  echo "==> fuzzing $target for ${SECONDS_PER_TARGET}s"
  log="target/fuzz-$target.log"
  status=0
  "target/$host/release/$target" "$work" "corpus/$target" \
    -seed="$SEED" -max_total_time="$SECONDS_PER_TARGET" -max_len=16384 -timeout=10 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  if [ "$status" != 0 ]; then
    grep -a -A4 -E 'panicked at|ERROR:' "$log" | head -40
    artifact="$(grep -a -o "artifacts/$target/[^ ]*" "$log" | tail -1 || true)"
    echo "fuzz: $target crashed (exit $status, seed $SEED); input in fuzz/${artifact:-artifacts/$target/}" >&2
    echo "fuzz: replay it with: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --debug-assertions $target ${artifact:-artifacts/$target/<file>})" >&2
    exit 1
  fi
  runs="$(grep -a -o -E '^Done [0-9]+ runs' "$log" | grep -o -E '[0-9]+' || echo 0)"
  total=$((total + runs))
  grep -aE '^Done [0-9]+ runs' "$log"
done
echo "==> fuzzing done: $total runs in all (seed $SEED)"
