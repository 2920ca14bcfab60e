# Shared set-up of ffi/tests/run.sh and ffi/tests/run_bad_inputs.sh (sourced, not run):
# paths, the cargo profile (ARMSMATCH_FFI_PROFILE=release|debug), a temporary work
# directory removed on exit unless KEEP_WORK=1, and the C compiler flags. Set
# `work_name` before sourcing to name the work directory.

ffi_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(dirname "$ffi_dir")
profile=${ARMSMATCH_FFI_PROFILE:-release}
case $profile in
    release) cargo_profile=(--release) ;;
    debug) cargo_profile=() ;;
    *) echo "ARMSMATCH_FFI_PROFILE must be release or debug" >&2; exit 2 ;;
esac
target_dir=${CARGO_TARGET_DIR:-$root/target}
lib_dir=$target_dir/$profile
work=$(mktemp -d "${TMPDIR:-/tmp}/${work_name:-armsmatch-ffi}.XXXXXX")
if [[ ${KEEP_WORK:-0} == 1 ]]; then
    echo "work directory: $work"
else
    trap 'rm -rf "$work"' EXIT
fi

cc=${CC:-cc}
cflags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -g -O1 -I"$ffi_dir/include" -I"$ffi_dir/tests")
# The system libraries the Rust standard library inside libarmsmatch.a needs.
native_libs=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)
