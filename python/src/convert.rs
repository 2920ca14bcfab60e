//! Python values → owned Rust data (records, checks, options), with errors that name the
//! field. Everything here runs with the GIL held; the work that follows runs without it.

use std::path::PathBuf;

use armsmatch::io::Columns;
use armsmatch::{
    country_code, limits, CheckOptions, Date, Error, IndexBuilder, Kind, Query, Record, Status,
};
use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyType};

use crate::errors::{invalid, to_py_err, to_py_err_at, wrong_type};

/// UTF-8 text of a Python `str`. A lone surrogate ("\ud800") cannot be UTF-8: it is
/// refused as invalid input naming the field.
pub(crate) fn utf8(s: &Bound<'_, PyString>, field: &str) -> PyResult<String> {
    match s.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(e) => Err(invalid(
            field,
            format!("not valid Unicode text ({})", e.value(s.py())),
        )),
    }
}

/// A required `str` argument.
pub(crate) fn text_arg(v: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    match v.downcast::<PyString>() {
        Ok(s) => utf8(s, field),
        Err(_) => Err(wrong_type(field, "str", v)),
    }
}

/// An optional `str` argument: `None`, NaN, pandas' `NaT` and `NA` are unknown.
pub(crate) fn opt_text_arg(v: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if is_missing(v)? => Ok(None),
        Some(v) => text_arg(v, field).map(Some),
    }
}

/// A score (an `f32`) as the Python float it reads as: the double nearest its shortest
/// decimal form (`0.66`, not `0.6599999666213989`, the `f32`'s exact value widened). It
/// converts back to the same `f32` (checked; else the exact value is given).
pub(crate) fn py_float(x: f32) -> f64 {
    let shortest: f64 = x.to_string().parse().unwrap_or(f64::from(x));
    #[allow(clippy::cast_possible_truncation)] // the round trip is the point
    if shortest as f32 == x {
        shortest
    } else {
        f64::from(x)
    }
}

/// A file path argument, as Python's own `open()` takes one: `str`, `bytes` or an
/// `os.PathLike` giving either. Text is encoded as `open()` encodes it (`os.fsencode`: a
/// file name that is not UTF-8 on disk, decoded by Python with `surrogateescape`, names
/// the same file); bytes are the file name as it is. A NUL character is refused, as
/// Python's `open()` refuses it.
pub(crate) fn path_arg(v: &Bound<'_, PyAny>, field: &str) -> PyResult<PathBuf> {
    const EXPECTED: &str = "str, bytes or os.PathLike";
    let named = if v.is_instance_of::<PyString>() || v.is_instance_of::<PyBytes>() {
        v.clone()
    } else if v.hasattr("__fspath__")? {
        v.call_method0("__fspath__")?
    } else {
        return Err(wrong_type(field, EXPECTED, v));
    };
    let path = if let Ok(s) = named.downcast::<PyString>() {
        fs_path(s, field)?
    } else if let Ok(b) = named.downcast::<PyBytes>() {
        byte_path(b.as_bytes(), field)?
    } else {
        return Err(wrong_type(field, EXPECTED, v));
    };
    if path.as_os_str().as_encoded_bytes().contains(&0) {
        return Err(invalid(field, "a path may not contain a NUL character"));
    }
    Ok(path)
}

/// A file name as Python's `os.fsencode` encodes it (on POSIX: the file system encoding
/// with `surrogateescape`); a surrogate it did not make (`\ud800`) cannot be encoded. Not
/// through pyo3's `OsString` extraction, which panics on such a name.
#[cfg(unix)]
fn fs_path(text: &Bound<'_, PyString>, field: &str) -> PyResult<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    let cannot = || {
        invalid(
            field,
            "not a file name this system can encode (a lone surrogate, not valid Unicode text)",
        )
    };
    let py = text.py();
    let encoded = py
        .import("os")?
        .call_method1("fsencode", (text,))
        .map_err(|e| {
            // Only the encoding's own refusal is the caller's name; anything else
            // (a KeyboardInterrupt) is raised as it is.
            if e.is_instance_of::<pyo3::exceptions::PyValueError>(py) {
                cannot()
            } else {
                e
            }
        })?;
    let bytes = encoded.downcast::<PyBytes>().map_err(|_| cannot())?;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(
        bytes.as_bytes().to_vec(),
    )))
}

/// A file name given as bytes: the bytes themselves on POSIX.
#[cfg(unix)]
fn byte_path(bytes: &[u8], _field: &str) -> PyResult<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes.to_vec())))
}

/// A file name given as bytes: UTF-8 on systems whose file names are text.
#[cfg(not(unix))]
fn byte_path(bytes: &[u8], field: &str) -> PyResult<PathBuf> {
    std::str::from_utf8(bytes)
        .map(PathBuf::from)
        .map_err(|_| invalid(field, "a file name given as bytes must be UTF-8 here"))
}

/// A file name: valid Unicode text on systems whose file names are text.
#[cfg(not(unix))]
fn fs_path(text: &Bound<'_, PyString>, field: &str) -> PyResult<PathBuf> {
    utf8(text, field).map(PathBuf::from)
}

/// True if `v` names a file (a `str`, `bytes` or an `os.PathLike`).
pub(crate) fn is_path(v: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(v.is_instance_of::<PyString>()
        || v.is_instance_of::<PyBytes>()
        || v.hasattr("__fspath__")?)
}

static OPERATOR_INDEX: GILOnceCell<Py<PyAny>> = GILOnceCell::new();
static NUMBERS_REAL: GILOnceCell<Py<PyType>> = GILOnceCell::new();
static DECIMAL: GILOnceCell<Py<PyType>> = GILOnceCell::new();

/// True for a missing value: `None`, a float NaN (Python's or numpy's), pandas' `NaT`
/// and `NA`, numpy's `NaT`. NaN and the NaTs are the values not equal to themselves;
/// `NA`'s comparisons are `NA`, so it is known by its type.
pub(crate) fn is_missing(v: &Bound<'_, PyAny>) -> PyResult<bool> {
    if v.is_none() {
        return Ok(true);
    }
    if let Ok(f) = v.downcast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    if v.is_instance_of::<PyString>() || v.is_instance_of::<PyInt>() {
        return Ok(false);
    }
    let t = v.get_type();
    if t.name()?.to_cow()? == "NAType" && t.module()?.to_cow()?.starts_with("pandas") {
        return Ok(true);
    }
    Ok(v.ne(v).unwrap_or(false))
}

/// `v` as a Python `int`: an `int` or an integer with `__index__` (numpy's), not a bool.
pub(crate) fn as_int<'py>(v: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyInt>>> {
    if v.is_instance_of::<PyBool>() {
        return Ok(None);
    }
    if let Ok(i) = v.downcast::<PyInt>() {
        return Ok(Some(i.clone()));
    }
    let py = v.py();
    if !v.hasattr(intern!(py, "__index__"))? {
        return Ok(None);
    }
    // numpy's bool has an `__index__` that raises: not an int.
    let index = OPERATOR_INDEX.import(py, "operator", "index")?;
    Ok(index
        .call1((v,))
        .ok()
        .and_then(|i| i.downcast_into::<PyInt>().ok()))
}

/// `v` as a float if it is a real number that is not an integer type: a `float` or a
/// `numbers.Real` (numpy's floats).
fn as_float(v: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    if let Ok(f) = v.downcast::<PyFloat>() {
        return Ok(Some(f.value()));
    }
    if v.is_instance_of::<PyBool>() || as_int(v)?.is_some() {
        return Ok(None);
    }
    let real = NUMBERS_REAL.import(v.py(), "numbers", "Real")?;
    if !v.is_instance(real)? {
        return Ok(None);
    }
    Ok(v.extract::<f64>().ok())
}

/// The text of a whole-number float, as its integer ("12345.0" → "12345"): what a column
/// of numbers with blanks holds once pandas has read it as floats. A fraction, or a
/// number past 2^53 (no longer exact), is refused; so is a numpy `float32` (`float16`)
/// from 2^24 (2^11) on, as in a table's column (`_frames._refuse_inexact_floats`):
/// `np.float32(16777217)` holds 16777216, which would name another firearm.
fn whole_float_text(v: &Bound<'_, PyAny>, x: f64, field: &str) -> PyResult<String> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53

    // A narrow numpy float: its width in bytes and the first whole number it may hold
    // as a rounded neighbour (at the bound itself the number may already be one).
    let narrow = if v.downcast::<PyFloat>().is_ok() {
        None
    } else {
        match v.getattr("itemsize").and_then(|s| s.extract::<usize>()) {
            Ok(2) => Some(("float16", 2_048.0, "2,048")),
            Ok(4) => Some(("float32", 16_777_216.0, "16,777,216")),
            _ => None,
        }
    };
    let exact = match narrow {
        Some((_, bound, _)) => x.abs() < bound,
        None => x.abs() <= EXACT,
    };
    if x.fract() == 0.0 && exact {
        return Ok(format!("{}", x as i64));
    }
    let bound_why;
    let why = match narrow {
        Some((width, _, bound)) if x.fract() == 0.0 => {
            bound_why = format!(
                "a {width} tells whole numbers apart only below {bound}, so it may be \
                 another number than the one written"
            );
            bound_why.as_str()
        }
        _ if x.fract() == 0.0 => "too large to be exact",
        _ => "not a whole number",
    };
    let repr = v
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| x.to_string());
    Err(PyTypeError::new_err(format!(
        "{field}: expected str or None, got the float {repr} ({why}): read the column as \
         text, e.g. pandas.read_csv(..., dtype=str); reading identifiers as numbers also \
         drops their leading zeros"
    )))
}

/// The text of an integer: its decimal digits (as the JSON Lines reader writes a JSON
/// number). How a table's integer cell is read, and an integer record id looked up.
fn int_text(i: &Bound<'_, PyInt>) -> PyResult<String> {
    Ok(i.str()?.to_cow()?.into_owned())
}

/// The text of a `decimal.Decimal` that is a whole number, as its integer (a polars or
/// Arrow decimal column, `Decimal(10, 0)`, holding identifiers); `None` if `v` is not a
/// `Decimal`. A fraction, an infinity or a NaN is refused.
fn whole_decimal_text(v: &Bound<'_, PyAny>, field: &str) -> PyResult<Option<String>> {
    let py = v.py();
    let decimal = DECIMAL.import(py, "decimal", "Decimal")?;
    if !v.is_instance(decimal)? {
        return Ok(None);
    }
    let whole =
        v.call_method0("is_finite")?.is_truthy()? && v.eq(v.call_method0("to_integral_value")?)?;
    if !whole {
        let repr = v.repr().map(|r| r.to_string()).unwrap_or_default();
        return Err(PyTypeError::new_err(format!(
            "{field}: expected str or None, got {repr} (not a whole number): read the column \
             as text"
        )));
    }
    let int = py
        .get_type::<PyInt>()
        .call1((v,))?
        .downcast_into::<PyInt>()?;
    int_text(&int).map(Some)
}

/// A record id given to a lookup (`get`, `remove`, `in`): `str`, or an integer (numpy's
/// too) read as a table's integer id cell is ([`int_text`]), so an index built from an
/// integer id column is looked up by the same integers.
pub(crate) fn id_arg(v: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    if let Ok(s) = v.downcast::<PyString>() {
        return utf8(s, field);
    }
    match as_int(v)? {
        Some(i) => int_text(&i),
        None => Err(wrong_type(field, "str or int", v)),
    }
}

/// A `bool` flag: `True`/`False`, numpy's bools, and the ints 0 and 1.
pub(crate) fn bool_arg(v: &Bound<'_, PyAny>, field: &str) -> PyResult<bool> {
    if let Ok(b) = v.downcast::<PyBool>() {
        return Ok(b.is_true());
    }
    let t = v.get_type();
    if t.module()?.to_cow()? == "numpy" && t.name()?.to_cow()?.starts_with("bool") {
        return v.is_truthy();
    }
    if let Some(i) = as_int(v)? {
        if let Ok(n @ (0 | 1)) = i.extract::<u8>() {
            return Ok(n == 1);
        }
    }
    Err(wrong_type(field, "bool", v))
}

/// One cell of a table (a DataFrame column value or a dict value): `str`; a missing
/// value ([`is_missing`]: None, NaN, NaT, NA) is unknown; an integer (numpy's too) is
/// written in decimal (as the JSON Lines reader does), and so is a whole-number float
/// (a column of numbers with blanks, as pandas reads it) or `Decimal`; for dates,
/// anything with `isoformat()`. Text that is empty after trimming is missing too, as an
/// empty CSV cell is.
pub(crate) fn cell_text(
    v: &Bound<'_, PyAny>,
    field: &str,
    is_date: bool,
) -> PyResult<Option<String>> {
    let text = if let Ok(s) = v.downcast::<PyString>() {
        utf8(s, field)?
    } else if is_missing(v)? {
        return Ok(None);
    } else if let Some(i) = as_int(v)? {
        int_text(&i)?
    } else if let Some(x) = as_float(v)? {
        whole_float_text(v, x, field)?
    } else if let Some(text) = whole_decimal_text(v, field)? {
        text
    } else if is_date && v.hasattr("isoformat")? {
        let iso = v.call_method0("isoformat")?;
        text_arg(&iso, field)?
    } else {
        let expected = if is_date {
            "str, date or None"
        } else {
            "str or None"
        };
        return Err(wrong_type(field, expected, v));
    };
    let trimmed = text.trim();
    Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
}

/// Rows of records or checks, as the DataFrame glue hands them over: whole columns as
/// lists, or an iterable of dicts.
pub(crate) enum Table<'py> {
    /// Column name → list of values; `len` rows. `found` names every column of the
    /// table (for error messages).
    Columns {
        columns: Vec<(String, Bound<'py, PyList>)>,
        len: usize,
        found: Vec<String>,
    },
    /// An iterable of mappings.
    Rows(Bound<'py, PyAny>),
}

/// Record columns, as in the records file (headers as the file readers read them).
pub(crate) const RECORD_COLUMNS: Columns = Columns::Records;

/// Check columns, as in the queries file (headers as the file readers read them).
pub(crate) const QUERY_COLUMNS: Columns = Columns::Checks;

/// The name `which` (`records` or `checks`) gives in the glue.
fn columns_named(which: &str) -> PyResult<Columns> {
    match which {
        "records" => Ok(Columns::Records),
        "checks" => Ok(Columns::Checks),
        _ => Err(invalid(
            "which",
            format!("{which:?} is not records or checks"),
        )),
    }
}

/// The column each of `headers` is read as (`None`: not read), by the file readers'
/// rule (core's [`Columns::resolve`]); two headers of one column are invalid input of
/// `what`. For the DataFrame glue.
#[pyfunction]
#[pyo3(name = "_resolve_columns")]
pub(crate) fn resolve_columns(
    which: &str,
    headers: Vec<String>,
    what: &str,
) -> PyResult<Vec<Option<&'static str>>> {
    columns_named(which)?
        .resolve(&headers)
        .map_err(|m| invalid(what, m))
}

impl<'py> Table<'py> {
    /// The table the glue returned: `dict[str, list]` of columns (and the names of all
    /// the table's columns), or the rows iterable.
    pub(crate) fn new(
        kind: &str,
        data: Bound<'py, PyAny>,
        found: Vec<String>,
    ) -> PyResult<Table<'py>> {
        if kind == "rows" {
            return Ok(Table::Rows(data));
        }
        let dict = data.downcast::<PyDict>()?;
        let mut columns = Vec::new();
        let mut len = None;
        for (k, v) in dict.iter() {
            let name = text_arg(&k, "column name")?;
            let list = v.downcast_into::<PyList>()?;
            if *len.get_or_insert(list.len()) != list.len() {
                return Err(invalid(name, "columns have different lengths"));
            }
            columns.push((name, list));
        }
        Ok(Table::Columns {
            columns,
            len: len.unwrap_or(0),
            found,
        })
    }

    /// Calls `f(i, row)` for every row (and lets Python handle signals every
    /// [`SIGNAL_ROWS`] rows, so Ctrl-C stops a long conversion).
    pub(crate) fn for_each_row(
        &self,
        py: Python<'py>,
        what: &str,
        spec: Columns,
        required: &[&str],
        mut f: impl FnMut(usize, &Row<'_, '_>) -> PyResult<()>,
    ) -> PyResult<()> {
        self.for_each_row_or_error(py, what, spec, required, |i, row| f(i, row?))
    }

    /// [`Table::for_each_row`], with a row that cannot be read (a dicts row that is no
    /// mapping, or lacks a required key) handed to `f` as its error instead of
    /// stopping the iteration: for `errors="skip"`.
    pub(crate) fn for_each_row_or_error(
        &self,
        py: Python<'py>,
        what: &str,
        spec: Columns,
        required: &[&str],
        mut f: impl FnMut(usize, PyResult<&Row<'_, '_>>) -> PyResult<()>,
    ) -> PyResult<()> {
        match self {
            Table::Columns {
                columns,
                len,
                found,
            } => {
                // Which list holds each spec column.
                // (The glue named them as the spec does.)
                let mut at: Vec<Option<&Bound<'py, PyList>>> = Vec::new();
                for &c in spec.names() {
                    let list = columns
                        .iter()
                        .find(|(name, _)| name == c)
                        .map(|(_, list)| list);
                    if list.is_none() && required.contains(&c) {
                        return Err(invalid(what, missing_column(c, found)));
                    }
                    at.push(list);
                }
                for i in 0..*len {
                    if i % SIGNAL_ROWS == SIGNAL_ROWS - 1 {
                        py.check_signals()?;
                    }
                    let mut values = Vec::with_capacity(spec.names().len());
                    for list in &at {
                        values.push(match list {
                            Some(list) => Some(list.get_item(i)?),
                            None => None,
                        });
                    }
                    f(
                        i,
                        Ok(&Row {
                            names: spec.names(),
                            values: &values,
                        }),
                    )?;
                }
                Ok(())
            }
            Table::Rows(rows) => {
                let iter = rows.try_iter().map_err(|_| {
                    wrong_type(
                        what,
                        "a DataFrame, an Arrow table or an iterable of dicts",
                        rows,
                    )
                })?;
                // Rows of one table mostly share their keys: resolved once per run.
                let mut seen = KeysSeen::default();
                for (i, row) in iter.enumerate() {
                    if i % SIGNAL_ROWS == SIGNAL_ROWS - 1 {
                        py.check_signals()?;
                    }
                    let row = row?;
                    let context = format!("{what}[{i}]");
                    match mapping_values(&row, spec, &context, &mut seen) {
                        Ok(values) => with_values(spec, values, required, &context, |r| f(i, r))?,
                        Err(e) => f(i, Err(e))?,
                    }
                }
                Ok(())
            }
        }
    }

    /// Number of rows, if known without iterating.
    pub(crate) fn len_hint(&self) -> usize {
        match self {
            Table::Columns { len, .. } => *len,
            Table::Rows(rows) => rows.len().unwrap_or(0),
        }
    }
}

/// Rows converted between two checks for signals (Ctrl-C).
pub(crate) const SIGNAL_ROWS: usize = 1 << 16;

/// The message for a required column the table lacks: its name and the table's
/// columns (headers are read as the file readers read them, so a near miss is a
/// different word, not a different case).
fn missing_column(c: &str, found: &[String]) -> String {
    const SHOWN: usize = 20;
    let mut listed: Vec<String> = found.iter().take(SHOWN).map(|n| format!("{n:?}")).collect();
    if found.len() > SHOWN {
        listed.push(format!("… ({} in all)", found.len()));
    }
    format!(
        "required column {c:?} is missing (columns found: {})",
        if listed.is_empty() {
            "none".to_string()
        } else {
            listed.join(", ")
        }
    )
}

/// Calls `f` with one mapping (a dict row) as a [`Row`], after checking its required
/// keys are present. Keys are read as the file readers read headers.
pub(crate) fn with_mapping_row<T>(
    row: &Bound<'_, PyAny>,
    spec: Columns,
    required: &[&str],
    context: &str,
    seen: &mut KeysSeen,
    f: impl FnOnce(&Row<'_, '_>) -> PyResult<T>,
) -> PyResult<T> {
    let values = mapping_values(row, spec, context, seen)?;
    with_values(spec, values, required, context, |r| f(r?))
}

/// Calls `f` with the values of one row, after checking its required keys are present.
fn with_values<T>(
    spec: Columns,
    values: Vec<Option<Bound<'_, PyAny>>>,
    required: &[&str],
    context: &str,
    f: impl FnOnce(PyResult<&Row<'_, '_>>) -> PyResult<T>,
) -> PyResult<T> {
    for c in required {
        let pos = spec.names().iter().position(|s| s == c);
        if pos.is_some_and(|p| values[p].is_none()) {
            return f(Err(invalid(
                format!("{context}.{c}"),
                format!("required key {c:?} is missing"),
            )));
        }
    }
    f(Ok(&Row {
        names: spec.names(),
        values: &values,
    }))
}

/// The keys of the last mapping read and the spec column each is read as (so a run
/// of rows with the same keys resolves them once).
#[derive(Default)]
pub(crate) struct KeysSeen {
    /// The keys as Python objects: rows built alike share their key objects, so the
    /// next row is mostly compared by identity, without converting text.
    keys: Vec<Py<PyAny>>,
    at: Vec<Option<usize>>,
}

/// The values of the spec columns in one mapping (`None` = key absent). Keys that are
/// not text name no column.
fn mapping_values<'py>(
    row: &Bound<'py, PyAny>,
    spec: Columns,
    context: &str,
    seen: &mut KeysSeen,
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let items: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> =
        if let Ok(dict) = row.downcast::<PyDict>() {
            dict.iter().collect()
        } else {
            let mapping = row
                .downcast::<PyMapping>()
                .map_err(|_| wrong_type(context, "dict", row))?;
            let mut items = Vec::new();
            for item in mapping.items()?.iter() {
                items.push(item.extract()?);
            }
            items
        };
    let py = row.py();
    let same = items.len() == seen.keys.len()
        && items.iter().zip(&seen.keys).all(|((k, _), seen)| {
            let seen = seen.bind(py);
            k.is(seen)
                || (k.is_instance_of::<PyString>()
                    && seen.is_instance_of::<PyString>()
                    && k.eq(seen).unwrap_or(false))
        });
    if !same {
        let keys: Vec<String> = items
            .iter()
            .map(|(k, _)| {
                k.downcast::<PyString>()
                    .ok()
                    .and_then(|k| k.to_cow().ok())
                    .map(|k| k.into_owned())
                    .unwrap_or_default()
            })
            .collect();
        let cols = spec.resolve(&keys).map_err(|m| invalid(context, m))?;
        seen.at = cols
            .iter()
            .map(|c| c.and_then(|c| spec.names().iter().position(|n| *n == c)))
            .collect();
        seen.keys = items.iter().map(|(k, _)| k.clone().unbind()).collect();
    }
    let mut values = vec![None; spec.names().len()];
    for ((_, v), at) in items.into_iter().zip(&seen.at) {
        if let Some(at) = at {
            values[*at] = Some(v);
        }
    }
    Ok(values)
}

/// One row: the values of the spec columns, in spec order.
pub(crate) struct Row<'a, 'py> {
    names: &'static [&'static str],
    values: &'a [Option<Bound<'py, PyAny>>],
}

impl Row<'_, '_> {
    /// The text of column `name` (`None` when absent or missing).
    pub(crate) fn text(&self, name: &str, context: &str) -> PyResult<Option<String>> {
        let Some(pos) = self.names.iter().position(|c| *c == name) else {
            return Ok(None);
        };
        match &self.values[pos] {
            None => Ok(None),
            Some(v) => cell_text(v, &format!("{context}.{name}"), name == "reported_on"),
        }
    }
}

/// An id as error messages quote it: in full up to 64 characters, else its first 48 and
/// its length (a 1 MB id refused for its length is not repeated in the message).
pub(crate) fn short_id(id: &str) -> String {
    if id.chars().count() <= 64 {
        return format!("{id:?}");
    }
    let head: String = id.chars().take(48).collect();
    format!("{head:?}… ({} bytes)", id.len())
}

/// A record from a row of a records table. Errors name the row and the field. With
/// `dropped` (`errors="skip"`), a country or date that cannot be read is left out and
/// its error pushed there, as the file reader does: the firearm stays findable.
pub(crate) fn record_from_row(
    row: &Row<'_, '_>,
    context: &str,
    dropped: Option<&mut Vec<String>>,
) -> PyResult<Record> {
    let id = row.text("record_id", context)?.unwrap_or_default();
    if id.is_empty() {
        return Err(invalid(
            format!("{context}.record_id"),
            "the record id is empty",
        ));
    }
    // Past the id, errors name it too: a filtered frame's row 250 may be labelled 500.
    let context = &format!("{context} (id {})", short_id(&id));
    let mut fields = RecordFields {
        make: row.text("make", context)?,
        model: row.text("model", context)?,
        calibre: row.text("calibre", context)?,
        kind: row.text("type", context)?,
        country: row.text("country", context)?,
        status: row.text("status", context)?,
        reported_on: row.text("reported_on", context)?,
    };
    // What is left out, said only once the record is made.
    let mut left_out = Vec::new();
    if dropped.is_some() {
        let bad_country = fields
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .and_then(|c| country_code(c).err());
        if let Some(e) = bad_country {
            left_out.push(format!("{context}.country: {e}"));
            fields.country = None;
        }
        let bad_date = fields
            .reported_on
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .and_then(|d| d.parse::<Date>().err());
        if let Some(e) = bad_date {
            left_out.push(format!("{context}.reported_on: {e}"));
            fields.reported_on = None;
        }
    }
    let record = record_from_parts(id, row.text("serial", context)?.unwrap_or_default(), fields)
        .map_err(|e| to_py_err_at(e, context))?;
    if let Some(dropped) = dropped {
        dropped.extend(left_out);
    }
    Ok(record)
}

/// The optional fields of a record, as text.
#[derive(Default)]
pub(crate) struct RecordFields {
    pub(crate) make: Option<String>,
    pub(crate) model: Option<String>,
    pub(crate) calibre: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) status: Option<String>,
    pub(crate) reported_on: Option<String>,
}

/// A record from text fields, read as the records file reader reads them: kind and
/// status leniently (unknown text is "other"), the country code and date strictly.
pub(crate) fn record_from_parts(
    id: String,
    serial: String,
    f: RecordFields,
) -> Result<Record, Error> {
    let country = match f
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(c) => Some(country_code(c)?),
        None => None,
    };
    let reported_on = match f
        .reported_on
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(d) => Some(d.parse::<Date>()?),
        None => None,
    };
    Ok(Record {
        id,
        serial,
        make: f.make,
        model: f.model,
        calibre: f.calibre,
        kind: f.kind.and_then(|k| k.parse::<Kind>().ok()),
        country,
        status: f.status.and_then(|s| s.parse::<Status>().ok()),
        reported_on,
    })
}

/// Validates a record as ``Index.build`` does: core's [`IndexBuilder::add`] (an empty id,
/// a wildcard in the serial, a field over a limit, a malformed country code are
/// refused). Core has no public check of one record, so a builder of its own is given
/// it and dropped: the rules are the builder's, not repeated here.
pub(crate) fn validate_record(r: &Record) -> Result<(), Error> {
    IndexBuilder::new().add_ref(r)
}

/// A check with its id, from a row of a queries table; `position` is the id when the
/// row has none (the glue gives a pandas row without one its index label).
pub(crate) fn query_from_row(
    row: &Row<'_, '_>,
    position: usize,
    context: &str,
) -> PyResult<(String, Query)> {
    let query_id = row
        .text("query_id", context)?
        .unwrap_or_else(|| position.to_string());
    Ok((
        query_id,
        Query {
            // A missing serial is an unknown one, as an empty cell of a queries file.
            serial: row.text("serial", context)?.unwrap_or_default(),
            make: row.text("make", context)?,
            model: row.text("model", context)?,
            calibre: row.text("calibre", context)?,
            country: row.text("country", context)?,
        },
    ))
}

/// Check options from Python arguments. Range checks are core's (made before any
/// check runs); here only what Rust's types cannot hold is refused.
pub(crate) fn check_options(
    top: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    max_edits: Option<&Bound<'_, PyAny>>,
    serial_only: Option<&Bound<'_, PyAny>>,
) -> PyResult<CheckOptions> {
    let serial_only = match serial_only {
        Some(v) => bool_arg(v, "serial_only")?,
        None => false,
    };
    let mut opts = CheckOptions::default().serial_only(serial_only);
    if let Some(top) = top {
        let n = int_arg(top, "top")?;
        opts.top = usize::try_from(n).map_err(|_| {
            invalid(
                "top",
                format!("{n} is not between 1 and {}", limits::MAX_TOP),
            )
        })?;
    }
    if let Some(t) = threshold.filter(|t| !t.is_none()) {
        // A huge int does not fit a float: out of range like any other value over 1.
        opts.threshold = float_arg(t, "threshold", "float or None")?;
    }
    if let Some(k) = max_edits.filter(|k| !k.is_none()) {
        let k = int_arg(k, "max_edits")?;
        if k < 0 {
            return Err(invalid("max_edits", format!("{k} is negative")));
        }
        if k > i64::from(limits::MAX_EDITS) {
            return Err(to_py_err(Error::LimitExceeded {
                what: "edit budget (max_edits)".to_string(),
                limit: usize::from(limits::MAX_EDITS),
                got: usize::try_from(k).unwrap_or(usize::MAX),
            }));
        }
        opts.max_edits = Some(k as u8);
    }
    Ok(opts)
}

/// A `float` or `int` argument (not a bool; numpy's numbers too) as an f32; `expected`
/// names the accepted types in the TypeError. An int too large for a float is +infinity
/// (out of any range the caller checks).
pub(crate) fn float_arg(v: &Bound<'_, PyAny>, field: &str, expected: &str) -> PyResult<f32> {
    if let Some(i) = as_int(v)? {
        return Ok(i.extract::<f64>().unwrap_or(f64::INFINITY) as f32);
    }
    match as_float(v)? {
        Some(x) => Ok(x as f32),
        None => Err(wrong_type(field, expected, v)),
    }
}

/// An `int` argument (not a bool; numpy's integers too). One beyond 64 bits is refused
/// as out of range (a ValueError naming the field, not an OverflowError).
pub(crate) fn int_arg(v: &Bound<'_, PyAny>, field: &str) -> PyResult<i64> {
    let Some(i) = as_int(v)? else {
        return Err(wrong_type(field, "int", v));
    };
    i.extract::<i64>()
        .map_err(|_| invalid(field, format!("{i} is out of range")))
}

/// Most threads one `check_many` may ask for. Core takes any count and rayon would try
/// to start them all; a count past this is a mistake, not a machine.
const MAX_THREADS: i64 = armsmatch::limits::MAX_THREADS as i64;

/// `threads`: `None` or 0 = all cores (0 as on the command line and in C), else a count
/// up to [`MAX_THREADS`].
pub(crate) fn threads_arg(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(v) = threads.filter(|v| !v.is_none()) else {
        return Ok(0);
    };
    let n = int_arg(v, "threads")?;
    if !(0..=MAX_THREADS).contains(&n) {
        return Err(invalid(
            "threads",
            format!("{n} is not between 0 (all cores) and {MAX_THREADS}"),
        ));
    }
    Ok(n as usize)
}
