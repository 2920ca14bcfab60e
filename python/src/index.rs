//! `Index`: the register, built from records, saved and opened, checked.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use armsmatch::io::{Encoding, HitRow, ReadOptions};
use armsmatch::{CheckOptions, Error, IndexBuilder, Query};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMemoryView, PyType};
use pyo3::IntoPyObjectExt;

use crate::convert::{
    check_options, id_arg, is_path, opt_text_arg, path_arg, query_from_row, record_from_row,
    threads_arg, KeysSeen, Table, QUERY_COLUMNS, RECORD_COLUMNS, SIGNAL_ROWS,
};
use crate::errors::{in_context, invalid, to_py_err, to_py_err_at, wrong_type};
use crate::hit::{Hit, Record};
use crate::reference::Reference;

/// A searchable register of firearms reported lost, stolen, trafficked or smuggled.
///
/// Build one with ``Index.build(records)`` or open a saved one with
/// ``Index.open(path)``; check firearms with ``check`` (one) or ``check_many`` (a
/// batch, on all cores, without holding the GIL). Records can be inserted, updated and
/// removed at any time; the change is visible to the next check, and ``compact()``
/// folds changes into the search structure.
///
/// An index can be shared between Python threads. It pickles by path when it was
/// opened from (or saved to) a file and has not changed since, so worker processes
/// memory-map the same file; otherwise by its bytes. ``copy.copy`` and
/// ``copy.deepcopy`` always copy it by its bytes, never through its file: the copy is
/// an independent index with the same records and changes (a change to one is not seen
/// by the other), still valid when the file is replaced.
#[pyclass(frozen, module = "armsmatch._armsmatch")]
pub(crate) struct Index {
    /// None once closed (``close()`` or the end of a ``with`` block). A call holds its
    /// own reference while it runs, so closing never pulls the index from under a
    /// check running in another thread: the memory map is released when the last
    /// call ends.
    inner: RwLock<Option<Arc<armsmatch::Index>>>,
    /// The file this index is identical to, if any, and that file's checksum
    /// (`armsmatch::Index::file_checksum`) then (set by `open` and `save`, cleared by any
    /// change). Also held while changing the index, so a pickle by path never races a
    /// change.
    path: Mutex<Option<(PathBuf, u32)>>,
}

/// The glue module that knows DataFrames (pure Python).
fn frames(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("armsmatch._frames")
}

/// A table from the glue: its kind (pandas, polars, arrow, rows), its columns, and
/// what `hits_table` needs to type the hits like the queries (the query id's type).
struct GlueTable<'py> {
    kind: String,
    table: Table<'py>,
    restore: Bound<'py, PyAny>,
}

/// What kind of table `obj` is, and its columns (`which`: `records` or `checks`).
/// `id_name`: the query id column (queries only), so a pandas frame without one gets
/// its index labels as ids.
fn table_of<'py>(
    obj: &Bound<'py, PyAny>,
    which: &str,
    what: &str,
    id_name: Option<&str>,
) -> PyResult<GlueTable<'py>> {
    let (kind, data, found, restore): (String, Bound<'py, PyAny>, Vec<String>, Bound<'py, PyAny>) =
        frames(obj.py())?
            .call_method1("table", (obj, which, what, id_name))?
            .extract()?;
    let table = Table::new(&kind, data, found)?;
    Ok(GlueTable {
        kind,
        table,
        restore,
    })
}

/// Queries checked between two looks for signals (Ctrl-C), times the threads: each
/// chunk runs in parallel without the GIL, then `KeyboardInterrupt` can be raised.
const CHUNK_PER_THREAD: usize = 512;
/// At least this many queries per chunk (a pool of threads is started per chunk).
const MIN_CHUNK: usize = 2048;

/// The chunk size of a batch on `threads` threads (0 = all cores).
fn chunk_size(threads: usize) -> usize {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    (threads * CHUNK_PER_THREAD).max(MIN_CHUNK)
}

impl Index {
    fn wrap(inner: armsmatch::Index, path: Option<(PathBuf, u32)>) -> Index {
        Index {
            inner: RwLock::new(Some(Arc::new(inner))),
            path: Mutex::new(path),
        }
    }

    /// The file this index is identical to, as text.
    fn path_text(&self) -> Option<String> {
        self.verified_path_lock()
            .as_ref()
            .map(|(p, _)| p.display().to_string())
    }

    /// The path as Python's `os.fsdecode` gives it (a name that is not UTF-8 on disk
    /// round-trips through `surrogateescape`), or None.
    fn path_py<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.verified_path_lock().as_ref() {
            Some((p, _)) => Ok(Some(p.as_os_str().into_pyobject(py)?.into_any())),
            None => Ok(None),
        }
    }

    /// The path lock, with the path forgotten first if the file there is no longer the
    /// one this index is identical to (replaced by rename, as the README advises, or
    /// removed): reading its header's checksum tells.
    fn verified_path_lock(&self) -> MutexGuard<'_, Option<(PathBuf, u32)>> {
        let mut guard = self.path_lock();
        if let Some((path, checksum)) = guard.as_ref() {
            if armsmatch::Index::file_checksum(path).ok() != Some(*checksum) {
                *guard = None;
            }
        }
        guard
    }

    /// The index, or `ValueError` once it is closed.
    fn live(&self) -> PyResult<Arc<armsmatch::Index>> {
        // The guarded value is a plain handle: a panic elsewhere cannot leave it invalid.
        self.inner
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err(
                    "the index is closed (Index.close(), or the end of its `with` block)",
                )
            })
    }

    /// The index as file bytes (`to_bytes`), built without the GIL.
    fn bytes(&self, py: Python<'_>) -> PyResult<Vec<u8>> {
        let inner = self.live()?;
        let inner = &*inner;
        py.allow_threads(|| inner.to_bytes()).map_err(to_py_err)
    }

    /// An index read from file bytes (`from_bytes`) without the GIL: identical to no file.
    fn of_bytes(py: Python<'_>, bytes: Vec<u8>) -> PyResult<Index> {
        let inner = py
            .allow_threads(move || armsmatch::Index::from_bytes(bytes))
            .map_err(to_py_err)?;
        Ok(Index::wrap(inner, None))
    }

    fn path_lock(&self) -> MutexGuard<'_, Option<(PathBuf, u32)>> {
        // The guarded value is a plain path: a panic elsewhere cannot leave it invalid.
        self.path.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a change with the path lock held, and forgets the path if it succeeded.
    fn change<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&armsmatch::Index) -> Result<T, Error> + Send,
    ) -> PyResult<T>
    where
        T: Send,
    {
        let inner = self.live()?;
        let inner = &*inner;
        let path = &self.path;
        py.allow_threads(|| {
            let mut guard = path.lock().unwrap_or_else(|p| p.into_inner());
            let out = f(inner)?;
            *guard = None;
            Ok(out)
        })
        .map_err(to_py_err)
    }

    /// The checks of a batch, as hits-file columns. The checks run without the GIL, in
    /// chunks; between chunks Python handles signals, so Ctrl-C interrupts a long batch
    /// (within one chunk's time). Each check is independent of the others: the results
    /// are those of one `check_many` over the whole batch.
    fn check_batch(
        &self,
        py: Python<'_>,
        queries: &[(String, Query)],
        positions: &[usize],
        opts: &CheckOptions,
        threads: usize,
        skip_failed: bool,
    ) -> PyResult<(HitColumns, Vec<String>)> {
        let inner = self.live()?;
        let inner = &*inner;
        // The options are the same for every check: validate them once, so an invalid
        // option is reported as such rather than as the first query's error.
        py.allow_threads(|| inner.check(&Query::default(), opts))
            .map_err(to_py_err)?;
        let mut out = HitColumns::default();
        let mut failed = Vec::new();
        let chunk = chunk_size(threads);
        for (c, part) in queries.chunks(chunk).enumerate() {
            let start = c * chunk;
            let (columns, failures) = py
                // A failed check's error comes with its row (the context of its field).
                .allow_threads(|| -> Result<(HitColumns, Vec<String>), (Error, String)> {
                    let checks: Vec<Query> = part.iter().map(|(_, q)| q.clone()).collect();
                    let results = inner
                        .check_many_with_threads(&checks, opts, threads)
                        .map_err(|e| (e, String::new()))?;
                    let mut out = HitColumns::default();
                    let mut failed = Vec::new();
                    for (i, ((id, _), result)) in part.iter().zip(results).enumerate() {
                        // The row as the caller numbers it (rows that could not be read
                        // and were skipped come before some).
                        let i = positions.get(start + i).copied().unwrap_or(start + i);
                        let hits = match result {
                            Ok(hits) => hits,
                            Err(e) => {
                                let at = format!(
                                    "queries[{i}] (query_id {})",
                                    crate::convert::short_id(id)
                                );
                                if !skip_failed {
                                    return Err((e, at));
                                }
                                failed.push(in_context(e, &at).to_string());
                                continue;
                            }
                        };
                        for row in HitRow::from_hits(id, &hits) {
                            out.push(row);
                        }
                    }
                    Ok((out, failed))
                })
                .map_err(|(e, at)| to_py_err_at(e, &at))?;
            out.append(columns);
            failed.extend(failures);
            py.check_signals()?;
        }
        Ok((out, failed))
    }
}

/// Hits in columns, in `HitRow::COLUMNS` order.
#[derive(Default)]
struct HitColumns {
    query_id: Vec<String>,
    rank: Vec<u32>,
    record_id: Vec<String>,
    score: Vec<f64>,
    serial_match: Vec<String>,
    serial_distance: Vec<u8>,
    make_match: Vec<String>,
    model_match: Vec<String>,
    calibre_match: Vec<String>,
}

impl HitColumns {
    fn push(&mut self, r: HitRow) {
        self.query_id.push(r.query_id);
        self.rank.push(r.rank);
        self.record_id.push(r.record_id);
        // The row's score is rounded to 4 decimals as an f32; give Python the f64 nearest
        // that decimal (0.9123, not 0.9122999906539917).
        self.score
            .push((f64::from(r.score) * 10_000.0).round() / 10_000.0);
        self.serial_match.push(r.serial_match);
        self.serial_distance.push(r.serial_distance);
        self.make_match.push(r.make_match);
        self.model_match.push(r.model_match);
        self.calibre_match.push(r.calibre_match);
    }

    fn append(&mut self, mut other: HitColumns) {
        self.query_id.append(&mut other.query_id);
        self.rank.append(&mut other.rank);
        self.record_id.append(&mut other.record_id);
        self.score.append(&mut other.score);
        self.serial_match.append(&mut other.serial_match);
        self.serial_distance.append(&mut other.serial_distance);
        self.make_match.append(&mut other.make_match);
        self.model_match.append(&mut other.model_match);
        self.calibre_match.append(&mut other.calibre_match);
    }

    fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let d = PyDict::new(py);
        for name in HitRow::COLUMNS {
            let list = match name {
                "query_id" => PyList::new(py, self.query_id.iter())?,
                "rank" => PyList::new(py, self.rank.iter())?,
                "record_id" => PyList::new(py, self.record_id.iter())?,
                "score" => PyList::new(py, self.score.iter())?,
                "serial_match" => PyList::new(py, self.serial_match.iter())?,
                "serial_distance" => PyList::new(py, self.serial_distance.iter())?,
                "make_match" => PyList::new(py, self.make_match.iter())?,
                "model_match" => PyList::new(py, self.model_match.iter())?,
                "calibre_match" => PyList::new(py, self.calibre_match.iter())?,
                other => return Err(invalid("hits", format!("unknown hits column {other:?}"))),
            };
            d.set_item(name, list)?;
        }
        Ok(d)
    }
}

/// The Python type of each hits column, for typed empty frames.
pub(crate) fn hit_column_types() -> Vec<(&'static str, &'static str)> {
    HitRow::COLUMNS
        .iter()
        .map(|&c| {
            let t = match c {
                "rank" | "serial_distance" => "int",
                "score" => "float",
                _ => "str",
            };
            (c, t)
        })
        .collect()
}

/// The read options of a file argument: its `encoding`, which only a path may name.
fn read_options(source: &Bound<'_, PyAny>, encoding: &str) -> PyResult<ReadOptions> {
    let encoding: Encoding = encoding.parse().map_err(to_py_err)?;
    if encoding != Encoding::Utf8 && !is_path(source)? {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "encoding={:?} is for a file path; a table or dicts are already text",
            encoding.as_str()
        )));
    }
    Ok(ReadOptions {
        encoding,
        ..ReadOptions::default()
    })
}

/// How many reasons a warning about skipped rows gives.
const SKIP_REASONS: usize = 5;

/// What [`warn_skipped`] says of records a build left out.
const RECORDS_SKIPPED: &str = "records could not go in";

/// `errors=`: `"raise"` (false) or `"skip"` (true).
fn skip_errors(errors: &str) -> PyResult<bool> {
    match errors {
        "raise" => Ok(false),
        "skip" => Ok(true),
        other => Err(to_py_err(Error::InvalidInput {
            field: "errors".into(),
            message: format!("{other:?} is neither \"raise\" nor \"skip\""),
        })),
    }
}

/// The one `RuntimeWarning` of a call that left out `skipped` of `rows` items (`what`:
/// `"checks failed"`, `"records could not go in"`), with the first reasons; nothing
/// when none was.
fn warn_skipped(
    py: Python<'_>,
    skipped: u64,
    rows: u64,
    what: &str,
    reasons: &[String],
) -> PyResult<()> {
    if skipped == 0 {
        return Ok(());
    }
    warn(
        py,
        &format!(
            "{skipped} of {rows} {what} and were skipped: {}",
            first_reasons(reasons, skipped)
        ),
    )
}

/// The first [`SKIP_REASONS`] of `reasons`, joined by `; `, and `; ...` when they do not
/// say all `total`.
fn first_reasons(reasons: &[String], total: u64) -> String {
    let shown = &reasons[..reasons.len().min(SKIP_REASONS)];
    let more = if total > shown.len() as u64 {
        "; ..."
    } else {
        ""
    };
    format!("{}{more}", shown.join("; "))
}

/// Counts a record that went in without fields (`left_out`, its reasons), keeping the
/// first few reasons.
fn note_left_out(first: &mut Vec<String>, records: &mut u64, left_out: Vec<String>) {
    if !left_out.is_empty() {
        *records += 1;
        let room = SKIP_REASONS.saturating_sub(first.len());
        first.extend(left_out.into_iter().take(room));
    }
}

/// Warns of the fields left out of records that went in (`errors="skip"`): `count`
/// fields or records, the first `reasons`.
fn warn_dropped(py: Python<'_>, count: u64, reasons: &[String]) -> PyResult<()> {
    if count == 0 {
        return Ok(());
    }
    warn(
        py,
        &format!(
            "{count} records went in without a field that could not be read: {}",
            first_reasons(reasons, reasons.len() as u64)
        ),
    )
}

/// Issues a `RuntimeWarning` (attributed to the caller's line).
fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    let category = py.get_type::<pyo3::exceptions::PyRuntimeWarning>();
    // A C string: a NUL in a message (an id of the caller's) is written `\0`.
    let message = std::ffi::CString::new(message.replace('\0', "\\0"))
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    PyErr::warn(py, &category, &message, 1)
}

/// Where the query ids used by more than one check are: the rows of the first five (in
/// id order, as `repeated_query_ids` names them), the first five rows of each, as
/// `"7" at queries[0], queries[3]` (a row without a query id may be the one that took
/// another row's id: its id is its index label or row number).
fn repeated_id_rows(rows: &[(String, Query)]) -> String {
    let mut at: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (id, _)) in rows.iter().enumerate() {
        at.entry(id).or_default().push(i);
    }
    let shown: Vec<String> = at
        .iter()
        .filter(|(_, rows)| rows.len() > 1)
        .take(5)
        .map(|(id, rows)| {
            let listed: Vec<String> = rows
                .iter()
                .take(5)
                .map(|i| format!("queries[{i}]"))
                .collect();
            let more = if rows.len() > 5 { ", …" } else { "" };
            format!("{id:?} at {}{more}", listed.join(", "))
        })
        .collect();
    shown.join("; ")
}

/// Records converted (holding the GIL) before they are added to the builder without it:
/// 16,384 rows are a few milliseconds of work, so other threads run between chunks.
const BUILD_CHUNK: usize = 1 << 14;

#[pymethods]
impl Index {
    /// Builds an index from records: a pandas or polars DataFrame (or polars LazyFrame),
    /// a pyarrow Table, RecordBatch or RecordBatchReader (read whole), an iterable of
    /// dicts (or ``Record`` objects), or the path of a records file (CSV with a header
    /// row, or JSON Lines for ``.jsonl``/``.ndjson``/``.json``; a path, not an open
    /// file).
    ///
    /// Columns (dict keys): ``record_id`` (or ``id``) and ``serial`` are required;
    /// ``make``, ``model``, ``calibre``, ``type`` (or ``kind``), ``country``, ``status``,
    /// ``reported_on`` are optional; others are ignored. Names are read as the file
    /// readers read headers: any case, spaces or punctuation, and the names exports use
    /// (``Record ID``, ``Serial Number``, ``Manufacturer``, ``Caliber``, ``Firearm
    /// Type``); two names of one column are a ValueError. A missing value (None, NaN,
    /// ``pd.NaT``, ``pd.NA``, empty text) is unknown; an unknown serial never produces a
    /// serial hit. Integers (numpy's too) and whole-number floats (a numeric column with
    /// blanks, as ``pd.read_csv`` reads it) are read as integer text; a fraction is a
    /// TypeError, and so is a number from 2^24 on in a float32 column (2^11 in float16),
    /// which may already be a neighbouring number (read identifier columns as text:
    /// ``dtype=str`` keeps leading zeros).
    ///
    /// ``encoding`` is a file's character encoding: ``"utf-8"`` (default),
    /// ``"cp1252"`` (``"windows-1252"``), ``"cp1251"`` (``"windows-1251"``, Cyrillic) or
    /// ``"latin-1"``; a file that is not UTF-8 is refused unless it is named. Only for a
    /// path: tables and dicts are already text.
    ///
    /// Raises ``InvalidInputError`` naming the row (its position and record id) and
    /// field, ``DuplicateIdError`` when two records share an id, ``ParseError`` for a
    /// malformed file row. With ``errors="skip"``, a record that cannot go in (a bad
    /// value, a wrong type, a malformed file row, a serial over a limit) is left out
    /// instead, as the command line's ``build --skip-bad-rows`` does, and one
    /// ``RuntimeWarning`` says how many were and why (the first five); two records
    /// sharing an id still raise (which one is the register's is not for armsmatch to
    /// guess).
    #[classmethod]
    #[pyo3(signature = (records, *, reference=None, encoding="utf-8", errors="raise"))]
    #[allow(clippy::too_many_lines)]
    fn build(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        reference: Option<PyRef<'_, Reference>>,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Index> {
        let skip_bad = skip_errors(errors)?;
        let mut read = read_options(records, encoding)?;
        read.skip_bad_rows = skip_bad;
        let mut builder = match &reference {
            Some(r) => IndexBuilder::with_reference(Arc::new(r.inner.clone())),
            None => IndexBuilder::new(),
        };
        drop(reference);
        if is_path(records)? {
            let path = path_arg(records, "records")?;
            // Read and built without the GIL; every SIGNAL_ROWS rows it is taken back for
            // a moment to see whether Ctrl-C was pressed.
            let mut interrupted: Option<PyErr> = None;
            let built = py.allow_threads(|| {
                let mut n = 0usize;
                let report = armsmatch::io::for_each_record(&path, read, |r| {
                    n += 1;
                    if n % SIGNAL_ROWS == 0 {
                        if let Err(e) = Python::with_gil(|py| py.check_signals()) {
                            interrupted = Some(e);
                            return Err(Error::InvalidInput {
                                field: "records".into(),
                                message: "interrupted".into(),
                            });
                        }
                    }
                    builder.add(r)
                })?;
                builder.build().map(|index| (index, report))
            });
            if let Some(e) = interrupted {
                return Err(e);
            }
            let (index, report) = built.map_err(to_py_err)?;
            warn_skipped(
                py,
                report.skipped,
                report.rows,
                RECORDS_SKIPPED,
                &report.errors,
            )?;
            warn_dropped(py, report.fields_dropped, &report.dropped)?;
            return Ok(Index::wrap(index, None));
        }
        let GlueTable { table, .. } = table_of(records, "records", "records", None)?;
        // Rows are converted with the GIL (they are Python objects) and added to the
        // builder (normalized, keyed, their names resolved) without it, a chunk at a time.
        let mut pending: Vec<(usize, armsmatch::Record)> = Vec::new();
        // With errors="skip": how many rows were left out, and why (the first few).
        let (mut rows, mut skipped, mut reasons) = (0u64, 0u64, Vec::<String>::new());
        // With errors="skip": the fields left out of records that went in.
        let (mut dropped, mut dropped_records) = (Vec::<String>::new(), 0u64);
        let mut flush = |py: Python<'_>,
                         pending: &mut Vec<(usize, armsmatch::Record)>,
                         skipped: &mut u64,
                         reasons: &mut Vec<String>| {
            let chunk = std::mem::take(pending);
            py.allow_threads(|| {
                chunk.into_iter().try_for_each(|(i, record)| {
                    // The id names the row whatever the frame's labels (a filtered
                    // frame's row 250 may be labelled 500).
                    let id = record.id.clone();
                    match builder.add(record) {
                        Ok(()) => Ok(()),
                        Err(e) if skip_bad => {
                            *skipped += 1;
                            if reasons.len() < SKIP_REASONS {
                                reasons.push(format!(
                                    "records[{i}] (id {}): {e}",
                                    crate::convert::short_id(&id)
                                ));
                            }
                            Ok(())
                        }
                        Err(e) => Err((
                            e,
                            format!("records[{i}] (id {})", crate::convert::short_id(&id)),
                        )),
                    }
                })
            })
            .map_err(|(e, at)| to_py_err_at(e, &at))
        };
        let mut add = |py: Python<'_>, row: PyResult<armsmatch::Record>, i: usize| {
            rows += 1;
            match row {
                Ok(record) => pending.push((i, record)),
                Err(e) if skip_bad => {
                    skipped += 1;
                    if reasons.len() < SKIP_REASONS {
                        reasons.push(e.value(py).to_string());
                    }
                }
                Err(e) => return Err(e),
            }
            if pending.len() >= BUILD_CHUNK {
                flush(py, &mut pending, &mut skipped, &mut reasons)?;
            }
            Ok::<(), PyErr>(())
        };
        match &table {
            // Rows may be dicts or `Record` objects.
            Table::Rows(rows) => {
                let iter = rows.try_iter().map_err(|_| {
                    wrong_type(
                        "records",
                        "a DataFrame, an Arrow table, an iterable of dicts or a path",
                        rows,
                    )
                })?;
                let mut seen = KeysSeen::default();
                for (i, row) in iter.enumerate() {
                    if i % SIGNAL_ROWS == SIGNAL_ROWS - 1 {
                        py.check_signals()?;
                    }
                    let mut left_out = Vec::new();
                    let record = Record::from_py_seen(
                        &row?,
                        &format!("records[{i}]"),
                        &mut seen,
                        skip_bad.then_some(&mut left_out),
                    );
                    note_left_out(&mut dropped, &mut dropped_records, left_out);
                    add(py, record, i)?;
                }
            }
            Table::Columns { .. } => {
                table.for_each_row(
                    py,
                    "records",
                    RECORD_COLUMNS,
                    &["record_id", "serial"],
                    |i, row| {
                        let mut left_out = Vec::new();
                        let record = record_from_row(
                            row,
                            &format!("records[{i}]"),
                            skip_bad.then_some(&mut left_out),
                        );
                        note_left_out(&mut dropped, &mut dropped_records, left_out);
                        add(py, record, i)
                    },
                )?;
            }
        }
        flush(py, &mut pending, &mut skipped, &mut reasons)?;
        let inner = py
            .allow_threads(move || builder.build())
            .map_err(to_py_err)?;
        warn_skipped(py, skipped, rows, RECORDS_SKIPPED, &reasons)?;
        warn_dropped(py, dropped_records, &dropped)?;
        Ok(Index::wrap(inner, None))
    }

    /// Opens a saved index, memory-mapping the file. The whole file is verified first;
    /// a truncated, damaged or foreign file raises ``CorruptIndexError``. The file must
    /// not be modified while open (``save`` replaces a file atomically, by rename).
    #[classmethod]
    fn open(_cls: &Bound<'_, PyType>, py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<Index> {
        let path = path_arg(path, "path")?;
        let path = std::path::absolute(&path).unwrap_or(path);
        let (inner, checksum) = py
            .allow_threads(|| {
                let inner = armsmatch::Index::open(&path)?;
                Ok((inner, armsmatch::Index::file_checksum(&path)?))
            })
            .map_err(to_py_err)?;
        Ok(Index::wrap(inner, Some((path, checksum))))
    }

    /// Unpickles an index pickled by path: opens the file if it is still the one the
    /// index was identical to (same checksum), else raises ``CorruptIndexError`` — a
    /// register rebuilt and saved over the path since is another index, and checking
    /// against it in its place would be silently wrong.
    #[staticmethod]
    fn _open_pickled(py: Python<'_>, path: &Bound<'_, PyAny>, checksum: u32) -> PyResult<Index> {
        let path = path_arg(path, "path")?;
        let found = py
            .allow_threads(|| armsmatch::Index::file_checksum(&path))
            .map_err(to_py_err)?;
        if found != checksum {
            return Err(to_py_err(Error::CorruptIndex {
                path: path.display().to_string(),
                message: format!(
                    "this is not the index that was pickled: the file was replaced since \
                     (checksum {found:08x}, pickled {checksum:08x}); pickle the index again, \
                     or by its bytes (Index.from_bytes(index.to_bytes()))"
                ),
            }));
        }
        let inner = py
            .allow_threads(|| armsmatch::Index::open(&path))
            .map_err(to_py_err)?;
        Ok(Index::wrap(inner, Some((path, checksum))))
    }

    /// Reads an index from bytes (``to_bytes()`` or a saved file's content).
    #[classmethod]
    fn from_bytes(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<Index> {
        let bytes: Vec<u8> = if let Ok(b) = data.downcast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else if data.is_instance_of::<PyByteArray>() || data.is_instance_of::<PyMemoryView>() {
            py.get_type::<PyBytes>()
                .call1((data,))?
                .downcast_into::<PyBytes>()?
                .as_bytes()
                .to_vec()
        } else {
            return Err(wrong_type("data", "bytes", data));
        };
        Index::of_bytes(py, bytes)
    }

    /// The index as file bytes, including changes since the last compaction.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.bytes(py)?))
    }

    /// ``copy.copy(index)``: an independent index with the same records and changes,
    /// made from the index's bytes as ``Index.from_bytes(index.to_bytes())`` (never from
    /// its file, which may have been replaced since). A change to one is not seen by
    /// the other; the copy is identical to no file (``path`` is None).
    fn __copy__(&self, py: Python<'_>) -> PyResult<Index> {
        Index::of_bytes(py, self.bytes(py)?)
    }

    /// ``copy.deepcopy(index)``: the same as ``copy.copy`` (an index holds no Python
    /// objects, so a copy is already deep).
    #[pyo3(signature = (memo, /))]
    fn __deepcopy__(&self, py: Python<'_>, memo: &Bound<'_, PyAny>) -> PyResult<Index> {
        let _ = memo;
        self.__copy__(py)
    }

    /// Saves the index (with its changes) to one file, atomically: written beside it,
    /// then renamed over ``path``. Up to 4096 records inserted and removed since the
    /// last compaction are written as the file's journal beside the base copied as it
    /// is (no rebuild; reopened, they are the live changes again); more are folded into
    /// a rebuilt base, as ``compact()`` does. A symbolic link is followed (the file it
    /// names is replaced, the link stays); a directory, device, FIFO or socket at
    /// ``path`` is refused with ``ArmsmatchIOError``.
    fn save(&self, py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<()> {
        let path = path_arg(path, "path")?;
        let path = std::path::absolute(&path).unwrap_or(path);
        let inner = self.live()?;
        let inner = &*inner;
        let slot = &self.path;
        py.allow_threads(|| {
            let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
            inner.save(&path)?;
            *guard = Some((path.clone(), armsmatch::Index::file_checksum(&path)?));
            Ok(())
        })
        .map_err(to_py_err)
    }

    /// Adds a record (a ``Record`` or a dict). Raises ``DuplicateIdError`` if the id is
    /// present.
    fn insert(&self, py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<()> {
        let record = Record::from_py(record, "record")?;
        self.change(py, move |ix| ix.insert(record))
    }

    /// Replaces the record with the same id, whole: a field the new record leaves out is
    /// unknown afterwards, not kept from the old one (``get`` the record and change it to
    /// keep the rest). Raises ``NotFoundError`` if absent.
    fn update(&self, py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<()> {
        let record = Record::from_py(record, "record")?;
        self.change(py, move |ix| ix.update(record))
    }

    /// Removes the record with this id. Raises ``NotFoundError`` (a ``KeyError``) if
    /// absent. An id is text, or an int (numpy's too) read as ``Index.build`` reads an
    /// integer id column: ``remove(7)`` removes the record ``"7"``.
    fn remove(&self, py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<()> {
        let id = id_arg(id, "id")?;
        self.change(py, move |ix| ix.remove(&id))
    }

    /// Folds the records inserted and removed since the last compaction into the
    /// search structure. Checks from other threads keep running meanwhile.
    fn compact(&self, py: Python<'_>) -> PyResult<()> {
        let inner = self.live()?;
        let inner = &*inner;
        py.allow_threads(|| inner.compact()).map_err(to_py_err)
    }

    /// The record with this id (text, or an int as for ``remove``), or None.
    fn get(&self, id: &Bound<'_, PyAny>) -> PyResult<Option<Record>> {
        let id = id_arg(id, "id")?;
        Ok(self.live()?.get(&id).map(|inner| Record { inner }))
    }

    /// ``id in index``: an id is text, or an int as for ``remove``; anything else is
    /// not an id of the index (False, not an error). A closed index raises ValueError.
    fn __contains__(&self, id: &Bound<'_, PyAny>) -> PyResult<bool> {
        let index = self.live()?;
        Ok(id_arg(id, "id").is_ok_and(|id| index.contains(&id)))
    }

    fn __len__(&self) -> PyResult<usize> {
        Ok(self.live()?.len())
    }

    /// Closes the index: every later call raises ValueError, and the memory-mapped
    /// file is released once checks running in other threads end (on Windows, only
    /// then can the file be replaced or deleted). Closing twice is no error.
    ///
    /// ```python
    /// with armsmatch.Index.open("register.armsidx") as index:
    ///     hits = index.check("AB123456", make="Glock")
    /// assert index.closed
    /// ```
    fn close(&self) {
        let old = self.inner.write().unwrap_or_else(|p| p.into_inner()).take();
        drop(old);
    }

    /// True once the index is closed.
    #[getter]
    fn closed(&self) -> bool {
        self.inner
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .is_none()
    }

    /// ``with index:``: the index itself (ValueError if closed); closed at the end of
    /// the block, whatever ends it.
    fn __enter__(slf: Bound<'_, Self>) -> PyResult<Bound<'_, Self>> {
        slf.get().live()?;
        Ok(slf)
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        self.close();
        false
    }

    /// Every record present (the built ones in id order, compared as text: ``R10``
    /// before ``R9``; then those added since, in the order they were added), as a table of
    /// ``kind``: ``"rows"`` (a list of dicts, the default), ``"pandas"``, ``"polars"`` or
    /// ``"arrow"``, with the columns of a records file: ``record_id, make, model,
    /// serial, calibre, type, country, status, reported_on`` (text; None when unknown;
    /// the date as ``YYYY-MM-DD``), each as stored (an id trimmed, a country as its
    /// alpha-3 code). ``Index.build`` of the result builds the same register again.
    #[pyo3(signature = (*, kind="rows"))]
    fn records<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        if !matches!(kind, "rows" | "pandas" | "polars" | "arrow") {
            return Err(to_py_err(Error::InvalidInput {
                field: "kind".into(),
                message: format!(
                    "{kind:?} is not one of \"rows\", \"pandas\", \"polars\", \"arrow\""
                ),
            }));
        }
        let index = self.live()?;
        // Nine columns of text, filled without the GIL.
        let columns: [Vec<Option<String>>; 9] = py.allow_threads(|| {
            let mut c: [Vec<Option<String>>; 9] = Default::default();
            index.for_each_record(|r| {
                c[0].push(Some(r.id));
                c[1].push(r.make);
                c[2].push(r.model);
                c[3].push(Some(r.serial).filter(|s| !s.is_empty()));
                c[4].push(r.calibre);
                c[5].push(r.kind.map(|k| k.as_str().to_string()));
                c[6].push(r.country);
                c[7].push(r.status.map(|s| s.as_str().to_string()));
                c[8].push(r.reported_on.map(|d| d.to_string()));
            });
            c
        });
        let dict = PyDict::new(py);
        for (name, column) in armsmatch::io::RECORD_COLUMNS.iter().zip(columns) {
            dict.set_item(name, column)?;
        }
        frames(py)?.call_method1("records_table", (kind, dict))
    }

    /// Register statistics as a dict (the ``register`` part of ``armsmatch stats
    /// --format json``): records by status, reporting country, make (canonical names),
    /// kind, calibre and month.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let stats = armsmatch::stats::RegisterStats::from_index(&*self.live()?);
        let text = serde_json::to_string(&stats)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// Sizes and counts as a dict: ``records`` (findable now), ``base_records``,
    /// ``keys``, ``no_serial``, ``live_added``, ``live_removed``, ``bytes`` (per section
    /// and ``total``), ``reference_version``, ``format_version`` and ``path`` (the file
    /// the index is identical to, or None).
    fn info<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let i = self.live()?.info();
        let d = PyDict::new(py);
        d.set_item("records", i.records)?;
        d.set_item("base_records", i.base_records)?;
        d.set_item("keys", i.keys)?;
        d.set_item("no_serial", i.no_serial)?;
        d.set_item("live_added", i.live_added)?;
        d.set_item("live_removed", i.live_removed)?;
        let bytes = PyDict::new(py);
        for (k, v) in &i.bytes {
            bytes.set_item(k, v)?;
        }
        d.set_item("bytes", bytes)?;
        d.set_item("reference_version", &i.reference_version)?;
        d.set_item("format_version", i.format_version)?;
        d.set_item("path", self.path_py(py)?)?;
        Ok(d)
    }

    /// The file this index is identical to (opened from or saved to, unchanged since,
    /// and still that file: ``None`` once it was replaced or removed), or None.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.live()?;
        self.path_py(py)
    }

    /// The reference the index compares names with (a copy).
    #[getter]
    fn reference(&self) -> PyResult<Reference> {
        Ok(Reference {
            inner: (*self.live()?.reference()).clone(),
        })
    }

    /// Checks one firearm: hits ranked by score (ties: first the record that names more of
    /// make, model and calibre as the check does, then by record id), at most ``top``,
    /// none under ``threshold`` (default ``DEFAULT_THRESHOLD``).
    ///
    /// ``serial`` may hold ``?`` (one unknown character) and ``*`` (any run) for
    /// partially obliterated serials; a missing one (``None``, NaN, ``pd.NA``) is
    /// unknown, as in a frame's row: the check is then by make, model and calibre, of
    /// the records registered without a serial. ``max_edits`` fixes the edit budget (default:
    /// ``auto_edit_budget`` of the longer of the check's and the record's serial key). ``serial_only`` ignores make, model
    /// and calibre (a bool; 0 and 1 are read as False and True). Raises ``LimitExceededError`` for a check over the limits
    /// (``LIMITS``) and ``InvalidInputError`` for an out-of-range option.
    #[pyo3(
        signature = (serial, make=None, model=None, calibre=None, country=None, *, top=None, threshold=None, max_edits=None, serial_only=None),
        text_signature = "(self, /, serial, make=None, model=None, calibre=None, country=None, *, top=10, threshold=None, max_edits=None, serial_only=False)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        py: Python<'_>,
        serial: &Bound<'_, PyAny>,
        make: Option<&Bound<'_, PyAny>>,
        model: Option<&Bound<'_, PyAny>>,
        calibre: Option<&Bound<'_, PyAny>>,
        country: Option<&Bound<'_, PyAny>>,
        top: Option<&Bound<'_, PyAny>>,
        threshold: Option<&Bound<'_, PyAny>>,
        max_edits: Option<&Bound<'_, PyAny>>,
        serial_only: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Hit>> {
        let query = Query {
            // A missing serial is an unknown one, as in a frame or a dict row.
            serial: opt_text_arg(Some(serial), "serial")?.unwrap_or_default(),
            make: opt_text_arg(make, "make")?,
            model: opt_text_arg(model, "model")?,
            calibre: opt_text_arg(calibre, "calibre")?,
            country: opt_text_arg(country, "country")?,
        };
        let opts = check_options(top, threshold, max_edits, serial_only)?;
        let inner = self.live()?;
        let inner = &*inner;
        let hits = py
            .allow_threads(|| inner.check(&query, &opts))
            .map_err(to_py_err)?;
        let reference = inner.reference();
        let check = std::sync::Arc::new(query);
        Ok(hits
            .into_iter()
            .map(|inner| Hit {
                inner,
                reference: std::sync::Arc::clone(&reference),
                check: Some(std::sync::Arc::clone(&check)),
            })
            .collect())
    }

    /// Checks many firearms on all cores (or ``threads`` of them: ``None`` or 0 is every
    /// core, at most ``LIMITS["MAX_THREADS"]``), without holding the GIL.
    ///
    /// ``queries``: a table or dicts as for ``Index.build``, or the path of a queries
    /// file. Columns: ``serial`` (required), ``query_id`` (or
    /// ``id``, ``Check ID``), ``make``, ``model``, ``calibre``, ``country``, named as in
    /// ``Index.build``. Without a query id (no
    /// column, or a missing value), a pandas row's id is its index label, as text
    /// (``str(label)``, as ``armsmatch.dask.check_many`` gives); a polars, Arrow or
    /// dict row's id is its row number, as text. An id on more than one row (a
    /// missing id's label or row number may be another row's id) is warned of, with
    /// one ``RuntimeWarning`` naming the ids and their rows: their hits share the id.
    ///
    /// Returns the hits in the kind given (pandas → pandas, polars → polars, Arrow →
    /// Arrow, dicts or a file → list of dicts) with the columns of the hits file:
    /// ``query_id, rank, record_id, score, serial_match, serial_distance, make_match,
    /// model_match, calibre_match`` (scores rounded to 4 decimals). ``query_id`` is text,
    /// or, for a table whose query id column has an integer type (and no missing value),
    /// that type, so the hits merge with the queries on it. A check that fails (a serial
    /// over a limit, a partial serial with too few known characters, a malformed country
    /// code) raises, naming its row and query id; with ``errors="skip"`` it is left out
    /// instead, and one ``RuntimeWarning`` says how many were and why (the first five),
    /// as the command line's ``check --skip-bad-rows`` does. So is a row that cannot be
    /// read as a check (a malformed file row, a value of the wrong type, a dicts row
    /// that is no mapping or has no ``serial``). Ctrl-C interrupts a long batch
    /// (``KeyboardInterrupt``, within about a second). ``encoding``: a queries file's,
    /// as for ``Index.build``.
    #[pyo3(
        signature = (queries, *, top=None, threshold=None, max_edits=None, serial_only=None, threads=None, encoding="utf-8", errors="raise"),
        text_signature = "(self, /, queries, *, top=10, threshold=None, max_edits=None, serial_only=False, threads=None, encoding='utf-8', errors='raise')"
    )]
    #[allow(clippy::too_many_arguments)]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        queries: &Bound<'py, PyAny>,
        top: Option<&Bound<'py, PyAny>>,
        threshold: Option<&Bound<'py, PyAny>>,
        max_edits: Option<&Bound<'py, PyAny>>,
        serial_only: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let skip_failed = skip_errors(errors)?;
        let read = read_options(queries, encoding)?;
        let opts = check_options(top, threshold, max_edits, serial_only)?;
        let threads = threads_arg(threads)?;
        // With errors="skip": rows that could not be read as a check (a malformed file
        // row, a value of the wrong type, a dicts row without a serial), and why.
        let (mut unread, mut reasons) = (0u64, Vec::<String>::new());
        // The input row of each check read (a table's; a file's rows are numbered as read).
        let mut positions: Vec<usize> = Vec::new();
        let (kind, rows, restore) = if is_path(queries)? {
            let path = path_arg(queries, "queries")?;
            let read = ReadOptions {
                skip_bad_rows: skip_failed,
                ..read
            };
            let (rows, report) = py
                .allow_threads(|| armsmatch::io::read_queries(&path, read))
                .map_err(to_py_err)?;
            unread = report.skipped;
            reasons = report.errors;
            let rows: Vec<(String, Query)> =
                rows.into_iter().map(|r| (r.query_id, r.query)).collect();
            ("rows".to_string(), rows, py.None().into_bound(py))
        } else {
            let GlueTable {
                kind,
                table,
                restore,
            } = table_of(queries, "checks", "queries", Some("query_id"))?;
            let mut rows = Vec::with_capacity(table.len_hint());
            table.for_each_row_or_error(py, "queries", QUERY_COLUMNS, &["serial"], |i, row| {
                match row.and_then(|row| query_from_row(row, i, &format!("queries[{i}]"))) {
                    Ok(query) => {
                        rows.push(query);
                        positions.push(i);
                    }
                    Err(e) if skip_failed => {
                        unread += 1;
                        if reasons.len() < SKIP_REASONS {
                            reasons.push(e.value(py).to_string());
                        }
                    }
                    Err(e) => return Err(e),
                }
                Ok(())
            })?;
            (kind, rows, restore)
        };
        if let Some(m) = armsmatch::io::repeated_query_ids(rows.iter().map(|(id, _)| id.as_str())) {
            warn(py, &format!("{m} ({})", repeated_id_rows(&rows)))?;
        }
        let (columns, failed) =
            self.check_batch(py, &rows, &positions, &opts, threads, skip_failed)?;
        reasons.extend(failed.iter().cloned());
        warn_skipped(
            py,
            unread + failed.len() as u64,
            unread + rows.len() as u64,
            "checks failed",
            &reasons,
        )?;
        let columns = columns.into_dict(py)?;
        frames(py)?.call_method1("hits_table", (kind, columns, restore))
    }

    /// Pickle support: by path when the index is identical to a file (workers
    /// memory-map it; unpickling refuses a file replaced since), else by bytes.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, PyObject)> {
        let class = py.get_type::<Index>();
        self.live()?;
        // A file replaced since is no longer this index: pickled by bytes then.
        let guard = self.verified_path_lock();
        if let Some((path, checksum)) = guard.as_ref() {
            let args = (path.as_os_str(), *checksum).into_py_any(py)?;
            return Ok((class.getattr("_open_pickled")?, args));
        }
        drop(guard);
        let args = (self.to_bytes(py)?,).into_py_any(py)?;
        Ok((class.getattr("from_bytes")?, args))
    }

    fn __repr__(&self) -> String {
        let Ok(index) = self.live() else {
            return "<armsmatch.Index: closed>".to_string();
        };
        match self.path_text() {
            Some(p) => format!("<armsmatch.Index: {} records, {p}>", index.len()),
            None => format!("<armsmatch.Index: {} records>", index.len()),
        }
    }
}
