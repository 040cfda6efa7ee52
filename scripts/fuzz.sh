#!/usr/bin/env bash
# Bounded libFuzzer run of every target in fuzz/ (FUZZ_SECONDS each, default 60).
# Exits non-zero on a crash; the crashing input is left in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
CARGO_FUZZ_VERSION=0.13.2

if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION"; then
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# cargo-fuzz needs nightly flags; without a nightly toolchain, let stable accept them.
if rustup run nightly rustc --version >/dev/null 2>&1; then
  fuzz() { cargo +nightly fuzz "$@"; }
else
  fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
fi

for target in $(fuzz list); do
  # New inputs go to a scratch corpus under target/, so the seeds in the repo stay a handful.
  work="target/corpus/$target"
  mkdir -p "$work"
  echo "==> fuzzing $target for ${SECONDS_PER_TARGET}s"
  # Safe Rust: no sanitizer needed; debug assertions make overflow a crash.
  log="target/fuzz-$target.log"
  status=0
  fuzz run --sanitizer none --debug-assertions "$target" "$work" "corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=16384 -timeout=10 -print_final_stats=1 >"$log" 2>&1 || status=$?
  if [ "$status" != 0 ]; then
    grep -a -A4 -E 'panicked at|ERROR:' "$log" | head -40
    echo "fuzz: $target crashed (exit $status); input in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -aE '^Done [0-9]+ runs' "$log"
done
