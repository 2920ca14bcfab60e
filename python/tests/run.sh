#!/usr/bin/env bash
# Builds the armsmatch Python package and runs its tests: pytest (warnings are errors)
# and mypy's stubtest of the type stubs. Callable from any directory; unattended.
#
# The virtualenv is python/.venv (created on first use, reused after; override with
# ARMSMATCH_VENV). The extension is built as a release abi3 wheel and installed into
# it, so the tests import exactly what `pip install` would. It is built in the root
# target directory (see below), not python/target.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pkg="$(dirname "$here")"
venv="${ARMSMATCH_VENV:-$pkg/.venv}"

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install --quiet -r "$here/requirements.txt"

# The wheel is built in the root workspace's target directory (unless CARGO_TARGET_DIR says
# otherwise): core's dependencies are then compiled once for the C library, the benchmarks
# and the wheel (core itself is compiled again: cargo keys it by its workspace).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(dirname "$pkg")/target}"
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
(cd "$pkg" && "$venv/bin/maturin" build --release --out "$wheels")
"$py" -m pip install --quiet --force-reinstall --no-deps "$wheels"/armsmatch-*.whl

# From python/: pytest and mypy read pyproject.toml there; no `armsmatch` directory is
# on the path, so the installed wheel is what gets imported.
cd "$pkg"
"$py" -m pytest -W error -p no:cacheprovider tests
"$py" -m mypy.stubtest --mypy-config-file pyproject.toml armsmatch
