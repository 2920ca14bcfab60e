//! `Record`, `Hit` and `Explanation`: read-only views of core values.

use armsmatch::Edit;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyMapping};

use crate::convert::{
    cell_text, opt_text_arg, py_float, record_from_parts, record_from_row, text_arg,
    validate_record, with_mapping_row, KeysSeen, RecordFields, RECORD_COLUMNS,
};
use crate::errors::{to_py_err, wrong_type};

/// One firearm in the register.
///
/// Only ``id`` and ``serial`` are required. ``kind`` and ``status`` are read leniently
/// (unknown text becomes ``"other"``); ``country`` must be an ISO 3166-1 code and
/// ``reported_on`` a date (``"YYYY-MM-DD"``, also ``"YYYY-MM"``, ``"YYYY"``,
/// ``"DD.MM.YYYY"`` and ``"YYYYMMDD"``, a ``datetime.date``, or an int year such as
/// ``2021``, read as a records table's cell is). The record is validated as
/// ``Index.build`` validates it: an empty id, ``?`` or ``*`` in the serial (wildcards
/// are for checks), a field over the limits (``LIMITS``) raise ``InvalidInputError``.
///
/// A record is immutable and compares and hashes by value (usable in sets and as a
/// dict key).
///
/// >>> r = Record("DEU-2024-0001", "AB 123456", make="Glock", kind="Pistol", country="deu")
/// >>> (r.kind, r.country)
/// ('pistol', 'DEU')
#[pyclass(frozen, eq, module = "armsmatch._armsmatch")]
#[derive(Clone, PartialEq)]
pub(crate) struct Record {
    pub(crate) inner: armsmatch::Record,
}

impl Record {
    /// A record from a `Record` or a dict with the records-file keys.
    pub(crate) fn from_py(v: &Bound<'_, PyAny>, field: &str) -> PyResult<armsmatch::Record> {
        Record::from_py_seen(v, field, &mut KeysSeen::default(), None)
    }

    /// [`Record::from_py`] of one row of many: `seen` carries the keys of the last dict
    /// row read, so rows with the same keys resolve them once.
    pub(crate) fn from_py_seen(
        v: &Bound<'_, PyAny>,
        field: &str,
        seen: &mut KeysSeen,
        dropped: Option<&mut Vec<String>>,
    ) -> PyResult<armsmatch::Record> {
        if let Ok(r) = v.downcast::<Record>() {
            return Ok(r.get().inner.clone());
        }
        if v.is_instance_of::<PyDict>() || v.downcast::<PyMapping>().is_ok() {
            return with_mapping_row(
                v,
                RECORD_COLUMNS,
                &["record_id", "serial"],
                field,
                seen,
                |row| record_from_row(row, field, dropped),
            );
        }
        Err(wrong_type(field, "Record or dict", v))
    }
}

fn opt_str(v: Option<&str>) -> Option<String> {
    v.map(str::to_string)
}

#[pymethods]
impl Record {
    #[new]
    #[pyo3(signature = (id, serial, *, make=None, model=None, calibre=None, kind=None, country=None, status=None, reported_on=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: &Bound<'_, PyAny>,
        serial: &Bound<'_, PyAny>,
        make: Option<&Bound<'_, PyAny>>,
        model: Option<&Bound<'_, PyAny>>,
        calibre: Option<&Bound<'_, PyAny>>,
        kind: Option<&Bound<'_, PyAny>>,
        country: Option<&Bound<'_, PyAny>>,
        status: Option<&Bound<'_, PyAny>>,
        reported_on: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Record> {
        // As a records table's date cell: text, a date, an int (a year), or missing.
        let reported_on = match reported_on {
            Some(d) => cell_text(d, "reported_on", true)?,
            None => None,
        };
        let inner = record_from_parts(
            text_arg(id, "id")?,
            text_arg(serial, "serial")?,
            RecordFields {
                make: opt_text_arg(make, "make")?,
                model: opt_text_arg(model, "model")?,
                calibre: opt_text_arg(calibre, "calibre")?,
                kind: opt_text_arg(kind, "kind")?,
                country: opt_text_arg(country, "country")?,
                status: opt_text_arg(status, "status")?,
                reported_on,
            },
        )
        .map_err(to_py_err)?;
        validate_record(&inner).map_err(to_py_err)?;
        Ok(Record { inner })
    }

    /// Rebuilds a pickled record (its JSON form) as it was: a record of an index file
    /// written under older rules (a wildcard in a serial) unpickles too.
    #[staticmethod]
    fn _from_state(state: &str) -> PyResult<Record> {
        let inner = serde_json::from_str(state).map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!("not a pickled record: {e}"))
        })?;
        Ok(Record { inner })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        Ok((py.get_type::<Record>().getattr("_from_state")?, (state,)))
    }

    fn __hash__(&self) -> u64 {
        // Equal records have equal ids and serials (`__eq__` compares every field).
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&(&self.inner.id, &self.inner.serial), &mut h);
        std::hash::Hasher::finish(&h)
    }

    /// The reporting country's reference (unique within an index).
    #[getter]
    fn id(&self) -> String {
        self.inner.id.clone()
    }

    /// The serial as reported.
    #[getter]
    fn serial(&self) -> String {
        self.inner.serial.clone()
    }

    /// Manufacturer, as reported.
    #[getter]
    fn make(&self) -> Option<String> {
        self.inner.make.clone()
    }

    /// Model, as reported.
    #[getter]
    fn model(&self) -> Option<String> {
        self.inner.model.clone()
    }

    /// Calibre, as reported.
    #[getter]
    fn calibre(&self) -> Option<String> {
        self.inner.calibre.clone()
    }

    /// pistol, revolver, rifle, shotgun, submachine_gun, machine_gun or other.
    #[getter]
    fn kind(&self) -> Option<String> {
        opt_str(self.inner.kind.map(|k| k.as_str()))
    }

    /// Reporting country (ISO 3166-1, uppercase).
    #[getter]
    fn country(&self) -> Option<String> {
        self.inner.country.clone()
    }

    /// lost, stolen, trafficked, smuggled or other.
    #[getter]
    fn status(&self) -> Option<String> {
        opt_str(self.inner.status.map(|s| s.as_str()))
    }

    /// When it was reported, ``"YYYY-MM-DD"``.
    #[getter]
    fn reported_on(&self) -> Option<String> {
        self.inner.reported_on.map(|d| d.to_string())
    }

    /// The record as a dict (keys as in the constructor).
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        record_items(&d, &self.inner, "id")?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let mut s = format!("Record({:?}, {:?}", r.id, r.serial);
        for (k, v) in [
            ("make", self.make()),
            ("model", self.model()),
            ("calibre", self.calibre()),
            ("kind", self.kind()),
            ("country", self.country()),
            ("status", self.status()),
            ("reported_on", self.reported_on()),
        ] {
            if let Some(v) = v {
                s.push_str(&format!(", {k}={v:?}"));
            }
        }
        s.push(')');
        s
    }
}

/// Adds the record's fields to `d` (the id under `id_key`).
fn record_items(d: &Bound<'_, PyDict>, r: &armsmatch::Record, id_key: &str) -> PyResult<()> {
    d.set_item(id_key, &r.id)?;
    d.set_item("serial", &r.serial)?;
    d.set_item("make", &r.make)?;
    d.set_item("model", &r.model)?;
    d.set_item("calibre", &r.calibre)?;
    d.set_item("kind", r.kind.map(|k| k.as_str()))?;
    d.set_item("country", &r.country)?;
    d.set_item("status", r.status.map(|s| s.as_str()))?;
    d.set_item("reported_on", r.reported_on.map(|x| x.to_string()))?;
    Ok(())
}

/// Why a hit scored what it did. ``str(explanation)`` is a readable sentence.
#[pyclass(frozen, module = "armsmatch._armsmatch")]
pub(crate) struct Explanation {
    pub(crate) inner: armsmatch::Explanation,
}

fn edit_dict<'py>(py: Python<'py>, e: &Edit) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let (kind, at, check, record) = match e {
        Edit::Confusable { at, check, record } => ("confusable", at, Some(check), Some(record)),
        Edit::RareConfusion { at, check, record } => {
            ("rare_confusion", at, Some(check), Some(record))
        }
        Edit::Substitution { at, check, record } => ("substitution", at, Some(check), Some(record)),
        Edit::Transposition { at } => ("transposition", at, None, None),
        Edit::Insertion { at, check } => ("insertion", at, Some(check), None),
        Edit::Deletion { at, record } => ("deletion", at, None, Some(record)),
        _ => ("other", &0, None, None),
    };
    d.set_item("kind", kind)?;
    d.set_item("at", at)?;
    d.set_item("check", check.map(|c| c.to_string()))?;
    d.set_item("record", record.map(|c| c.to_string()))?;
    Ok(d)
}

#[pymethods]
impl Explanation {
    /// exact, normalized, confusable, fuzzy, partial or none.
    #[getter]
    fn serial_match(&self) -> &'static str {
        self.inner.serial.kind.as_str()
    }

    /// Edit distance of the serial keys (unknown characters for a partial match).
    #[getter]
    fn serial_distance(&self) -> u8 {
        self.inner.serial.distance
    }

    /// The check's serial key that matched.
    #[getter]
    fn check_key(&self) -> String {
        self.inner.serial.check_key.clone()
    }

    /// The record's serial key that matched.
    #[getter]
    fn record_key(&self) -> String {
        self.inner.serial.record_key.clone()
    }

    /// True if the match went through a transliteration (Cyrillic, Greek), or
    /// through a Cyrillic reading (``reading``).
    #[getter]
    fn transliterated(&self) -> bool {
        self.inner.serial.transliterated
    }

    /// True if the match went through the check's other Latin spelling of a Cyrillic
    /// marking (``BC1234`` read as ``VS1234``), for a make that marks in Cyrillic.
    #[getter]
    fn reading(&self) -> bool {
        self.inner.serial.reading
    }

    /// The serial edits: dicts with ``kind`` (confusable, rare_confusion,
    /// substitution, transposition, insertion, deletion), ``at`` (0-based position in
    /// the record's key), ``check`` and ``record`` (the characters, or None).
    #[getter]
    fn edits<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner
            .serial
            .edits
            .iter()
            .map(|e| edit_dict(py, e))
            .collect()
    }

    /// same, alias, similar, different or unknown.
    #[getter]
    fn make_match(&self) -> &'static str {
        self.inner.make.as_str()
    }

    /// same, alias, similar, different or unknown.
    #[getter]
    fn model_match(&self) -> &'static str {
        self.inner.model.as_str()
    }

    /// same, alias, similar, different or unknown.
    #[getter]
    fn calibre_match(&self) -> &'static str {
        self.inner.calibre.as_str()
    }

    /// The serial's part of the score.
    #[getter]
    fn serial_score(&self) -> f64 {
        py_float(self.inner.serial_score)
    }

    /// The identity part (make, model and calibre as one tiered comparison).
    #[getter]
    fn identity_factor(&self) -> f64 {
        py_float(self.inner.identity_factor)
    }

    /// ``serial_score × identity_factor``: the evidence that ``calibrate`` turns into
    /// the hit's score (the probability that the record is the checked firearm; shared
    /// among the serials a partial serial matches, see ``shared_with``).
    #[getter]
    fn evidence(&self) -> f64 {
        py_float(self.inner.evidence())
    }

    /// How many other registered serials the check's partial serial (``?``, ``*``)
    /// matches as well (0 for a full serial). Only one can be the checked firearm, so
    /// the score shares the probability with them: with calibrated odds
    /// ``o = p / (1 - p)``, ``score = o / (1 + o + the others' odds)``.
    #[getter]
    fn shared_with(&self) -> u32 {
        self.inner.shared_with
    }

    /// The shape of two or more serial edits, which prices them: ``"slip"`` (a
    /// transposition or a change of length: a slip of the hand), ``"sibling"`` (digits
    /// replaced in place: another firearm of the same batch) or ``"plain"``.
    #[getter]
    fn shape(&self) -> &'static str {
        self.inner.serial.shape().as_str()
    }

    /// The explanation as a dict (``text`` holds ``str(explanation)``).
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("serial_match", self.serial_match())?;
        d.set_item("serial_distance", self.serial_distance())?;
        d.set_item("check_key", self.check_key())?;
        d.set_item("record_key", self.record_key())?;
        d.set_item("transliterated", self.transliterated())?;
        d.set_item("reading", self.reading())?;
        d.set_item("edits", self.edits(py)?)?;
        d.set_item("make_match", self.make_match())?;
        d.set_item("model_match", self.model_match())?;
        d.set_item("calibre_match", self.calibre_match())?;
        d.set_item("serial_score", self.serial_score())?;
        d.set_item("identity_factor", self.identity_factor())?;
        d.set_item("evidence", self.evidence())?;
        d.set_item("shared_with", self.shared_with())?;
        d.set_item("shape", self.shape())?;
        d.set_item("text", self.__str__())?;
        Ok(d)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    /// Rebuilds a pickled explanation (its JSON form).
    #[staticmethod]
    fn _from_state(state: &str) -> PyResult<Explanation> {
        let inner = serde_json::from_str(state).map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!("not a pickled explanation: {e}"))
        })?;
        Ok(Explanation { inner })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        Ok((
            py.get_type::<Explanation>().getattr("_from_state")?,
            (state,),
        ))
    }

    fn __repr__(&self) -> String {
        format!("<Explanation: {}>", self.inner)
    }

    /// Explanations compare by value (an unpickled one equals the original).
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyObject {
        let Ok(other) = other.downcast::<Explanation>() else {
            return py.NotImplemented();
        };
        PyBool::new(py, self.inner == other.get().inner)
            .to_owned()
            .into_any()
            .unbind()
    }

    fn __hash__(&self) -> u64 {
        // Equal explanations have equal keys and kinds.
        let s = &self.inner.serial;
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&(&s.check_key, &s.record_key, s.kind.as_str()), &mut h);
        std::hash::Hasher::finish(&h)
    }
}

/// True if `reference` is the embedded one (the same data). The answer for the last
/// reference asked about is kept: the hits of one check share their index's.
fn is_embedded(reference: &std::sync::Arc<armsmatch::Reference>) -> bool {
    type Last = Option<(std::sync::Weak<armsmatch::Reference>, bool)>;
    static LAST: std::sync::Mutex<Last> = std::sync::Mutex::new(None);
    let mut last = LAST
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((weak, answer)) = last.as_ref() {
        if weak
            .upgrade()
            .is_some_and(|r| std::sync::Arc::ptr_eq(&r, reference))
        {
            return *answer;
        }
    }
    let embedded = armsmatch::Reference::embedded_arc();
    let answer =
        std::sync::Arc::ptr_eq(reference, &embedded) || reference.data() == embedded.data();
    *last = Some((std::sync::Arc::downgrade(reference), answer));
    answer
}

/// What `Hit.__reduce__` returns: the rebuilding function and its arguments.
type Reduced<'py> = (Bound<'py, PyAny>, (String, Option<String>, Option<String>));

/// A record found by a check: the record's fields, the score in [0, 1] and why.
///
/// A hit is immutable; two hits are equal when their record, score and explanation are
/// (and their index's reference, which ``trace_request`` reads), and hash alike. A hit
/// remembers the check that found it (``trace_request`` describes the firearm from it).
#[pyclass(frozen, module = "armsmatch._armsmatch")]
pub(crate) struct Hit {
    pub(crate) inner: armsmatch::Hit,
    /// The reference of the index that found the hit (for the trace request's
    /// country of manufacture: a register's own makes included).
    pub(crate) reference: std::sync::Arc<armsmatch::Reference>,
    /// The check that found the hit, shared by the hits of one check (`None` only for
    /// a hit unpickled from a version that did not keep it).
    pub(crate) check: Option<std::sync::Arc<armsmatch::Query>>,
}

/// True if `given` is the serial `checked` (in any writing or transliteration of it). A
/// partial serial is compared part by part, its wildcards in place: `AB12?456` is
/// `ab-12?456`, not `AB12456` nor `AB1?2456`.
fn same_serial(given: &str, checked: &str) -> bool {
    let parts = |s: &str| -> (Vec<Vec<String>>, Vec<char>) {
        let wild: Vec<char> = s.chars().filter(|c| matches!(c, '?' | '*')).collect();
        (
            s.split(['?', '*']).map(armsmatch::serial_keys).collect(),
            wild,
        )
    };
    let ((g, gw), (c, cw)) = (parts(given), parts(checked));
    gw == cw
        && g.len() == c.len()
        && g.iter()
            .zip(&c)
            .all(|(g, c)| g.iter().any(|k| c.contains(k)))
}

/// The text of a trace request argument: the caller's when given, else the check's.
fn given_or_checked(given: Option<String>, checked: Option<&String>) -> Option<String> {
    given
        .filter(|s| !s.trim().is_empty())
        .or_else(|| checked.cloned())
}

#[pymethods]
impl Hit {
    /// A draft trace request for this hit, as a dict: ``request`` (the JSON schema of
    /// ``armsmatch trace export``, prefilled from the check and the record, with the
    /// suggested addressees) and ``missing`` (the essential fields still missing, the
    /// main reason traces fail). ``country`` (ISO 3166-1 alpha-3), ``agency`` and
    /// ``case_ref`` describe the requester.
    ///
    /// The firearm is described by the check that found the hit, as in the C API;
    /// ``make``, ``model`` and ``calibre`` add what the check did not give or correct
    /// it. ``serial`` is optional: given, it must be the checked serial (the same serial
    /// key, or one of its transliterations), else ``InvalidInputError`` (a different
    /// serial is a different check; a partial one is compared with its wildcards in
    /// place). The country of recovery is the check's ``country`` (none if the check
    /// gave none, as in C). A field over ``LIMITS`` raises ``LimitExceededError``.
    #[pyo3(signature = (*, country, agency, case_ref, serial=None, make=None, model=None, calibre=None))]
    #[allow(clippy::too_many_arguments)]
    fn trace_request<'py>(
        &self,
        py: Python<'py>,
        country: &str,
        agency: &str,
        case_ref: &str,
        serial: Option<String>,
        make: Option<String>,
        model: Option<String>,
        calibre: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let check = self.check.as_deref();
        // An empty serial is not given, as an empty make is not.
        let serial = serial.filter(|s| !s.trim().is_empty());
        let serial = match (serial, check) {
            (Some(given), Some(check)) => {
                // A check without a serial (by make, model and calibre) has none to
                // contradict.
                let unknown = armsmatch::serial_key(&check.serial).is_empty()
                    && !check.serial.contains(['?', '*']);
                if !unknown && !same_serial(&given, &check.serial) {
                    return Err(crate::errors::invalid(
                        "serial",
                        format!(
                            "{given:?} is not the checked serial {:?}: a trace request \
                             describes the firearm checked; check the other serial first",
                            check.serial
                        ),
                    ));
                }
                given
            }
            (Some(given), None) => given,
            (None, Some(check)) => check.serial.clone(),
            (None, None) => {
                return Err(crate::errors::invalid(
                    "serial",
                    "this hit does not remember its check (unpickled from an older \
                     version): pass serial=",
                ))
            }
        };
        let query = armsmatch::Query {
            serial,
            make: given_or_checked(make, check.and_then(|c| c.make.as_ref())),
            model: given_or_checked(model, check.and_then(|c| c.model.as_ref())),
            calibre: given_or_checked(calibre, check.and_then(|c| c.calibre.as_ref())),
            // The recovery country is the check's, as in C: the requester's country is
            // not necessarily where the firearm was found.
            country: check.and_then(|c| c.country.clone()),
        };
        let actor = armsmatch::trace::Actor {
            country: country.to_string(),
            agency: agency.to_string(),
            officer: None,
        };
        let request = armsmatch::trace::TraceRequest::from_hit(
            &self.inner,
            &query,
            &actor,
            case_ref,
            &self.reference,
        )
        .map_err(to_py_err)?;
        // Serialized straight to text, as the C API does: a `serde_json::Value` holds
        // numbers as f64, so the f32 scores came out widened (0.99605 as
        // 0.9960500001907349) instead of as `Hit.score` gives them.
        let invalid = |e: serde_json::Error| pyo3::exceptions::PyValueError::new_err(e.to_string());
        let text = format!(
            "{{\"request\":{},\"missing\":{}}}",
            serde_json::to_string(&request).map_err(invalid)?,
            serde_json::to_string(&request.completeness()).map_err(invalid)?
        );
        py.import("json")?.call_method1("loads", (text,))
    }

    /// The record, as registered.
    #[getter]
    fn record(&self) -> Record {
        Record {
            inner: self.inner.record.clone(),
        }
    }

    /// The record's id.
    #[getter]
    fn record_id(&self) -> String {
        self.inner.record.id.clone()
    }

    /// The record's serial, as registered.
    #[getter]
    fn serial(&self) -> String {
        self.inner.record.serial.clone()
    }

    /// The record's make.
    #[getter]
    fn make(&self) -> Option<String> {
        self.inner.record.make.clone()
    }

    /// The record's model.
    #[getter]
    fn model(&self) -> Option<String> {
        self.inner.record.model.clone()
    }

    /// The record's calibre.
    #[getter]
    fn calibre(&self) -> Option<String> {
        self.inner.record.calibre.clone()
    }

    /// The record's kind.
    #[getter]
    fn kind(&self) -> Option<String> {
        opt_str(self.inner.record.kind.map(|k| k.as_str()))
    }

    /// The reporting country.
    #[getter]
    fn country(&self) -> Option<String> {
        self.inner.record.country.clone()
    }

    /// The record's status.
    #[getter]
    fn status(&self) -> Option<String> {
        opt_str(self.inner.record.status.map(|s| s.as_str()))
    }

    /// When the record was reported, ``"YYYY-MM-DD"``.
    #[getter]
    fn reported_on(&self) -> Option<String> {
        self.inner.record.reported_on.map(|d| d.to_string())
    }

    /// Score in [0, 1]; higher is more likely the same firearm.
    #[getter]
    fn score(&self) -> f64 {
        py_float(self.inner.score)
    }

    /// Why: how the serial matched and how make, model and calibre agree.
    #[getter]
    fn explanation(&self) -> Explanation {
        Explanation {
            inner: self.inner.explanation.clone(),
        }
    }

    /// The hit as a flat dict: the record's fields (id as ``record_id``), ``score``, the
    /// hits-file columns (``serial_match`` … ``calibre_match``) and ``explanation``
    /// (its text).
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        record_items(&d, &self.inner.record, "record_id")?;
        let e = self.explanation();
        d.set_item("score", self.score())?;
        d.set_item("serial_match", e.serial_match())?;
        d.set_item("serial_distance", e.serial_distance())?;
        d.set_item("make_match", e.make_match())?;
        d.set_item("model_match", e.model_match())?;
        d.set_item("calibre_match", e.calibre_match())?;
        d.set_item("explanation", e.__str__())?;
        Ok(d)
    }

    /// Rebuilds a pickled hit: its JSON form, its index's reference (TOML; `None`
    /// for the embedded one) and its check (JSON; `None` when not kept).
    #[staticmethod]
    #[pyo3(signature = (state, reference=None, check=None))]
    fn _from_state(state: &str, reference: Option<&str>, check: Option<&str>) -> PyResult<Hit> {
        let inner = serde_json::from_str(state).map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!("not a pickled hit: {e}"))
        })?;
        let reference = match reference {
            Some(text) => {
                std::sync::Arc::new(armsmatch::Reference::from_toml_str(text).map_err(to_py_err)?)
            }
            None => armsmatch::Reference::embedded_arc(),
        };
        let check = match check {
            Some(text) => Some(std::sync::Arc::new(serde_json::from_str(text).map_err(
                |e| pyo3::exceptions::PyValueError::new_err(format!("not a pickled check: {e}")),
            )?)),
            None => None,
        };
        Ok(Hit {
            inner,
            reference,
            check,
        })
    }

    /// Hits pickle (for `multiprocessing`, `concurrent.futures`, dask) with their
    /// index's reference, which trace requests read; the embedded one is not copied.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let state = serde_json::to_string(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let reference = (!is_embedded(&self.reference)).then(|| self.reference.to_toml_string());
        let check = match &self.check {
            Some(check) => Some(
                serde_json::to_string(&**check)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
            ),
            None => None,
        };
        Ok((
            py.get_type::<Hit>().getattr("_from_state")?,
            (state, reference, check),
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyObject {
        let Ok(other) = other.downcast::<Hit>() else {
            return py.NotImplemented();
        };
        let other = other.get();
        let equal = self.inner == other.inner
            && (std::sync::Arc::ptr_eq(&self.reference, &other.reference)
                || self.reference.data() == other.reference.data());
        PyBool::new(py, equal).to_owned().into_any().unbind()
    }

    fn __hash__(&self) -> u64 {
        // Equal hits have equal records.
        let r = &self.inner.record;
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&(&r.id, &r.serial), &mut h);
        std::hash::Hasher::finish(&h)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Hit {:?} score={:.4} serial {}>",
            self.inner.record.id,
            self.inner.score,
            self.inner.explanation.serial.kind.as_str()
        )
    }
}
