//! `armsmatch._armsmatch`: the native module of the Python package `armsmatch`.
//!
//! A thin layer over the core crate: Python values are converted to owned Rust data
//! (errors name the field), the work runs in core with the GIL released, and core
//! errors become the exception classes of [`errors`]. No matching logic lives here.

mod convert;
mod errors;
mod hit;
mod index;
mod reference;

use armsmatch::limits;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{int_arg, text_arg};
use crate::errors::invalid;

/// The serial key: the serial as it is compared and indexed (case folded, separators
/// dropped, Cyrillic and Greek look-alikes folded to Latin, full-width and other
/// scripts' digits to ASCII).
///
/// >>> normalize_serial("ab-12 34/x")
/// 'AB1234X'
#[pyfunction]
fn normalize_serial(serial: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(armsmatch::serial_key(&text_arg(serial, "serial")?))
}

/// All keys of a serial: the serial key first, then its transliterations where they
/// differ (Cyrillic by sound, Greek).
///
/// >>> serial_keys("ВС 1234")
/// ['BC1234', 'VS1234', 'WS1234']
#[pyfunction]
fn serial_keys(serial: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    Ok(armsmatch::serial_keys(&text_arg(serial, "serial")?))
}

/// The confusable skeleton of a serial: its key with every character replaced by its
/// class representative (O/0/Q/D → 0, I/1/L → 1, S/5, B/8, Z/2, G/6, U/V).
///
/// >>> skeleton("BO-1234") == skeleton("80 I234")
/// True
#[pyfunction]
fn skeleton(serial: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(armsmatch::skeleton(&text_arg(serial, "serial")?))
}

/// True if a serial means "no serial" (empty, a placeholder such as ``UNK`` or
/// ``N/A``, or one character repeated such as ``000000``).
///
/// >>> is_placeholder_serial("UNKNOWN"), is_placeholder_serial("A1234")
/// (True, False)
#[pyfunction]
fn is_placeholder_serial(serial: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(armsmatch::is_placeholder_serial(&text_arg(
        serial, "serial",
    )?))
}

/// The default edit budget for a serial key of ``length`` characters: 0 up to 3
/// characters, 1 for 4 and 5, 2 from 6. A check and a record get the budget of the
/// longer of their two keys (a copy that dropped characters is short because of them).
///
/// >>> [auto_edit_budget(n) for n in (3, 4, 5, 8)]
/// [0, 1, 1, 2]
#[pyfunction]
fn auto_edit_budget(length: &Bound<'_, PyAny>) -> PyResult<u8> {
    let length = int_arg(length, "length")?;
    let length =
        usize::try_from(length).map_err(|_| invalid("length", format!("{length} is negative")))?;
    Ok(armsmatch::auto_edit_budget(length))
}

/// The score of a hit of this ``evidence`` (``Explanation.evidence``): the calibrated
/// probability that the record is the checked firearm, in [0, 1], rising with the
/// evidence (clamped to [0, 1]; NaN counts as 0).
///
/// >>> calibrate(1.0), calibrate(0.2) < 0.001, calibrate(0.5) < calibrate(0.8)
/// (1.0, True, True)
#[pyfunction]
fn calibrate(evidence: &Bound<'_, PyAny>) -> PyResult<f64> {
    let e = convert::float_arg(evidence, "evidence", "float")?;
    Ok(convert::py_float(armsmatch::calibrate(e)))
}

/// Firearm hit detection (native module; use the ``armsmatch`` package).
#[pymodule]
fn _armsmatch(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", armsmatch::VERSION)?;
    // The f32 threshold as the decimal it was written as (0.4, not 0.4000000059604645).
    let threshold = (f64::from(armsmatch::DEFAULT_THRESHOLD) * 1e6).round() / 1e6;
    m.add("DEFAULT_THRESHOLD", threshold)?;
    let lim = PyDict::new(py);
    lim.set_item("MAX_SERIAL_BYTES", limits::MAX_SERIAL_BYTES)?;
    lim.set_item("MAX_KEY_CHARS", limits::MAX_KEY_CHARS)?;
    lim.set_item("MAX_FIELD_BYTES", limits::MAX_FIELD_BYTES)?;
    lim.set_item("MAX_EDITS", limits::MAX_EDITS)?;
    lim.set_item("MAX_WILDCARDS", limits::MAX_WILDCARDS)?;
    lim.set_item("MIN_KNOWN_CHARS", limits::MIN_KNOWN_CHARS)?;
    lim.set_item("MAX_TOP", limits::MAX_TOP)?;
    lim.set_item("MAX_CANDIDATES", limits::MAX_CANDIDATES)?;
    lim.set_item("MAX_RECORDS", limits::MAX_RECORDS)?;
    lim.set_item("MAX_THREADS", limits::MAX_THREADS)?;
    // Read-only: the limits are core's constants, which changing a dict could not change.
    let lim = py
        .import("types")?
        .getattr("MappingProxyType")?
        .call1((lim,))?;
    m.add("LIMITS", lim)?;
    // A tuple: a constant the hits tables are built from must not be changed.
    m.add(
        "HIT_COLUMNS",
        pyo3::types::PyTuple::new(m.py(), index::hit_column_types())?,
    )?;
    errors::Exceptions::register(m)?;
    m.add_class::<index::Index>()?;
    m.add_class::<hit::Hit>()?;
    m.add_class::<hit::Explanation>()?;
    m.add_class::<hit::Record>()?;
    m.add_class::<reference::Reference>()?;
    m.add_class::<reference::Resolved>()?;
    m.add_function(wrap_pyfunction!(normalize_serial, m)?)?;
    m.add_function(wrap_pyfunction!(serial_keys, m)?)?;
    m.add_function(wrap_pyfunction!(skeleton, m)?)?;
    m.add_function(wrap_pyfunction!(is_placeholder_serial, m)?)?;
    m.add_function(wrap_pyfunction!(auto_edit_budget, m)?)?;
    m.add_function(wrap_pyfunction!(calibrate, m)?)?;
    m.add_function(wrap_pyfunction!(convert::resolve_columns, m)?)?;
    Ok(())
}
