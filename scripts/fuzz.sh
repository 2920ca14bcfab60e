#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (cargo fuzz), each for a fixed time.
#
#   scripts/fuzz.sh                 every target for 60 s (the CI smoke run)
#   scripts/fuzz.sh 600             every target for 10 minutes
#   scripts/fuzz.sh 600 query records   only these targets
#
# Installs cargo-fuzz (crates.io, `cargo install --locked --debug`, ~35 s) when it is missing.
# cargo fuzz needs nightly compiler features (-Zsanitizer, sancov); the machine has one
# stable toolchain, so they are switched on with RUSTC_BOOTSTRAP=1.
#
# Each target starts from the committed seeds (fuzz/seeds/<target>) and keeps what it
# grows in fuzz/corpus/<target> (not committed). A crash, a leak, a timeout (one input
# running over 10 s: a hang) or an input using over 2 GB stops the run: the input is in
# fuzz/artifacts/<target>/ and this script exits 1. Reproduce it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -O <target> fuzz/artifacts/<target>/<file>
# then add it to fuzz/regressions/<target>/ (replayed by core/tests/bad_inputs.rs) and
# write a regression test that names the bug.
#
# Extra libFuzzer flags go in FUZZ_ARGS, e.g. FUZZ_ARGS="-fork=1 -ignore_crashes=1" to
# keep fuzzing past known crashes and collect each distinct one in fuzz/artifacts/.
#
# A summary line per target (runs, execs/s, corpus size, peak RSS) is printed at the
# end and written to fuzz/artifacts/summary.txt; full logs are in fuzz/artifacts/logs/.
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root/fuzz"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    # A debug build: it only drives cargo and libFuzzer (33 s to install instead of 55 s).
    cargo install cargo-fuzz --locked --debug --version 0.13.2
fi

if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

mkdir -p artifacts/logs
echo "== building the fuzz targets"
cargo fuzz build -O

# One target per core at a time (FUZZ_JOBS): a libFuzzer run uses one core.
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
run_target() {
    local t=$1 log="artifacts/logs/$1.log" started=$SECONDS result runs speed rss corpus crashes
    mkdir -p "corpus/$t" "seeds/$t"
    if cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        grep -E "ERROR|panicked|Test unit written" "$log" | head -20 >&2 || true
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    if [[ -z $runs ]]; then
        # Fork mode prints no final stats; take the last status line.
        runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
        speed=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
    fi
    corpus=$(find "corpus/$t" -type f | wc -l)
    crashes=$(find "artifacts/$t" -maxdepth 1 -type f 2>/dev/null | wc -l)
    echo "$t: $result, ${runs:-?} runs in $((SECONDS - started))s, ${speed:-?} execs/s, corpus $corpus, peak RSS ${rss:-?} MB, crash/timeout/oom inputs $crashes" \
        | tee "artifacts/logs/$t.summary"
    [[ $result == ok ]]
}

status=0
pids=()
for t in "${targets[@]}"; do
    echo "== $t: ${seconds}s"
    run_target "$t" &
    pids+=($!)
    if (( ${#pids[@]} >= jobs )); then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done
summary=()
for t in "${targets[@]}"; do
    summary+=("$(cat "artifacts/logs/$t.summary")")
done

printf '%s\n' "${summary[@]}" | tee artifacts/summary.txt
exit $status
