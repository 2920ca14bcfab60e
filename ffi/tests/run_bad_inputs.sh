#!/usr/bin/env bash
# The bad-input matrix (tests/bad_inputs.json) and the concurrency stress test through
# the C API. Callable from any directory:
#
#   ffi/tests/run_bad_inputs.sh
#
# 1. builds the library as ffi/tests/run.sh does (cargo build -p armsmatch-ffi --release;
#    ARMSMATCH_FFI_PROFILE=debug for a debug build);
# 2. converts the matrix to the line format bad_inputs.c reads (python3; long fields and
#    whole files become files in a temporary directory);
# 3. compiles bad_inputs.c (-std=c11 -Wall -Wextra -Wpedantic -Werror) and runs the
#    matrix (static library) and the stress test (shared library);
# 4. runs both again built with -fsanitize=address,undefined, and the matrix under
#    valgrind (the stress test is too slow under valgrind; ASan covers it).
#
# Environment: ARMSMATCH_FFI_PROFILE=release|debug, ARMSMATCH_FFI_SKIP_VALGRIND=1,
# ARMSMATCH_FFI_SKIP_ASAN=1, KEEP_WORK=1 (keep the temporary directory).
set -euo pipefail

work_name=armsmatch-ffi-bad
# shellcheck source=ffi/tests/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
started=$SECONDS
status=0
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }
# A failing test step is reported and the next ones still run; the script fails at the end.
run() { "$@" || { echo "FAILED: $*" >&2; status=1; }; }

cd "$root"
step "build the library ($profile)"
cargo build -p armsmatch-ffi "${cargo_profile[@]}"

step "convert tests/bad_inputs.json to lines"
mkdir -p "$work/files" "$work/run"
python3 - "$root/tests/bad_inputs.json" "$work/matrix.lines" "$work/files" <<'PY'
import json, os, sys

src, dst, files = sys.argv[1:4]
m = json.load(open(src, encoding="utf-8"))

def raw(v):
    if isinstance(v, str):
        return v.encode("utf-8")
    if "hex" in v:
        return bytes.fromhex(v["hex"])
    return (v.get("prefix", "") + v["repeat"] * v["times"] + v.get("suffix", "")).encode("utf-8")

def enc(v):
    if v is None:
        return "-"
    b = raw(v) if not isinstance(v, (int, float)) or isinstance(v, bool) else str(v).encode()
    return b.hex() if b else "="

def to_file(name, data):
    path = os.path.join(files, name)
    with open(path, "wb") as f:
        f.write(data)
    return path

# The C API refuses a NUL byte in any text argument (ARMSMATCH_STATUS_INVALID_ARGUMENT
# naming the field: a C string cannot hold one, so it is nearly always a length that
# counts the terminating NUL), where core's Rust API drops or stores it. So an entry
# giving a query or record field with a NUL byte expects that refusal here, whatever the
# shared matrix expects of the Rust API. (Files' contents are not C text arguments.)
TEXT_FIELDS = ("id", "serial", "make", "model", "calibre", "country")

def c_expect(c):
    i = c["input"]
    if c["target"] in ("query", "record") and any(
        i.get(k) is not None and b"\0" in raw(i[k]) for k in TEXT_FIELDS
    ):
        return "error:INVALID_ARGUMENT"
    return c["expect"]

out = []
for r in m["records"]:
    out.append(" ".join(["R"] + [enc(r.get(k)) for k in ("id", "serial", "make", "model", "calibre", "country")]))
for n, c in enumerate(m["cases"]):
    i, t = c["input"], c["target"]
    head = [enc(c["name"]), enc(c_expect(c))]
    if t == "query":
        o = i.get("options", {})
        th = o.get("threshold")
        fields = [i.get("serial"), i.get("make"), i.get("model"), i.get("calibre"), i.get("country"),
                  o.get("max_edits"), o.get("top"), "nan" if th == "NaN" else th,
                  c.get("first_hit"), "1" if c.get("hits") == [] else None]
        out.append(" ".join(["Q"] + head + [enc(f) for f in fields]))
    elif t == "record":
        fields = [i.get(k) for k in ("id", "serial", "make", "model", "calibre", "country", "reported_on")]
        fields += [c.get("stored_id"), c.get("stored_country"), c.get("found_by")]
        out.append(" ".join(["A"] + head + [enc(f) for f in fields]))
    elif t == "records_csv":
        path = to_file(f"case{n}.{i['format']}", raw(i["text"]))
        fields = [path, "1" if i.get("skip_bad_rows") else "0", c.get("records"), c.get("skipped")]
        out.append(" ".join(["F"] + head + [enc(f) for f in fields]))
    elif t == "index_bytes":
        if "bytes" in i:
            fields = ["bytes", to_file(f"case{n}.bin", raw(i["bytes"])), None, None, None]
        else:
            append = to_file(f"case{n}.append", raw(i["append"])) if "append" in i else None
            tr, fl = i.get("truncate_to"), i.get("flip")
            fields = ["build", None, None if tr is None else str(tr), None if fl is None else str(fl), append]
        out.append(" ".join(["I"] + head + [enc(f) for f in fields]))
    else:
        sys.exit(f"unknown target {t}")
with open(dst, "w") as f:
    f.write("\n".join(out) + "\n")
print(f"{len(m['cases'])} entries")
PY

step "compile bad_inputs.c"
"$cc" "${cflags[@]}" -pthread "$ffi_dir/tests/bad_inputs.c" -o "$work/bad_inputs_static" \
    "$lib_dir/libarmsmatch.a" "${native_libs[@]}"
"$cc" "${cflags[@]}" -pthread "$ffi_dir/tests/bad_inputs.c" -o "$work/bad_inputs_shared" \
    -L"$lib_dir" -larmsmatch -Wl,-rpath,"$lib_dir"

step "the matrix (static library)"
run "$work/bad_inputs_static" "$work/matrix.lines" "$work/run"

step "the stress test: checks on every core while a writer inserts, removes, compacts and saves (shared library)"
run "$work/bad_inputs_shared" --stress "$work/run"

if [[ ${ARMSMATCH_FFI_SKIP_ASAN:-0} != 1 ]]; then
    step "AddressSanitizer + UndefinedBehaviorSanitizer: matrix and stress"
    san=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    "$cc" "${cflags[@]}" "${san[@]}" -pthread "$ffi_dir/tests/bad_inputs.c" -o "$work/bad_inputs_asan" \
        "$lib_dir/libarmsmatch.a" "${native_libs[@]}"
    export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run "$work/bad_inputs_asan" "$work/matrix.lines" "$work/run"
    run "$work/bad_inputs_asan" --stress "$work/run"
    unset ASAN_OPTIONS UBSAN_OPTIONS
fi

if [[ ${ARMSMATCH_FFI_SKIP_VALGRIND:-0} != 1 ]]; then
    if ! command -v valgrind >/dev/null && [[ ${CI:-} == true && $(id -u) == 0 ]]; then
        apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
    fi
    if command -v valgrind >/dev/null; then
        step "valgrind: the matrix, in two halves side by side"
        # valgrind runs a program on one core at a time; the cases are independent, so
        # every other one goes to each half (both with the register's records).
        grep '^R ' "$work/matrix.lines" >"$work/records.lines"
        for half in 0 1; do
            mkdir -p "$work/run_vg$half"
            { cat "$work/records.lines"; grep -v '^R ' "$work/matrix.lines" | awk -v h=$half 'NR % 2 == h'; } \
                >"$work/matrix_vg$half.lines"
        done
        vg=(valgrind --quiet --num-callers=64 --leak-check=full --show-leak-kinds=definite,indirect,possible
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1
            --suppressions="$ffi_dir/tests/valgrind.supp")
        "${vg[@]}" "$work/bad_inputs_shared" "$work/matrix_vg0.lines" "$work/run_vg0" &
        first=$!
        run "${vg[@]}" "$work/bad_inputs_shared" "$work/matrix_vg1.lines" "$work/run_vg1"
        wait "$first" || { echo "FAILED: valgrind, the first half of the matrix" >&2; status=1; }
    elif [[ ${CI:-} == true ]]; then
        echo "valgrind is not installed (and could not be installed)" >&2
        exit 1
    else
        echo "SKIPPED: valgrind is not installed"
    fi
fi

printf '\nffi bad inputs: %s in %ds\n' "$([[ $status == 0 ]] && echo passed || echo FAILED)" $((SECONDS - started))
exit $status
