#!/usr/bin/env bash
# Runs every test of armsmatch: Rust (unit, property, doc, CLI end-to-end), C (ABI tests
# under valgrind and AddressSanitizer), Python (pytest in its own virtualenv), the
# header check, the bad-input matrix in every binding, a short libFuzzer run of every
# fuzz target, the supply-chain checks and the benchmark smoke run. Installs what it
# needs itself.
#
#   ./test.sh            everything
#   ./test.sh rust       only the Rust part (also: c, python, security, bench)
#
# FUZZ_SECONDS (default 10) sets the libFuzzer time per target; scripts/fuzz.sh 600 is
# the long run.
set -euo pipefail
cd "$(dirname "$0")"
parts=("${@:-all}")
want() { [[ " ${parts[*]} " == *" all "* || " ${parts[*]} " == *" $1 "* ]]; }
start=$(date +%s)
last=$start
# Each step says how long the one before it took (the CI log shows where time goes).
step() {
  local now
  now=$(date +%s)
  if (( now > start )); then printf '(step took %d s)\n' $(( now - last )); fi
  last=$now
  printf '\n=== %s ===\n' "$*"
}

if want rust; then
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy -D warnings"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  step "cargo test (unit, property, doc, CLI end-to-end)"
  # Two tests also write files for later steps, so that they are not compiled again
  # (with other features, hence a second build of core): the HTML report the browser
  # step renders, and the Rust hits of the shared vectors the C tests must equal.
  rm -rf target/report-test target/ffi-vectors
  mkdir -p target/report-test target/ffi-vectors
  ARMSMATCH_REPORT_HTML="$PWD/target/report-test/report.html" \
    ARMSMATCH_VECTORS_DUMP="$PWD/target/ffi-vectors/rust.dump" \
    cargo test --workspace --locked
  step "HTML report in headless Chromium"
  REPORT_TEST_RENDERED=1 cli/report-test/run.sh
fi
if want c; then
  step "C ABI tests (header check, valgrind, ASan/UBSan, pthreads, shared vectors)"
  if want rust; then
    ARMSMATCH_FFI_RUST_DUMP="$PWD/target/ffi-vectors/rust.dump" ffi/tests/run.sh
  else
    ffi/tests/run.sh
  fi
  step "C: the bad-input matrix and the concurrency stress test (static, shared, ASan/UBSan, valgrind)"
  ffi/tests/run_bad_inputs.sh
fi
if want python; then
  step "Python tests"
  python/tests/run.sh
fi
if want security; then
  step "supply chain: cargo deny (licences, bans, sources), advisories when reachable, unsafe audit"
  scripts/supply-chain.sh
  step "libFuzzer: every target for ${FUZZ_SECONDS:-10} s from the committed seeds"
  scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
fi
if want bench; then
  step "benchmark smoke run"
  cargo run --release --locked -p armsmatch-benches -- --smoke
fi
step "all tests passed in $(( $(date +%s) - start )) s"
