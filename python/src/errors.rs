//! The exception classes of `armsmatch`, defined once here, and the one function that
//! maps an [`armsmatch::Error`] to them.
//!
//! The classes need two bases each (`armsmatch.Error` and a built-in such as
//! `ValueError`, so `except ValueError` keeps working), which `create_exception!` cannot
//! express; they are made with `type(name, bases, namespace)` at import.

use armsmatch::Error;
use pyo3::exceptions::{PyException, PyKeyError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::IntoPyObjectExt;

/// The classes, created once per process.
pub(crate) struct Exceptions {
    error: Py<PyType>,
    invalid_input: Py<PyType>,
    limit_exceeded: Py<PyType>,
    duplicate_id: Py<PyType>,
    not_found: Py<PyType>,
    parse: Py<PyType>,
    corrupt_index: Py<PyType>,
    io: Py<PyType>,
    /// Subclasses of `io` that are also the built-in `OSError` subclass of their errno
    /// (`except FileNotFoundError` catches a missing index file): (errno, class).
    io_by_errno: Vec<(i32, Py<PyType>)>,
}

static EXCEPTIONS: GILOnceCell<Exceptions> = GILOnceCell::new();

fn new_class<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[Bound<'py, PyType>],
    doc: &str,
    plain_str: bool,
) -> PyResult<Py<PyType>> {
    let namespace = PyDict::new(py);
    namespace.set_item("__doc__", doc)?;
    // Public under the package (pickle finds them there; tracebacks show that name).
    namespace.set_item("__module__", "armsmatch")?;
    if plain_str {
        // KeyError's own __str__ quotes its argument, meant for a bare key; our message
        // is a sentence.
        namespace.set_item("__str__", py.get_type::<PyException>().getattr("__str__")?)?;
    }
    let class = py
        .get_type::<PyType>()
        .call1((name, PyTuple::new(py, bases)?, namespace))?;
    Ok(class.downcast_into::<PyType>()?.unbind())
}

impl Exceptions {
    fn create(py: Python<'_>) -> PyResult<Exceptions> {
        let value_error = py.get_type::<PyValueError>();
        let error = new_class(
            py,
            "Error",
            &[py.get_type::<PyException>()],
            "Base class of every error armsmatch raises.\n\nMessages name the input that was \
             wrong (the field, the file and line, the limit).",
            false,
        )?;
        let base = error.bind(py).clone();
        let invalid_input = new_class(
            py,
            "InvalidInputError",
            &[base.clone(), value_error.clone()],
            "A value that cannot be used: an empty record id, a malformed country code or \
             date, a missing required column, text that is not valid Unicode (a lone \
             surrogate), an out-of-range option.\n\nAttribute `field` names the input: the \
             argument (`\"country\"`), or, for a row of a table, the column qualified by \
             its row (`'records[3] (id \"R3\").country'`, `'queries[7] (query_id \"Q7\").serial'`); \
             the message names the row too.",
            false,
        )?;
        let limit_exceeded = new_class(
            py,
            "LimitExceededError",
            &[invalid_input.bind(py).clone()],
            "An input over one of the documented limits (`armsmatch.LIMITS`): serial \
             length, edit budget, wildcards, `top`, candidates of one check.\n\nAttributes \
             `what` (the limit, as `\"serial length in bytes\"`), `limit` and `got`, and \
             `field` as for `InvalidInputError`: the input over the limit, qualified by its \
             row in a table (`'records[3] (id \"R3\").serial'`; `\"serial\"` for one check).",
            false,
        )?;
        let duplicate_id = new_class(
            py,
            "DuplicateIdError",
            &[base.clone(), value_error.clone()],
            "A record id given twice (ids are unique within an index).\n\nAttribute `id`.",
            false,
        )?;
        let not_found = new_class(
            py,
            "NotFoundError",
            &[base.clone(), py.get_type::<PyKeyError>()],
            "No record with that id in the index (a KeyError, like a missing dict key).\n\n\
             Attribute `id`.",
            true,
        )?;
        let parse = new_class(
            py,
            "ParseError",
            &[base.clone(), value_error.clone()],
            "A row of a records or queries file (CSV or JSON Lines), or a reference data \
             file, could not be read.\n\nAttributes `path`, `line` and `column` (None for \
             reference data).",
            false,
        )?;
        let corrupt_index = new_class(
            py,
            "CorruptIndexError",
            &[base.clone(), value_error],
            "An index file (or bytes) that is truncated, damaged, of another format \
             version, or not an index at all. The data is wrong, not the file system, so \
             this is a ValueError; rebuild the index or restore the file.\n\nAttribute \
             `path`.",
            false,
        )?;
        let io = new_class(
            py,
            "ArmsmatchIOError",
            &[base, py.get_type::<PyOSError>()],
            "Reading or writing a file failed (an OSError with `errno`, `strerror` and \
             `filename`).",
            false,
        )?;
        let errno = py.import("errno")?;
        let builtins = py.import("builtins")?;
        let mut io_by_errno = Vec::new();
        for (name, builtin, codes) in [
            (
                "ArmsmatchFileNotFoundError",
                "FileNotFoundError",
                &["ENOENT"][..],
            ),
            (
                "ArmsmatchPermissionError",
                "PermissionError",
                &["EACCES", "EPERM"][..],
            ),
            (
                "ArmsmatchIsADirectoryError",
                "IsADirectoryError",
                &["EISDIR"][..],
            ),
        ] {
            let class = new_class(
                py,
                name,
                &[
                    io.bind(py).clone(),
                    builtins.getattr(builtin)?.downcast_into::<PyType>()?,
                ],
                &format!("An `ArmsmatchIOError` that is a `{builtin}` too."),
                false,
            )?;
            for code in codes {
                if let Ok(n) = errno.getattr(*code).and_then(|v| v.extract::<i32>()) {
                    io_by_errno.push((n, class.clone_ref(py)));
                }
            }
        }
        Ok(Exceptions {
            error,
            invalid_input,
            limit_exceeded,
            duplicate_id,
            not_found,
            parse,
            corrupt_index,
            io,
            io_by_errno,
        })
    }

    pub(crate) fn get(py: Python<'_>) -> PyResult<&Exceptions> {
        EXCEPTIONS.get_or_try_init(py, || Exceptions::create(py))
    }

    /// Adds the classes to the module.
    pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
        let e = Exceptions::get(m.py())?;
        for class in [
            &e.error,
            &e.invalid_input,
            &e.limit_exceeded,
            &e.duplicate_id,
            &e.not_found,
            &e.parse,
            &e.corrupt_index,
            &e.io,
        ]
        .into_iter()
        .chain(e.io_by_errno.iter().map(|(_, c)| c))
        {
            let class = class.bind(m.py());
            if !m.hasattr(class.name()?)? {
                m.add(class.name()?, class)?;
            }
        }
        Ok(())
    }
}

/// An exception instance of `class` with `message`, and attributes set on it.
fn raise(
    py: Python<'_>,
    class: &Py<PyType>,
    message: String,
    attrs: &[(&str, PyObject)],
) -> PyResult<PyErr> {
    let value = class.bind(py).call1((message,))?;
    for (name, v) in attrs {
        value.setattr(*name, v)?;
    }
    Ok(PyErr::from_value(value))
}

/// Maps an [`armsmatch::Error`] to its Python exception. The one place where core
/// errors become Python errors.
pub(crate) fn to_py_err(err: Error) -> PyErr {
    to_py_err_at(err, "")
}

/// [`to_py_err`] of an error that happened at `context`: a row of a table
/// (`records[3]`, `queries[7] (query_id "Q7")`), or nowhere in particular (`""`).
///
/// One convention for both classes that carry a field: the message names the row, and
/// `field` is the input that was wrong, qualified by its row (`records[3] (id "R3").country`,
/// `queries[7] (query_id "Q7").serial`; a bare `serial` for a single check). A
/// `LimitExceededError`'s `what` is the limit's description as core gives it (`serial
/// length in bytes`), without the row.
pub(crate) fn to_py_err_at(err: Error, context: &str) -> PyErr {
    Python::with_gil(|py| map(py, err, context).unwrap_or_else(|e| e))
}

fn map(py: Python<'_>, err: Error, context: &str) -> PyResult<PyErr> {
    let e = Exceptions::get(py)?;
    // The message of the errors below without a field: core's (no row to add).
    let message = err.to_string();
    let at = |field: &str| {
        if context.is_empty() {
            field.to_string()
        } else {
            format!("{context}.{field}")
        }
    };
    match err {
        Error::InvalidInput { field, message } => {
            let field = at(&field);
            let message = Error::InvalidInput {
                field: field.clone(),
                message,
            }
            .to_string();
            raise(
                py,
                &e.invalid_input,
                message,
                &[("field", field.into_py_any(py)?)],
            )
        }
        Error::LimitExceeded { what, limit, got } => {
            let field = at(&limit_field(&what));
            let message = in_context(
                Error::LimitExceeded {
                    what: what.clone(),
                    limit,
                    got,
                },
                context,
            )
            .to_string();
            raise(
                py,
                &e.limit_exceeded,
                message,
                &[
                    ("field", field.into_py_any(py)?),
                    ("what", what.into_py_any(py)?),
                    ("limit", limit.into_py_any(py)?),
                    ("got", got.into_py_any(py)?),
                ],
            )
        }
        Error::DuplicateId(id) => {
            raise(py, &e.duplicate_id, message, &[("id", id.into_py_any(py)?)])
        }
        Error::NotFound(id) => raise(py, &e.not_found, message, &[("id", id.into_py_any(py)?)]),
        Error::Parse {
            path, line, column, ..
        } => raise(
            py,
            &e.parse,
            message,
            &[
                ("path", path.into_py_any(py)?),
                ("line", line.into_py_any(py)?),
                // Core writes "-" when no column is at fault (a row's field count).
                ("column", (column != "-").then_some(column).into_py_any(py)?),
            ],
        ),
        Error::Reference(_) => raise(
            py,
            &e.parse,
            message,
            &[
                ("path", py.None()),
                ("line", py.None()),
                ("column", py.None()),
            ],
        ),
        Error::CorruptIndex { path, .. } => raise(
            py,
            &e.corrupt_index,
            message,
            &[("path", path.into_py_any(py)?)],
        ),
        Error::Io { path, source } => {
            // As `os.fsdecode` gives it: a name that is not UTF-8 is the caller's own.
            let filename = path.as_os_str().into_pyobject(py)?;
            // OSError(errno, strerror, filename) sets the three attributes and formats
            // "[Errno 2] No such file or directory: 'path'".
            let (errno, strerror) = match source.raw_os_error() {
                Some(errno) => {
                    let text = std::io::Error::from_raw_os_error(errno).to_string();
                    let strerror = text.split(" (os error").next().unwrap_or(&text).to_string();
                    (errno, strerror)
                }
                None => {
                    // An error made by armsmatch rather than the OS (a directory given
                    // as a file) gets the errno of its kind, as the OS would give.
                    let code = match source.kind() {
                        std::io::ErrorKind::IsADirectory => Some("EISDIR"),
                        std::io::ErrorKind::NotFound => Some("ENOENT"),
                        std::io::ErrorKind::PermissionDenied => Some("EACCES"),
                        std::io::ErrorKind::ReadOnlyFilesystem => Some("EROFS"),
                        std::io::ErrorKind::StorageFull => Some("ENOSPC"),
                        std::io::ErrorKind::InvalidInput => Some("EINVAL"),
                        _ => None,
                    };
                    let errno = code
                        .and_then(|c| py.import("errno").ok()?.getattr(c).ok()?.extract().ok())
                        .unwrap_or(0);
                    (
                        errno,
                        source
                            .get_ref()
                            .map_or_else(|| source.to_string(), |inner| inner.to_string()),
                    )
                }
            };
            let class = e
                .io_by_errno
                .iter()
                .find(|(n, _)| *n == errno)
                .map_or(&e.io, |(_, c)| c);
            Ok(PyErr::from_value(
                class.bind(py).call1((errno, strerror, filename))?,
            ))
        }
        other => raise(py, &e.error, other.to_string(), &[]),
    }
}

/// The input a limit is about, from core's description of it: its first word ("serial
/// length in bytes" → "serial"), the argument for the edit budget, the serial for its
/// wildcards.
fn limit_field(what: &str) -> String {
    match what.split(' ').next().unwrap_or(what) {
        "edit" => "max_edits",
        "wildcards" => "serial",
        first => first,
    }
    .to_string()
}

/// Adds where an error happened (`records[3]`, `queries[7] (query_id "Q7")`) to a core
/// error, keeping its kind: a field becomes `records[3].country`, a limit's description
/// is prefixed. An empty context adds nothing.
pub(crate) fn in_context(err: Error, context: &str) -> Error {
    if context.is_empty() {
        return err;
    }
    match err {
        Error::InvalidInput { field, message } => Error::InvalidInput {
            field: format!("{context}.{field}"),
            message,
        },
        Error::LimitExceeded { what, limit, got } => Error::LimitExceeded {
            what: format!("{context}: {what}"),
            limit,
            got,
        },
        other => other,
    }
}

/// `TypeError` for a value of the wrong Python type, naming the field.
pub(crate) fn wrong_type(field: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let name = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_string());
    PyTypeError::new_err(format!("{field}: expected {expected}, got {name}"))
}

/// An [`Error::InvalidInput`] as a Python exception.
pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> PyErr {
    to_py_err(Error::InvalidInput {
        field: field.into(),
        message: message.into(),
    })
}
