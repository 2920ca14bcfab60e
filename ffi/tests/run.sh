#!/usr/bin/env bash
# Runs every test of the C API. Callable from any directory:
#
#   ffi/tests/run.sh
#
# 1. builds the library (cargo build -p armsmatch-ffi --release; ARMSMATCH_FFI_PROFILE=debug
#    for a debug build) and checks that include/armsmatch.h is up to date (gen-header --check);
# 2. compiles the C tests and the example with the system cc
#    (-std=c11 -Wall -Wextra -Wpedantic -Werror), every example also as C99 and, when g++
#    (or $CXX) is installed, as C++17, and runs them: test_api (every function
#    and error status, the shared test vectors, whose hits must equal the Rust API's bit
#    for bit) and test_threads (checks while another thread inserts);
# 3. runs both, and open_first (a program whose first call is armsmatch_index_open), under
#    valgrind (--leak-check=full --error-exitcode=1, with tests/valgrind.supp) and built
#    with -fsanitize=address,undefined against the static library;
# 4. installs into a temporary prefix and links the example through pkg-config (shared
#    and static) and, when cmake is installed, through examples/CMakeLists.txt.
#
# Environment: ARMSMATCH_FFI_RUST_DUMP=FILE (the Rust side of the vector comparison, as
# written by `ARMSMATCH_VECTORS_DUMP=FILE cargo test`; without it the test is run here),
# ARMSMATCH_FFI_PROFILE=release|debug, ARMSMATCH_FFI_SKIP_VALGRIND=1,
# ARMSMATCH_FFI_SKIP_ASAN=1, KEEP_WORK=1 (keep the temporary directory). With CI=true,
# running as root, a missing valgrind is installed with apt-get.
set -euo pipefail

work_name=armsmatch-ffi
# shellcheck source=ffi/tests/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
steps=0
started=$SECONDS

step() {
    steps=$((steps + 1))
    printf '\n== %s (%ds)\n' "$*" $((SECONDS - started))
}

cd "$root"

step "build the library ($profile)"
cargo build -p armsmatch-ffi "${cargo_profile[@]}"

step "check that include/armsmatch.h is up to date"
# The header-tool profile (root Cargo.toml) compiles cbindgen unoptimized: 46 s cold
# instead of 201 s under the dev profile.
cargo run --quiet -p armsmatch-ffi --features gen-header --profile header-tool --bin gen-header -- --check

step "the shared test vectors through the Rust API"
python3 "$ffi_dir/tests/vectors_to_lines.py" "$root/tests/vectors/checks.json" "$work/vectors.lines"
if [[ -n ${ARMSMATCH_FFI_RUST_DUMP:-} ]]; then
    # Written by the caller's `cargo test --workspace` (test.sh), which runs this test anyway.
    [[ -s $ARMSMATCH_FFI_RUST_DUMP ]] || { echo "$ARMSMATCH_FFI_RUST_DUMP is missing or empty" >&2; exit 1; }
    cp "$ARMSMATCH_FFI_RUST_DUMP" "$work/rust.dump"
    echo "the Rust hits of the vectors: $ARMSMATCH_FFI_RUST_DUMP"
else
    ARMSMATCH_VECTORS_DUMP="$work/rust.dump" \
        cargo test --quiet -p armsmatch-ffi "${cargo_profile[@]}" --lib -- --exact tests::vectors_core
fi

step "compile the C tests and the example"
mkdir -p "$work/bin" "$work/files"
for t in test_api test_threads; do
    # Linked against the shared library (run under valgrind) and the static one.
    "$cc" "${cflags[@]}" -pthread "$ffi_dir/tests/$t.c" -o "$work/bin/${t}_shared" \
        -L"$lib_dir" -larmsmatch -Wl,-rpath,"$lib_dir"
    "$cc" "${cflags[@]}" -pthread "$ffi_dir/tests/$t.c" -o "$work/bin/${t}_static" \
        "$lib_dir/libarmsmatch.a" "${native_libs[@]}"
done
# open_first: a program whose first call is armsmatch_index_open (see the valgrind step).
"$cc" "${cflags[@]}" "$ffi_dir/tests/open_first.c" -o "$work/bin/open_first_shared" \
    -L"$lib_dir" -larmsmatch -Wl,-rpath,"$lib_dir"
"$cc" "${cflags[@]}" "$ffi_dir/examples/check.c" -o "$work/bin/check" \
    "$lib_dir/libarmsmatch.a" "${native_libs[@]}"

step "compile every example as C99 and as C++17"
# The header is C and C++ (its enums are uint32_t typedefs in C, enum types in C++), so
# code that compiles as one may not as the other.
strict=(-Wall -Wextra -Wpedantic -Werror -I"$ffi_dir/include")
cxx=${CXX:-g++}
have_cxx=0
if command -v "$cxx" >/dev/null; then
    have_cxx=1
else
    echo "SKIPPED: the C++17 compile ($cxx is not installed)"
fi
for example in "$ffi_dir"/examples/*.c; do
    name=$(basename "$example" .c)
    "$cc" -std=c99 "${strict[@]}" "$example" -o "$work/bin/${name}_c99" \
        "$lib_dir/libarmsmatch.a" "${native_libs[@]}"
    if [[ $have_cxx == 1 ]]; then
        "$cxx" -std=c++17 "${strict[@]}" -x c++ "$example" -x none -o "$work/bin/${name}_cxx" \
            "$lib_dir/libarmsmatch.a" "${native_libs[@]}"
        echo "$name: compiles as C99 and C++17"
    else
        echo "$name: compiles as C99"
    fi
done

step "run test_api (static library) and compare the vector hits with Rust"
"$work/bin/test_api_static" "$work/files" "$work/vectors.lines" "$work/c.dump"
diff -u "$work/rust.dump" "$work/c.dump"
echo "vector hits identical in C and Rust ($(grep -c '^case' "$work/c.dump") cases)"

step "run test_threads (shared library)"
"$work/bin/test_threads_shared"

step "run the example"
"$work/bin/check" "$work/files/vectors.armsidx" AB123465 Glock | tee "$work/check.out"
grep -q "DEU-1" "$work/check.out"
grep -q "transposition" "$work/check.out"
for variant in c99 cxx; do
    if [[ -x $work/bin/check_$variant ]]; then
        "$work/bin/check_$variant" "$work/files/vectors.armsidx" AB123465 Glock >"$work/check_$variant.out"
        diff -u "$work/check.out" "$work/check_$variant.out"
    fi
done

if [[ ${ARMSMATCH_FFI_SKIP_VALGRIND:-0} != 1 ]]; then
    step "valgrind"
    if ! command -v valgrind >/dev/null && [[ ${CI:-} == true && $(id -u) == 0 ]]; then
        apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
    fi
    if command -v valgrind >/dev/null; then
        # --fair-sched=yes: valgrind runs one thread at a time, and its default lock lets
        # test_threads' checkers starve the writer (206 s instead of 40 s for the same test).
        vg=(valgrind --fair-sched=yes --quiet --num-callers=64 --leak-check=full --show-leak-kinds=definite,indirect,possible
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1
            --suppressions="$ffi_dir/tests/valgrind.supp")
        # An index file saved by test_api above, for open_first: a program whose first
        # call is armsmatch_index_open makes the embedded reference on another stack
        # (core's `embedded_shared` inlined), which needs its own suppression.
        cp "$work/files/vectors.armsidx" "$work/open_first.armsidx"
        rm -rf "$work/files" && mkdir -p "$work/files"
        # They run side by side: valgrind runs a program on one core at a time.
        "${vg[@]}" "$work/bin/test_api_shared" "$work/files" "$work/vectors.lines" "$work/vg.dump" &
        api=$!
        "${vg[@]}" "$work/bin/open_first_shared" "$work/open_first.armsidx"
        "${vg[@]}" "$work/bin/test_threads_shared"
        wait "$api"
        echo "valgrind: no errors, no leaks"
    elif [[ ${CI:-} == true ]]; then
        echo "valgrind is not installed (and could not be installed)" >&2
        exit 1
    else
        echo "SKIPPED: valgrind is not installed"
    fi
fi

if [[ ${ARMSMATCH_FFI_SKIP_ASAN:-0} != 1 ]]; then
    step "AddressSanitizer + UndefinedBehaviorSanitizer (static library)"
    san=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    for t in test_api test_threads open_first; do
        "$cc" "${cflags[@]}" "${san[@]}" -pthread "$ffi_dir/tests/$t.c" -o "$work/bin/${t}_asan" \
            "$lib_dir/libarmsmatch.a" "${native_libs[@]}"
    done
    rm -rf "$work/files" && mkdir -p "$work/files"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    "$work/bin/test_api_asan" "$work/files" "$work/vectors.lines" "$work/asan.dump"
    "$work/bin/open_first_asan" "$work/files/vectors.armsidx"
    "$work/bin/test_threads_asan"
    unset ASAN_OPTIONS UBSAN_OPTIONS
    echo "ASan/UBSan: no errors, no leaks"
fi

step "install into a prefix; link through pkg-config (shared and static)"
"$ffi_dir/install.sh" "$work/prefix" "$profile"
# The suppressions a client's valgrind run needs: those the valgrind step above used.
cmp "$ffi_dir/tests/valgrind.supp" "$work/prefix/share/armsmatch/valgrind.supp"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
pkg-config --exists --print-errors armsmatch
# shellcheck disable=SC2046 # word splitting of pkg-config output is intended
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror "$ffi_dir/examples/check.c" -o "$work/bin/check_pc_shared" \
    $(pkg-config --cflags --libs armsmatch) -Wl,-rpath,"$(pkg-config --variable=libdir armsmatch)"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror "$ffi_dir/examples/check.c" -o "$work/bin/check_pc_static" \
    $(pkg-config --cflags armsmatch) "$(pkg-config --variable=static_archive armsmatch)" \
    $(pkg-config --variable=native_static_libs armsmatch)
for variant in shared static; do
    "$work/bin/check_pc_$variant" "$work/files/vectors.armsidx" AB123456 | grep -q "ITA-1"
done
if ldd "$work/bin/check_pc_static" | grep -q libarmsmatch; then
    echo "the static build links libarmsmatch.so" >&2
    exit 1
fi
echo "pkg-config: shared and static builds of the example work"

if ! command -v cmake >/dev/null && [[ ${CI:-} == true && $(id -u) == 0 ]]; then
    apt-get update -qq && apt-get install -y -qq cmake >/dev/null
fi
if command -v cmake >/dev/null; then
    step "CMake example (shared and static)"
    for variant in OFF ON; do
        cmake -S "$ffi_dir/examples" -B "$work/cmake-$variant" -DARMSMATCH_STATIC=$variant >/dev/null
        cmake --build "$work/cmake-$variant" >/dev/null
        "$work/cmake-$variant/check" "$work/files/vectors.armsidx" AB123456 | grep -q "ITA-1"
    done
    echo "cmake: shared and static builds of the example work"
else
    echo "SKIPPED: the CMake example (cmake is not installed)"
fi

printf '\nffi: all %d steps passed in %ds\n' "$steps" $((SECONDS - started))
