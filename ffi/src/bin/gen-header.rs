//! Generates `ffi/include/armsmatch.h` from the crate's source with cbindgen.
//!
//! ```text
//! cargo run -p armsmatch-ffi --features gen-header --bin gen-header            # write
//! cargo run -p armsmatch-ffi --features gen-header --bin gen-header -- --check # verify
//! ```
//!
//! Add `--profile header-tool` (root Cargo.toml) for a quicker first build, as
//! `ffi/tests/run.sh` does.
//!
//! `--check` exits 1 and prints a diff when the committed header differs from what the
//! source generates (a stale header), 0 when they are identical.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => {
            eprintln!("usage: gen-header [--check]");
            return ExitCode::from(2);
        }
    };
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let header = crate_dir.join("include").join("armsmatch.h");
    let generated = match generate(&crate_dir) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("gen-header: {e}");
            return ExitCode::from(2);
        }
    };
    if check {
        let committed = std::fs::read(&header).unwrap_or_default();
        if committed == generated {
            println!("gen-header: {} is up to date", header.display());
            ExitCode::SUCCESS
        } else {
            eprintln!(
                "gen-header: {} is stale; regenerate it with\n  cargo run -p armsmatch-ffi --features gen-header --bin gen-header",
                header.display()
            );
            print_diff(&header, &generated);
            ExitCode::FAILURE
        }
    } else {
        match std::fs::write(&header, &generated) {
            Ok(()) => {
                println!("gen-header: wrote {}", header.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gen-header: {}: {e}", header.display());
                ExitCode::from(2)
            }
        }
    }
}

fn generate(crate_dir: &Path) -> Result<Vec<u8>, String> {
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))?;
    // `with_src` parses the source files directly (following `mod` items), so no
    // `cargo metadata` run is needed.
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir.join("src").join("lib.rs"))
        .generate()
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    bindings.write(&mut out);
    let text = String::from_utf8(out).map_err(|e| e.to_string())?;
    Ok(parenthesize_negative_defines(&text).into_bytes())
}

/// cbindgen 0.29 writes a negative constant bare (`#define ARMSMATCH_MAX_EDITS_AUTO -1`)
/// and has no option for it, while a macro that stands for a value should expand to one
/// operand wherever it is used (`ARMSMATCH_MAX_EDITS_AUTO[t]` must not be `-(1[t])`).
/// This wraps the value of every `#define` that starts with a unary `-` or `~` in
/// parentheses: `(-1)`. (Binary expressions cbindgen parenthesizes itself.)
fn parenthesize_negative_defines(header: &str) -> String {
    let mut out = String::with_capacity(header.len() + 16);
    for line in header.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let fixed = body.strip_prefix("#define ").and_then(|rest| {
            let (name, value) = rest.split_once(' ')?;
            value
                .starts_with(['-', '~'])
                .then(|| format!("#define {name} ({value})"))
        });
        match fixed {
            Some(fixed) => {
                out.push_str(&fixed);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Shows how the committed header differs: `diff -u` when the system has it, else the
/// first differing line.
fn print_diff(header: &Path, generated: &[u8]) {
    let tmp = std::env::temp_dir().join(format!("armsmatch.h.generated-{}", std::process::id()));
    if std::fs::write(&tmp, generated).is_ok() {
        let status = std::process::Command::new("diff")
            .arg("-u")
            .arg(header)
            .arg(&tmp)
            .status();
        let _ = std::fs::remove_file(&tmp);
        if status.is_ok() {
            return;
        }
    }
    let committed = std::fs::read_to_string(header).unwrap_or_default();
    let generated = String::from_utf8_lossy(generated);
    let mut old = committed.lines();
    let mut new = generated.lines();
    for n in 1.. {
        match (old.next(), new.next()) {
            (None, None) => break,
            (a, b) if a == b => continue,
            (a, b) => {
                eprintln!("first difference at line {n}:");
                eprintln!("- {}", a.unwrap_or("<end of file>"));
                eprintln!("+ {}", b.unwrap_or("<end of file>"));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parenthesize_negative_defines;

    #[test]
    fn negative_defines_are_parenthesized() {
        let header = "#define A -1\n#define B 256\n#define C ~0\n#define D (0 - 1)\nint x = -1;\n";
        assert_eq!(
            parenthesize_negative_defines(header),
            "#define A (-1)\n#define B 256\n#define C (~0)\n#define D (0 - 1)\nint x = -1;\n"
        );
    }
}
