//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong when input enters armsmatch.
///
/// Each message names the input that was wrong (the field, the file and line, the
/// limit). Bindings map the variants to their own conventions: C status codes, Python
/// exception classes.
///
/// ```
/// use armsmatch::{Index, Query, CheckOptions, Error};
/// let index = Index::builder().build()?;
/// let err = index.check(&Query::new("A".repeat(1000)), &CheckOptions::default()).unwrap_err();
/// assert!(matches!(err, Error::LimitExceeded { .. }));
/// assert!(err.to_string().contains("serial"));
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A field held a value that cannot be used.
    #[error("invalid {field}: {message}")]
    InvalidInput {
        /// The field (or argument) that was wrong.
        field: String,
        /// What was wrong with it.
        message: String,
    },
    /// An input was over one of the documented limits (see [`crate::limits`]).
    #[error("{what} is {got}, over the limit of {limit}")]
    LimitExceeded {
        /// What was over the limit.
        what: String,
        /// The limit.
        limit: usize,
        /// The value given.
        got: usize,
    },
    /// A record id was added twice.
    #[error("duplicate record id {0:?}: ids must be unique within an index")]
    DuplicateId(String),
    /// A record id was not in the index.
    #[error("no record with id {0:?} in the index")]
    NotFound(String),
    /// A row of a records or queries file could not be read.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// 1-based line.
        line: u64,
        /// The column name (or number) at fault.
        column: String,
        /// What was wrong.
        message: String,
    },
    /// A reference data file could not be read.
    #[error("reference data: {0}")]
    Reference(String),
    /// An index file is truncated, corrupted, of another version, or not an index.
    #[error("{path}: {message}")]
    CorruptIndex {
        /// The file.
        path: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn limit(what: impl Into<String>, limit: usize, got: usize) -> Error {
        Error::LimitExceeded {
            what: what.into(),
            limit,
            got,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Opens a file for reading; a directory is an I/O error that says so (opening one
    /// succeeds on Unix, and reading or mapping it fails with a puzzling message).
    /// Opens an index file: refused before opening when it is a device, FIFO or socket
    /// (opening a FIFO would wait for a writer; none can be mapped).
    pub(crate) fn open_index_file(path: &std::path::Path) -> Result<std::fs::File> {
        if let Ok(m) = std::fs::metadata(path) {
            if !m.is_file() && !m.is_dir() {
                return Err(Error::io(
                    path,
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "not a regular file (a device, FIFO or socket): an index is a file",
                    ),
                ));
            }
        }
        Error::open_file(path)
    }

    pub(crate) fn open_file(path: &std::path::Path) -> Result<std::fs::File> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Error::io(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "is a directory, not a file",
                ),
            ));
        }
        Ok(file)
    }

    pub(crate) fn corrupt(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::CorruptIndex {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
