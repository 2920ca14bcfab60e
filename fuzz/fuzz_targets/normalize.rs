//! Serial and name normalization on arbitrary text: no panic, and the documented
//! properties of each function hold for every input.
#![no_main]

use armsmatch::{
    is_placeholder_serial, name_key, search_keys, serial_key, serial_keys, skeleton, skeleton_char,
    CONFUSABLE_CLASSES,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 cannot reach these functions (they take &str); the bindings refuse
    // it before. Lossy decoding still lets the fuzzer explore replacement characters.
    let text = String::from_utf8_lossy(data);
    let s: &str = &text;

    let key = serial_key(s);
    // A key holds only A–Z and 0–9.
    assert!(
        key.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
        "serial_key({s:?}) = {key:?}"
    );
    // Normalizing a key again changes nothing.
    assert_eq!(serial_key(&key), key, "serial_key not idempotent on {s:?}");

    let keys = serial_keys(s);
    assert_eq!(
        keys.first(),
        Some(&key),
        "serial_keys({s:?}) must start with the key"
    );
    for (i, k) in keys.iter().enumerate() {
        assert!(k.bytes().all(|b| b.is_ascii_alphanumeric()), "{k:?}");
        assert!(!keys[..i].contains(k), "serial_keys({s:?}) repeats {k:?}");
    }
    let searched = search_keys(s);
    assert_eq!(
        &searched[..keys.len()],
        &keys[..],
        "search_keys extends serial_keys"
    );

    let sk = skeleton(s);
    assert_eq!(
        sk.len(),
        key.len(),
        "skeleton keeps one character per key character"
    );
    assert_eq!(skeleton(&sk), sk, "skeleton not idempotent on {s:?}");
    // No character of the skeleton is a non-representative of a confusable class.
    for c in sk.chars() {
        assert_eq!(skeleton_char(c), c);
        for class in CONFUSABLE_CLASSES {
            if class.contains(c) {
                assert!(
                    class.starts_with(c),
                    "{c} is not its class's representative"
                );
            }
        }
    }

    // A placeholder decision is a pure function of the serial.
    assert_eq!(is_placeholder_serial(s), is_placeholder_serial(s));
    if key.is_empty() {
        assert!(
            is_placeholder_serial(s),
            "an empty key must be a placeholder: {s:?}"
        );
    }

    let nk = name_key(s);
    assert!(
        !nk.chars().any(char::is_whitespace),
        "name_key({s:?}) = {nk:?}"
    );
});
