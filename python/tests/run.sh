#!/usr/bin/env bash
# Builds the armsmatch Python package and runs its tests: pytest (warnings are errors)
# and mypy's stubtest of the type stubs. Callable from any directory; unattended.
#
# The virtualenv is python/.venv (created on first use, reused after; override with
# ARMSMATCH_VENV). The extension is built as a release abi3 wheel and installed into
# it, so the tests import exactly what `pip install` would.
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

wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
(cd "$pkg" && "$venv/bin/maturin" build --release --out "$wheels")
"$py" -m pip install --quiet --force-reinstall --no-deps "$wheels"/armsmatch-*.whl

# From python/: pytest and mypy read pyproject.toml there; no `armsmatch` directory is
# on the path, so the installed wheel is what gets imported.
cd "$pkg"
"$py" -m pytest -W error -p no:cacheprovider tests
"$py" -m mypy.stubtest --mypy-config-file pyproject.toml armsmatch
