#!/usr/bin/env bash
# Installs the armsmatch C library: header, shared and static library, pkg-config file.
#
#   ffi/install.sh PREFIX [release|debug]     (default: release; build it first with
#                                              cargo build -p armsmatch-ffi --release)
#
# Result: PREFIX/include/armsmatch.h, PREFIX/lib/libarmsmatch.so, PREFIX/lib/libarmsmatch.a,
# PREFIX/lib/pkgconfig/armsmatch.pc, PREFIX/share/armsmatch/valgrind.supp (what a client's
# valgrind run needs to suppress for the library). Callable from any directory.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 PREFIX [release|debug]" >&2
    exit 2
fi
prefix=$1
profile=${2:-release}
ffi_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$ffi_dir")
target_dir=${CARGO_TARGET_DIR:-$root/target}
lib_dir=$target_dir/$profile

for f in libarmsmatch.so libarmsmatch.a; do
    if [[ ! -f $lib_dir/$f ]]; then
        echo "install.sh: $lib_dir/$f is missing: run cargo build -p armsmatch-ffi --$profile" >&2
        exit 1
    fi
done

mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
install -d "$prefix/include" "$prefix/lib/pkgconfig" "$prefix/share/armsmatch"
install -m 644 "$ffi_dir/include/armsmatch.h" "$prefix/include/"
install -m 755 "$lib_dir/libarmsmatch.so" "$prefix/lib/"
install -m 644 "$lib_dir/libarmsmatch.a" "$prefix/lib/"
# The release profile keeps debug info (for profiling and backtraces in this tree): most
# of the libraries' size (shared 21 MB -> 3 MB, static 96 MB -> 27 MB). The installed
# copies keep their symbols, not the debug info (ARMSMATCH_KEEP_DEBUG=1 keeps it).
if [[ ${ARMSMATCH_KEEP_DEBUG:-0} != 1 ]] && command -v strip >/dev/null; then
    strip --strip-debug "$prefix/lib/libarmsmatch.so" "$prefix/lib/libarmsmatch.a"
fi
install -m 644 "$ffi_dir/tests/valgrind.supp" "$prefix/share/armsmatch/"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" "$ffi_dir/armsmatch.pc.in" \
    > "$prefix/lib/pkgconfig/armsmatch.pc"
echo "installed armsmatch $version into $prefix"
