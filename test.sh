#!/usr/bin/env bash
# Runs every test of armsmatch: Rust (unit, property, doc, CLI end-to-end), C (ABI tests
# under valgrind and AddressSanitizer), Python (pytest in its own virtualenv), the
# header check and the benchmark smoke run. Installs what it needs itself.
#
#   ./test.sh            everything
#   ./test.sh rust       only the Rust part (also: c, python, bench)
set -euo pipefail
cd "$(dirname "$0")"
parts=("${@:-all}")
want() { [[ " ${parts[*]} " == *" all "* || " ${parts[*]} " == *" $1 "* ]]; }
step() { printf '\n=== %s ===\n' "$*"; }
start=$(date +%s)

if want rust; then
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy -D warnings"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  step "cargo test (unit, property, doc, CLI end-to-end)"
  cargo test --workspace --locked
fi
if want rust; then
  step "HTML report in headless Chromium"
  cli/report-test/run.sh
fi
if want c; then
  step "C ABI tests (header check, valgrind, ASan/UBSan, pthreads, shared vectors)"
  ffi/tests/run.sh
fi
if want python; then
  step "Python tests"
  python/tests/run.sh
fi
if want bench; then
  step "benchmark smoke run"
  cargo run --release --locked -p armsmatch-benches -- --smoke
fi
step "all tests passed in $(( $(date +%s) - start )) s"
