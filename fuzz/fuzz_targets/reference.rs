//! Reference data files (TOML) from arbitrary text: refused with a typed error or
//! loaded; a loaded reference writes back to TOML that loads to the same data, resolves
//! names without panicking, and can be stored in (and read back from) an index file.
#![no_main]

use std::sync::Arc;

use armsmatch::{CheckOptions, Error, Index, Query, Record, Reference};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reference = match Reference::from_toml_str(text) {
        Ok(r) => r,
        Err(Error::Reference(_) | Error::InvalidInput { .. } | Error::LimitExceeded { .. }) => {
            return
        }
        Err(other) => panic!("unexpected error kind: {other}"),
    };
    let again = Reference::from_toml_str(&reference.to_toml_string())
        .expect("a loaded reference must write TOML that loads again");
    // Compared as text: a weight may be NaN, which is not equal to itself.
    assert_eq!(
        again.to_toml_string(),
        reference.to_toml_string(),
        "TOML round trip changed the data"
    );
    assert!(
        !reference.to_toml_string().is_empty()
            || reference.data() == armsmatch::Reference::empty().data(),
        "a non-empty reference serialized to nothing"
    );

    // Resolve every name the file mentions, and a few it does not.
    let data = reference.data().clone();
    let mut names: Vec<&str> = vec!["Glock", "S&W", "9mm", "", " ", "ВС"];
    names.extend(data.make.iter().map(|m| m.name.as_str()));
    names.extend(data.calibre.iter().map(|c| c.name.as_str()));
    for n in &names {
        let _ = reference.resolve_make(n);
        let _ = reference.resolve_calibre(n);
        let _ = reference.resolve_model(None, n);
        let _ = reference.make_country(n);
    }

    // An index built with it stores it, and reopens with the same answers.
    let mut extended = Reference::embedded().clone();
    let _ = extended.extend(data.clone());
    let _ = extended.resolve_make(names[0]);
    let mut b = armsmatch::IndexBuilder::with_reference(Arc::new(reference));
    for (i, n) in names.iter().enumerate().take(8) {
        let r = Record::new(format!("R{i}"), format!("AB{i:06}"))
            .make(*n)
            .calibre(*n);
        if b.add(r).is_err() {
            return;
        }
    }
    let index = b.build().expect("records that were accepted build");
    let bytes = index.to_bytes().expect("to_bytes");
    let reopened = Index::from_bytes(bytes).expect("an index written by this version opens");
    let q = Query::new("AB000001").make(names[0]);
    let o = CheckOptions::default().threshold(0.0);
    assert_eq!(
        index.check(&q, &o).ok(),
        reopened.check(&q, &o).ok(),
        "reopened index answers differently"
    );
});
