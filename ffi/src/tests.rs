//! Rust-side tests of the boundary: status mapping, NULL handling, panics, buffers, and
//! the shared test vectors run through the C functions and through core alike.

use std::ffi::{c_char, CStr};
use std::path::PathBuf;
use std::ptr;

use armsmatch::{CheckOptions, Index, Query, Record};

use crate::boundary::{
    boundary, bytes_arg, copy_text, id_arg, last_error, path_arg, text_arg, text_required, Failure,
};
use crate::*;

fn message() -> String {
    last_error()
}

fn rec<'a>(id: &'a str, serial: &'a str) -> armsmatch_record {
    armsmatch_record {
        id: id.as_ptr().cast(),
        id_len: id.len(),
        serial: serial.as_ptr().cast(),
        serial_len: serial.len(),
        make: ptr::null(),
        make_len: 0,
        model: ptr::null(),
        model_len: 0,
        calibre: ptr::null(),
        calibre_len: 0,
        country: ptr::null(),
        country_len: 0,
        kind: 0,
        status: 0,
        reported_on: armsmatch_date::default(),
    }
}

fn query(serial: &str) -> armsmatch_query {
    armsmatch_query {
        serial: serial.as_ptr().cast(),
        serial_len: serial.len(),
        make: ptr::null(),
        make_len: 0,
        model: ptr::null(),
        model_len: 0,
        calibre: ptr::null(),
        calibre_len: 0,
        country: ptr::null(),
        country_len: 0,
    }
}

fn opt_text(s: Option<&str>) -> (*const c_char, usize) {
    s.map_or((ptr::null(), 0), |s| (s.as_ptr().cast(), s.len()))
}

#[test]
fn every_error_variant_maps_to_its_status() {
    use armsmatch::Error as E;
    let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
    let cases = [
        (
            E::InvalidInput {
                field: "f".into(),
                message: "m".into(),
            },
            armsmatch_status::InvalidArgument,
        ),
        (
            E::LimitExceeded {
                what: "w".into(),
                limit: 1,
                got: 2,
            },
            armsmatch_status::LimitExceeded,
        ),
        (E::DuplicateId("R".into()), armsmatch_status::DuplicateId),
        (E::NotFound("R".into()), armsmatch_status::NotFound),
        (
            E::Parse {
                path: "p".into(),
                line: 1,
                column: "c".into(),
                message: "m".into(),
            },
            armsmatch_status::Parse,
        ),
        (E::Reference("r".into()), armsmatch_status::Reference),
        (
            E::CorruptIndex {
                path: "p".into(),
                message: "m".into(),
            },
            armsmatch_status::CorruptIndex,
        ),
        (
            E::Io {
                path: "p".into(),
                source: io,
            },
            armsmatch_status::Io,
        ),
    ];
    for (e, status) in cases {
        let text = e.to_string();
        let f = Failure::from(e);
        assert_eq!(f.status, status);
        assert_eq!(f.message, text);
    }
}

#[test]
fn status_codes_are_stable_and_named() {
    let all = [
        (armsmatch_status::Ok, 0, "OK"),
        (armsmatch_status::NullArgument, 1, "NULL_ARGUMENT"),
        (armsmatch_status::InvalidUtf8, 2, "INVALID_UTF8"),
        (armsmatch_status::InvalidArgument, 3, "INVALID_ARGUMENT"),
        (armsmatch_status::LimitExceeded, 4, "LIMIT_EXCEEDED"),
        (armsmatch_status::DuplicateId, 5, "DUPLICATE_ID"),
        (armsmatch_status::NotFound, 6, "NOT_FOUND"),
        (armsmatch_status::Parse, 7, "PARSE"),
        (armsmatch_status::Reference, 8, "REFERENCE"),
        (armsmatch_status::CorruptIndex, 9, "CORRUPT_INDEX"),
        (armsmatch_status::Io, 10, "IO"),
        (armsmatch_status::OutOfRange, 11, "OUT_OF_RANGE"),
        (armsmatch_status::Panic, 12, "PANIC"),
        (armsmatch_status::Other, 13, "OTHER"),
    ];
    for (status, code, name) in all {
        assert_eq!(status as u32, code);
        let mut p: *const c_char = ptr::null();
        // SAFETY: `p` is a valid out-pointer.
        assert_eq!(
            unsafe { armsmatch_status_name(code, &mut p) },
            armsmatch_status::Ok
        );
        // SAFETY: a static NUL-terminated name was written.
        assert_eq!(unsafe { CStr::from_ptr(p) }.to_str().unwrap(), name);
    }
    let mut p: *const c_char = ptr::null();
    // SAFETY: `p` is a valid out-pointer.
    assert_eq!(
        unsafe { armsmatch_status_name(14, &mut p) },
        armsmatch_status::InvalidArgument
    );
    assert!(p.is_null(), "out-pointers are written only on success");
}

#[test]
fn a_panic_becomes_a_status_and_a_message() {
    let status = boundary("armsmatch_test", || panic!("boom {}", 42));
    assert_eq!(status, armsmatch_status::Panic);
    let m = message();
    assert!(
        m.starts_with("armsmatch_test: internal error") && m.ends_with("boom 42"),
        "{m}"
    );
    // A later success leaves the message alone.
    assert_eq!(boundary("armsmatch_test", || Ok(())), armsmatch_status::Ok);
    assert!(message().ends_with("boom 42"));
}

#[test]
fn null_arguments_are_refused_and_out_pointers_untouched() {
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    // SAFETY: NULL handles and out-pointers are what is under test; valid ones otherwise.
    unsafe {
        assert_eq!(
            armsmatch_builder_new(ptr::null_mut()),
            armsmatch_status::NullArgument
        );
        assert_eq!(message(), "armsmatch_builder_new: builder_out is NULL");
        assert_eq!(armsmatch_builder_new(&mut b), armsmatch_status::Ok);
        assert_eq!(
            armsmatch_builder_add(b, ptr::null()),
            armsmatch_status::NullArgument
        );
        let mut r = rec("", "AB1234");
        r.id = ptr::null();
        r.id_len = 2;
        assert_eq!(armsmatch_builder_add(b, &r), armsmatch_status::NullArgument);
        assert!(message().contains("record.id is NULL but its length is 2"));
        // (NULL, 0) is the empty id: refused by core as such.
        r.id_len = 0;
        assert_eq!(
            armsmatch_builder_add(b, &r),
            armsmatch_status::InvalidArgument
        );
        assert!(message().contains("non-empty id"), "{}", message());
        let mut r = rec("R1", "AB1234");
        r.make = ptr::null();
        r.make_len = 3;
        assert_eq!(armsmatch_builder_add(b, &r), armsmatch_status::NullArgument);
        assert!(message().contains("record.make is NULL but its length is 3"));
        let mut idx: *mut armsmatch_index = 7 as *mut armsmatch_index;
        assert_eq!(
            armsmatch_builder_build(ptr::null_mut(), &mut idx),
            armsmatch_status::NullArgument
        );
        assert_eq!(idx as usize, 7);
        let mut n = 99usize;
        assert_eq!(
            armsmatch_hits_len(ptr::null(), &mut n),
            armsmatch_status::NullArgument
        );
        assert_eq!(n, 99);
        armsmatch_builder_free(b);
        armsmatch_builder_free(ptr::null_mut());
        armsmatch_index_free(ptr::null_mut());
        armsmatch_hits_free(ptr::null_mut());
        armsmatch_batch_free(ptr::null_mut());
        armsmatch_options_free(ptr::null_mut());
        armsmatch_reference_free(ptr::null_mut());
    }
}

#[test]
fn strings_are_validated() {
    let bad = [b'A', 0xff, b'B'];
    // SAFETY: the pointers are valid for the lengths given.
    unsafe {
        assert!(matches!(text_arg(ptr::null(), 0, "x"), Ok(None)));
        // (NULL, 0) is empty everywhere; NULL with a length is a NULL argument.
        assert_eq!(text_required(ptr::null(), 0, "x").unwrap(), "");
        assert_eq!(
            text_required(ptr::null(), 1, "x").unwrap_err().status,
            armsmatch_status::NullArgument
        );
        assert!(bytes_arg(ptr::null(), 0, "x").unwrap().is_empty());
        assert_eq!(
            bytes_arg(ptr::null(), 1, "x").unwrap_err().status,
            armsmatch_status::NullArgument
        );
        // No text holds a NUL byte, whichever helper reads it.
        let p = b"/tmp/a\0b";
        assert_eq!(path_arg(p.as_ptr().cast(), 6, "path").unwrap(), "/tmp/a");
        let e = path_arg(p.as_ptr().cast(), 8, "path").unwrap_err();
        assert_eq!(e.status, armsmatch_status::InvalidArgument);
        assert_eq!(
            e.message,
            "path contains a NUL byte (at offset 6), which no text argument may hold"
        );
        let e = path_arg(p.as_ptr().cast(), 7, "path").unwrap_err();
        assert!(e.message.contains("terminating NUL"), "{}", e.message);
        for read in [text_arg_required, text_required, id_arg] {
            let e = read(p.as_ptr().cast(), 7, "record.serial").unwrap_err();
            assert_eq!(e.status, armsmatch_status::InvalidArgument);
            assert_eq!(
                e.message,
                "record.serial ends in a NUL byte: its length must not count the terminating NUL"
            );
            let (ptr, len) = counting_nul(c"");
            let e = read(ptr, len, "query.make").unwrap_err();
            assert_eq!(e.status, armsmatch_status::InvalidArgument);
            assert!(e.message.starts_with("query.make "), "{}", e.message);
        }
        // Invalid UTF-8 is reported before a NUL byte.
        let e = text_arg(b"\x00\xff".as_ptr().cast(), 2, "x").unwrap_err();
        assert_eq!(e.status, armsmatch_status::InvalidUtf8);
        let e = path_arg(ptr::null(), 0, "path").unwrap_err();
        assert_eq!(e.status, armsmatch_status::InvalidArgument);
        assert_eq!(e.message, "path is empty");
        // Ids: not empty.
        assert_eq!(id_arg(p.as_ptr().cast(), 4, "id").unwrap(), "/tmp");
        for (ptr, len) in [(ptr::null(), 0), (p.as_ptr(), 0)] {
            let e = id_arg(ptr.cast(), len, "id").unwrap_err();
            assert_eq!(e.status, armsmatch_status::InvalidArgument);
            assert_eq!(e.message, "id is empty: a record needs a non-empty id");
        }
        assert_eq!(
            id_arg(ptr::null(), 2, "id").unwrap_err().status,
            armsmatch_status::NullArgument
        );
        // Blank and overlong ids are refused as insert refuses them; spaces around one
        // are not part of it.
        let blank = b"  ";
        let e = id_arg(blank.as_ptr().cast(), 2, "id").unwrap_err();
        assert_eq!(e.status, armsmatch_status::InvalidArgument);
        let long = vec![b'X'; armsmatch::limits::MAX_FIELD_BYTES + 1];
        let e = id_arg(long.as_ptr().cast(), long.len(), "id").unwrap_err();
        assert_eq!(e.status, armsmatch_status::LimitExceeded);
        let spaced = b" R1 ";
        assert_eq!(id_arg(spaced.as_ptr().cast(), 4, "id").unwrap(), "R1");
        let e = text_arg(bad.as_ptr().cast(), 3, "query.serial").unwrap_err();
        assert_eq!(e.status, armsmatch_status::InvalidUtf8);
        assert_eq!(
            e.message,
            "query.serial is not valid UTF-8 (invalid byte at offset 1)"
        );
        let e = text_arg(bad.as_ptr().cast(), usize::MAX, "x").unwrap_err();
        assert_eq!(e.status, armsmatch_status::InvalidArgument);
    }
}

/// `text_arg` for a present string, typed as the other readers for a table of them.
///
/// # Safety
///
/// As `text_arg`.
unsafe fn text_arg_required<'a>(
    ptr: *const c_char,
    len: usize,
    what: &str,
) -> Result<&'a str, Failure> {
    // SAFETY: forwarded contract.
    Ok(unsafe { text_arg(ptr, len, what) }?.unwrap_or(""))
}

/// A C string as (pointer, length) with a length that counts its terminating NUL: the
/// usual slip.
fn counting_nul(s: &CStr) -> (*const c_char, usize) {
    (s.as_ptr(), s.to_bytes_with_nul().len())
}

/// Where a test writes one string field of a record or a query.
type RecordField = fn(&mut armsmatch_record) -> (&mut *const c_char, &mut usize);
type QueryField = fn(&mut armsmatch_query) -> (&mut *const c_char, &mut usize);

#[test]
fn a_nul_byte_in_any_text_field_is_refused_and_named() {
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    let mut idx: *mut armsmatch_index = ptr::null_mut();
    let mut hits: *mut armsmatch_hits = ptr::null_mut();
    // A length that counts the terminating NUL, and a NUL inside.
    let texts: [&[u8]; 2] = [c"Glock".to_bytes_with_nul(), b"QW12\x003456"];
    // SAFETY: live handles; every pointer valid for its length.
    unsafe {
        assert_eq!(armsmatch_builder_new(&mut b), armsmatch_status::Ok);
        for text in texts {
            let t = (text.as_ptr().cast::<c_char>(), text.len());
            let fields: [(&str, RecordField); 6] = [
                ("record.id", |r| (&mut r.id, &mut r.id_len)),
                ("record.serial", |r| (&mut r.serial, &mut r.serial_len)),
                ("record.make", |r| (&mut r.make, &mut r.make_len)),
                ("record.model", |r| (&mut r.model, &mut r.model_len)),
                ("record.calibre", |r| (&mut r.calibre, &mut r.calibre_len)),
                ("record.country", |r| (&mut r.country, &mut r.country_len)),
            ];
            for (name, field) in fields {
                let mut r = rec("R1", "QW123456");
                let (p, l) = field(&mut r);
                (*p, *l) = t;
                assert_eq!(
                    armsmatch_builder_add(b, &r),
                    armsmatch_status::InvalidArgument,
                    "{name}"
                );
                let m = message();
                assert!(
                    m.starts_with(&format!("armsmatch_builder_add: {name} ")),
                    "{m}"
                );
                assert!(m.contains("NUL byte"), "{m}");
            }
        }
        let mut n = 99usize;
        assert_eq!(armsmatch_builder_len(b, &mut n), armsmatch_status::Ok);
        assert_eq!(n, 0, "no record with a NUL byte was added");
        let r = rec("R1", "QW123456");
        assert_eq!(armsmatch_builder_add(b, &r), armsmatch_status::Ok);
        assert_eq!(armsmatch_builder_build(b, &mut idx), armsmatch_status::Ok);

        let fields: [(&str, QueryField); 5] = [
            ("query.serial", |q| (&mut q.serial, &mut q.serial_len)),
            ("query.make", |q| (&mut q.make, &mut q.make_len)),
            ("query.model", |q| (&mut q.model, &mut q.model_len)),
            ("query.calibre", |q| (&mut q.calibre, &mut q.calibre_len)),
            ("query.country", |q| (&mut q.country, &mut q.country_len)),
        ];
        for (name, field) in fields {
            let mut q = query("QW123456");
            let (p, l) = field(&mut q);
            (*p, *l) = counting_nul(c"QW");
            assert_eq!(
                armsmatch_index_check(idx, &q, ptr::null(), &mut hits),
                armsmatch_status::InvalidArgument,
                "{name}"
            );
            assert!(hits.is_null());
            assert!(
                message().contains(&format!("{name} ends in a NUL byte")),
                "{}",
                message()
            );
        }
        // Ids to look up or remove, and a record to replace.
        let mut has = false;
        assert_eq!(
            armsmatch_index_contains(idx, c"R1".as_ptr(), 3, &mut has),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_index_remove(idx, c"R1".as_ptr(), 3),
            armsmatch_status::InvalidArgument
        );
        let mut r = rec("R1", "QW123456");
        (r.make, r.make_len) = counting_nul(c"Glock");
        assert_eq!(
            armsmatch_index_update(idx, &r),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_index_contains(idx, b"R1".as_ptr().cast(), 2, &mut has),
            armsmatch_status::Ok
        );
        assert!(has, "the record is unchanged");
        armsmatch_index_free(idx);
        armsmatch_builder_free(b);
    }
}

#[test]
fn an_empty_id_is_an_invalid_argument_everywhere() {
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    let mut idx: *mut armsmatch_index = ptr::null_mut();
    // SAFETY: live handles; every pointer valid for its length.
    unsafe {
        assert_eq!(armsmatch_builder_new(&mut b), armsmatch_status::Ok);
        assert_eq!(
            armsmatch_builder_add(b, &rec("R1", "QW123456")),
            armsmatch_status::Ok
        );
        assert_eq!(armsmatch_builder_build(b, &mut idx), armsmatch_status::Ok);
        for (id, len) in [(ptr::null(), 0), ("".as_ptr().cast::<c_char>(), 0)] {
            let mut has = true;
            assert_eq!(
                armsmatch_index_contains(idx, id, len, &mut has),
                armsmatch_status::InvalidArgument
            );
            assert!(has, "the out-parameter is written only on success");
            assert_eq!(
                message(),
                "armsmatch_index_contains: id is empty: a record needs a non-empty id"
            );
            // A NULL out-parameter is named first, as by every other function: the
            // arguments' pointers before what they point to.
            assert_eq!(
                armsmatch_index_contains(idx, id, len, ptr::null_mut()),
                armsmatch_status::NullArgument
            );
            assert!(message().contains("contains_out"), "{}", message());
            assert_eq!(
                armsmatch_index_remove(idx, id, len),
                armsmatch_status::InvalidArgument
            );
            let mut r = rec("", "QW123456");
            (r.id, r.id_len) = (id, len);
            assert_eq!(
                armsmatch_index_update(idx, &r),
                armsmatch_status::InvalidArgument
            );
            assert_eq!(
                armsmatch_index_insert(idx, &r),
                armsmatch_status::InvalidArgument
            );
            assert_eq!(
                armsmatch_builder_add(b, &r),
                armsmatch_status::InvalidArgument
            );
        }
        let mut n = 0usize;
        assert_eq!(armsmatch_index_len(idx, &mut n), armsmatch_status::Ok);
        assert_eq!(n, 1);
        armsmatch_index_free(idx);
        armsmatch_builder_free(b);
    }
}

#[test]
fn copy_text_is_snprintf_like_and_cuts_at_char_boundaries() {
    let mut buf = [0x55 as c_char; 8];
    let mut n = 0usize;
    // SAFETY: `buf` is valid for 8 bytes; `n` for a write.
    unsafe {
        copy_text("Ω1234567", buf.as_mut_ptr(), 8, &mut n).unwrap();
        assert_eq!(n, 9);
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_str().unwrap(), "Ω12345");
        copy_text("Ω", buf.as_mut_ptr(), 2, &mut n).unwrap();
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_bytes(), b"");
        copy_text("abc", ptr::null_mut(), 0, &mut n).unwrap();
        assert_eq!(n, 3);
        let e = copy_text("abc", ptr::null_mut(), 4, &mut n).unwrap_err();
        assert_eq!(e.status, armsmatch_status::NullArgument);
        // `written` may be NULL: the copy is still made and terminated.
        copy_text("xyz", buf.as_mut_ptr(), 8, ptr::null_mut()).unwrap();
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_bytes(), b"xyz");
        copy_text("abcdefghij", buf.as_mut_ptr(), 8, ptr::null_mut()).unwrap();
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_bytes(), b"abcdefg");
        copy_text("abc", ptr::null_mut(), 0, ptr::null_mut()).unwrap();
        // A NUL inside the text is escaped: the copy is one C string of the full length.
        copy_text("a\0b", buf.as_mut_ptr(), 8, &mut n).unwrap();
        assert_eq!(n, 4);
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_bytes(), b"a\\0b");
    }
}

#[test]
fn options_out_of_range_are_refused_early() {
    let mut o: *mut armsmatch_options = ptr::null_mut();
    // SAFETY: `o` is a live options handle once made.
    unsafe {
        assert_eq!(armsmatch_options_new(&mut o), armsmatch_status::Ok);
        assert_eq!(
            armsmatch_options_set_max_edits(o, 4),
            armsmatch_status::LimitExceeded
        );
        assert_eq!(
            armsmatch_options_set_max_edits(o, -2),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_options_set_max_edits(o, ARMSMATCH_MAX_EDITS_AUTO),
            armsmatch_status::Ok
        );
        assert_eq!(
            armsmatch_options_set_top(o, 0),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_options_set_top(o, 1001),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_options_set_threshold(o, f32::NAN),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_options_set_threshold(o, 1.5),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(
            armsmatch_options_set_threads(o, 257),
            armsmatch_status::LimitExceeded
        );
        assert_eq!(armsmatch_options_set_threads(o, 2), armsmatch_status::Ok);
        armsmatch_options_free(o);
    }
}

#[test]
fn version_is_core_version() {
    let mut p: *const c_char = ptr::null();
    // SAFETY: `p` is a valid out-pointer; the result is static and NUL-terminated.
    unsafe {
        assert_eq!(armsmatch_version(&mut p), armsmatch_status::Ok);
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), armsmatch::VERSION);
    }
}

/// Kind and status codes round-trip through the names core gives.
#[test]
fn enum_names_come_from_core() {
    let mut p: *const c_char = ptr::null();
    // SAFETY: `p` is a valid out-pointer; results are static and NUL-terminated.
    unsafe {
        for (code, kind) in (1u32..).zip(armsmatch::Kind::ALL) {
            assert_eq!(armsmatch_kind_name(code, &mut p), armsmatch_status::Ok);
            assert_eq!(CStr::from_ptr(p).to_str().unwrap(), kind.as_str());
        }
        assert_eq!(
            armsmatch_kind_name(8, &mut p),
            armsmatch_status::InvalidArgument
        );
        for (code, s) in (1u32..).zip(armsmatch::Status::ALL) {
            assert_eq!(
                armsmatch_record_status_name(code, &mut p),
                armsmatch_status::Ok
            );
            assert_eq!(CStr::from_ptr(p).to_str().unwrap(), s.as_str());
        }
        assert_eq!(armsmatch_serial_match_name(3, &mut p), armsmatch_status::Ok);
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "confusable");
        assert_eq!(
            armsmatch_serial_match_name(0, &mut p),
            armsmatch_status::InvalidArgument
        );
        assert_eq!(armsmatch_field_match_name(2, &mut p), armsmatch_status::Ok);
        assert_eq!(CStr::from_ptr(p).to_str().unwrap(), "alias");
    }
}

#[test]
fn batch_keeps_per_query_errors_in_place() {
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    let mut idx: *mut armsmatch_index = ptr::null_mut();
    let mut batch: *mut armsmatch_batch = ptr::null_mut();
    let bad = [0xffu8, b'1'];
    // SAFETY: live handles; queries valid for their lengths.
    unsafe {
        assert_eq!(armsmatch_builder_new(&mut b), armsmatch_status::Ok);
        assert_eq!(
            armsmatch_builder_add(b, &rec("R1", "AB123456")),
            armsmatch_status::Ok
        );
        assert_eq!(armsmatch_builder_build(b, &mut idx), armsmatch_status::Ok);
        let mut q1 = query("");
        q1.serial = bad.as_ptr().cast();
        q1.serial_len = 2;
        let long = "A".repeat(300);
        let qs = [query("AB123456"), q1, query(&long), query("AB123465")];
        assert_eq!(
            armsmatch_index_check_batch(idx, qs.as_ptr(), qs.len(), ptr::null(), &mut batch),
            armsmatch_status::Ok
        );
        let mut st = armsmatch_status::Ok;
        let expect = [
            armsmatch_status::Ok,
            armsmatch_status::InvalidUtf8,
            armsmatch_status::LimitExceeded,
            armsmatch_status::Ok,
        ];
        for (i, want) in expect.iter().enumerate() {
            assert_eq!(
                armsmatch_batch_status(batch, i, &mut st),
                armsmatch_status::Ok
            );
            assert_eq!(st, *want, "query {i}");
        }
        let mut h: *const armsmatch_hits = ptr::null();
        assert_eq!(
            armsmatch_batch_hits(batch, 2, &mut h),
            armsmatch_status::LimitExceeded
        );
        assert!(message().contains("query 2"), "{}", message());
        assert_eq!(armsmatch_batch_hits(batch, 3, &mut h), armsmatch_status::Ok);
        let mut n = 0;
        assert_eq!(armsmatch_hits_len(h, &mut n), armsmatch_status::Ok);
        assert_eq!(n, 1);
        assert_eq!(
            armsmatch_batch_hits(batch, 4, &mut h),
            armsmatch_status::OutOfRange
        );
        armsmatch_batch_free(batch);
        armsmatch_builder_free(b);
        armsmatch_index_free(idx);
    }
}

// ---- shared test vectors ------------------------------------------------------------

fn vectors() -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/checks.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn s<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(serde_json::Value::as_str)
}

fn core_options(c: &serde_json::Value) -> CheckOptions {
    let mut o = CheckOptions::default();
    if let Some(opts) = c.get("options").filter(|o| o.is_object()) {
        if let Some(k) = opts.get("max_edits").and_then(serde_json::Value::as_u64) {
            o.max_edits = Some(k as u8);
        }
        if let Some(t) = opts.get("top").and_then(serde_json::Value::as_u64) {
            o.top = t as usize;
        }
        if let Some(t) = opts.get("threshold").and_then(serde_json::Value::as_f64) {
            o.threshold = t as f32;
        }
    }
    o
}

/// One line per hit: what the C test prints too, compared by `ffi/tests/run.sh`.
fn dump_line(rank: usize, h: &armsmatch::Hit) -> String {
    let e = &h.explanation;
    format!(
        "{rank} {} {:08x} {} {} {} {} {} {}",
        h.record.id,
        h.score.to_bits(),
        e.serial.kind.as_str(),
        e.serial.distance,
        e.make.as_str(),
        e.model.as_str(),
        e.calibre.as_str(),
        e.serial.shape().as_str()
    )
}

/// The vectors through core's Rust API: the expectations hold, and (with
/// `ARMSMATCH_VECTORS_DUMP=path`) the hits are written for the C side to compare with.
#[test]
fn vectors_core() {
    let v = vectors();
    let mut b = Index::builder();
    for r in v["records"].as_array().unwrap() {
        b.add(serde_json::from_value::<Record>(r.clone()).unwrap())
            .unwrap();
    }
    let index = b.build().unwrap();
    let mut dump = String::new();
    for c in v["cases"].as_array().unwrap() {
        let name = s(c, "name").unwrap();
        let q: Query = serde_json::from_value(c["query"].clone()).unwrap();
        dump.push_str(&format!("case {name}\n"));
        match index.check(&q, &core_options(c)) {
            Ok(hits) => {
                assert!(s(c, "expect_error").is_none(), "{name}: expected an error");
                let expect = c["expect"].as_array().unwrap();
                assert_eq!(hits.len(), expect.len(), "{name}");
                for (i, (h, x)) in hits.iter().zip(expect).enumerate() {
                    assert_eq!(h.record.id, s(x, "record_id").unwrap(), "{name}");
                    assert_eq!(
                        h.explanation.serial.kind.as_str(),
                        s(x, "serial_match").unwrap(),
                        "{name}"
                    );
                    assert_eq!(
                        u64::from(h.explanation.serial.distance),
                        x["serial_distance"].as_u64().unwrap(),
                        "{name}"
                    );
                    assert_eq!(
                        h.explanation.make.as_str(),
                        s(x, "make_match").unwrap(),
                        "{name}"
                    );
                    assert_eq!(
                        h.explanation.model.as_str(),
                        s(x, "model_match").unwrap(),
                        "{name}"
                    );
                    assert_eq!(
                        h.explanation.calibre.as_str(),
                        s(x, "calibre_match").unwrap(),
                        "{name}"
                    );
                    assert_eq!(
                        h.explanation.serial.shape().as_str(),
                        s(x, "shape").unwrap_or("plain"),
                        "{name}"
                    );
                    dump.push_str(&dump_line(i + 1, h));
                    dump.push('\n');
                }
            }
            Err(e) => {
                let status = Failure::from(e).status as u32;
                let name_c = crate::status::status_name(status)
                    .unwrap()
                    .to_str()
                    .unwrap();
                assert_eq!(Some(name_c), s(c, "expect_error"), "{name}");
                dump.push_str(&format!("error {name_c}\n"));
            }
        }
    }
    if let Some(path) = std::env::var_os("ARMSMATCH_VECTORS_DUMP") {
        std::fs::write(path, dump).unwrap();
    }
}

/// The same vectors through the C functions (called from Rust): identical hits, scores
/// bit for bit, and the same error statuses.
#[test]
fn vectors_ffi_equal_core() {
    let v = vectors();
    let mut core = Index::builder();
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    let mut idx: *mut armsmatch_index = ptr::null_mut();
    // SAFETY: live handles; every string pointer is valid for its length.
    unsafe {
        assert_eq!(armsmatch_builder_new(&mut b), armsmatch_status::Ok);
        for r in v["records"].as_array().unwrap() {
            let record: Record = serde_json::from_value(r.clone()).unwrap();
            let (make, make_len) = opt_text(record.make.as_deref());
            let (model, model_len) = opt_text(record.model.as_deref());
            let (calibre, calibre_len) = opt_text(record.calibre.as_deref());
            let (country, country_len) = opt_text(record.country.as_deref());
            let mut c = rec(&record.id, &record.serial);
            c.make = make;
            c.make_len = make_len;
            c.model = model;
            c.model_len = model_len;
            c.calibre = calibre;
            c.calibre_len = calibre_len;
            c.country = country;
            c.country_len = country_len;
            c.kind = record.kind.map_or(0, |k| kind_code(k) as u32);
            c.status = record.status.map_or(0, |k| record_status_code(k) as u32);
            c.reported_on = date_of(record.reported_on);
            assert_eq!(
                armsmatch_builder_add(b, &c),
                armsmatch_status::Ok,
                "{}",
                message()
            );
            core.add(record).unwrap();
        }
        assert_eq!(armsmatch_builder_build(b, &mut idx), armsmatch_status::Ok);
        let core = core.build().unwrap();
        for c in v["cases"].as_array().unwrap() {
            let name = s(c, "name").unwrap();
            let q: Query = serde_json::from_value(c["query"].clone()).unwrap();
            let o = core_options(c);
            let mut opts: *mut armsmatch_options = ptr::null_mut();
            assert_eq!(armsmatch_options_new(&mut opts), armsmatch_status::Ok);
            let mut status = armsmatch_options_set_top(opts, o.top);
            if status == armsmatch_status::Ok {
                status = armsmatch_options_set_threshold(opts, o.threshold);
            }
            if status == armsmatch_status::Ok {
                status = armsmatch_options_set_max_edits(opts, o.max_edits.map_or(-1, i32::from));
            }
            let mut cq = query(&q.serial);
            (cq.make, cq.make_len) = opt_text(q.make.as_deref());
            (cq.model, cq.model_len) = opt_text(q.model.as_deref());
            (cq.calibre, cq.calibre_len) = opt_text(q.calibre.as_deref());
            let mut hits: *mut armsmatch_hits = ptr::null_mut();
            if status == armsmatch_status::Ok {
                status = armsmatch_index_check(idx, &cq, opts, &mut hits);
            }
            armsmatch_options_free(opts);
            match core.check(&q, &o) {
                Ok(expected) => {
                    assert_eq!(status, armsmatch_status::Ok, "{name}: {}", message());
                    let got = Hits::new(expected.clone(), q.clone(), core.reference());
                    let mut n = 0;
                    assert_eq!(armsmatch_hits_len(hits, &mut n), armsmatch_status::Ok);
                    assert_eq!(n, expected.len(), "{name}");
                    let h = &*(hits as *const Hits);
                    assert_eq!(h.ids(), got.ids(), "{name}");
                    for (i, e) in expected.iter().enumerate() {
                        let mut score = 0f32;
                        assert_eq!(
                            armsmatch_hit_score(hits, i, &mut score),
                            armsmatch_status::Ok
                        );
                        assert_eq!(score.to_bits(), e.score.to_bits(), "{name}");
                        let mut m = armsmatch_serial_match::Other;
                        assert_eq!(
                            armsmatch_hit_serial_match(hits, i, &mut m),
                            armsmatch_status::Ok
                        );
                        assert_eq!(m, serial_match_code(e.explanation.serial.kind), "{name}");
                    }
                    armsmatch_hits_free(hits);
                }
                Err(e) => {
                    assert_eq!(status, Failure::from(e).status, "{name}");
                    assert!(hits.is_null());
                }
            }
        }
        armsmatch_builder_free(b);
        armsmatch_index_free(idx);
    }
}

/// The trace request JSON of the first hit (requested by the Dutch KLPD, case C-9), read
/// through a buffer with room to spare.
///
/// # Safety
///
/// `hits` is a live hits handle with at least one hit.
unsafe fn first_trace_json(hits: *const armsmatch_hits) -> String {
    let mut buf = vec![0 as c_char; 16384];
    let mut written = 0usize;
    let (country, agency, case) = ("NLD", "KLPD", "C-9");
    // SAFETY: the caller's contract; every pointer valid for its length.
    let status = unsafe {
        armsmatch_hit_trace_request_json(
            hits,
            0,
            country.as_ptr().cast(),
            country.len(),
            agency.as_ptr().cast(),
            agency.len(),
            case.as_ptr().cast(),
            case.len(),
            buf.as_mut_ptr(),
            buf.len(),
            &mut written,
        )
    };
    assert_eq!(status, armsmatch_status::Ok, "{}", message());
    assert!(written < buf.len());
    // SAFETY: on success the buffer holds a NUL-terminated copy.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_trace_request_uses_the_reference_of_the_index_that_found_the_hit() {
    // A register's own make, made in New Zealand: only the index's reference knows it.
    let toml = "[[make]]\nname = \"Kiwi Arms Works\"\ncountry = \"NZL\"\n";
    let make = "Kiwi Arms Works";
    let mut reference: *mut armsmatch_reference = ptr::null_mut();
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    let mut idx: *mut armsmatch_index = ptr::null_mut();
    let mut hits: *mut armsmatch_hits = ptr::null_mut();
    // SAFETY: live handles; every pointer valid for its length.
    unsafe {
        assert_eq!(
            armsmatch_reference_from_toml(toml.as_ptr().cast(), toml.len(), &mut reference),
            armsmatch_status::Ok
        );
        assert_eq!(
            armsmatch_builder_new_with_reference(reference, &mut b),
            armsmatch_status::Ok
        );
        let mut r = rec("AUS-1", "KW551234");
        (r.make, r.make_len) = (make.as_ptr().cast(), make.len());
        assert_eq!(armsmatch_builder_add(b, &r), armsmatch_status::Ok);
        assert_eq!(armsmatch_builder_build(b, &mut idx), armsmatch_status::Ok);
        let mut q = query("KW551234");
        (q.make, q.make_len) = (make.as_ptr().cast(), make.len());
        assert_eq!(
            armsmatch_index_check(idx, &q, ptr::null(), &mut hits),
            armsmatch_status::Ok
        );
        let json = first_trace_json(hits);
        assert!(json.contains("NZL"), "{json}");
        armsmatch_hits_free(hits);
        armsmatch_index_free(idx);
        armsmatch_builder_free(b);
        armsmatch_reference_free(reference);
    }
}

#[test]
fn a_trace_request_writes_scores_in_their_shortest_f32_form() {
    let mut b: *mut armsmatch_builder = ptr::null_mut();
    let mut idx: *mut armsmatch_index = ptr::null_mut();
    let mut hits: *mut armsmatch_hits = ptr::null_mut();
    let (make, calibre) = ("Glock", "9mm");
    // SAFETY: live handles; every pointer valid for its length.
    let json = unsafe {
        assert_eq!(armsmatch_builder_new(&mut b), armsmatch_status::Ok);
        let mut r = rec("DEU-1", "AB123456");
        (r.make, r.make_len) = (make.as_ptr().cast(), make.len());
        (r.calibre, r.calibre_len) = (calibre.as_ptr().cast(), calibre.len());
        assert_eq!(armsmatch_builder_add(b, &r), armsmatch_status::Ok);
        assert_eq!(armsmatch_builder_build(b, &mut idx), armsmatch_status::Ok);
        // A transposed serial and the make only: no score is a round number.
        let mut q = query("AB123465");
        (q.make, q.make_len) = (make.as_ptr().cast(), make.len());
        assert_eq!(
            armsmatch_index_check(idx, &q, ptr::null(), &mut hits),
            armsmatch_status::Ok
        );
        let json = first_trace_json(hits);
        armsmatch_hits_free(hits);
        armsmatch_index_free(idx);
        armsmatch_builder_free(b);
        json
    };
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        value["request"].is_object() && value["missing"].is_array(),
        "{json}"
    );
    for key in ["\"score\":", "\"serial_score\":", "\"identity_factor\":"] {
        let at = json
            .find(key)
            .unwrap_or_else(|| panic!("no {key} in {json}"))
            + key.len();
        let token: String = json[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+'))
            .collect();
        let x: f32 = token.parse().unwrap();
        // The token is the shortest text that reads back as this f32 (serde_json's form
        // of an f32), not the f32 widened to an f64 (0.9900000095367432 for 0.99).
        let shortest = serde_json::to_string(&x).unwrap();
        assert_eq!(token, shortest, "{key} in {json}");
        assert!(token.len() <= 10, "{key} {token}");
    }
}
