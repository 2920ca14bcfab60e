//! `Reference` and `Resolved`: canonical makes, models and calibres with aliases.

use armsmatch::{NameForm, ReferenceData};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{opt_text_arg, path_arg, text_arg};
use crate::errors::{to_py_err, wrong_type};

/// Canonical makes, models and calibres with their aliases, misspellings and related
/// calibres. ``Reference.embedded()`` is the default that ships with armsmatch; load or
/// extend your own from TOML (the format is in the core crate's ``reference`` docs).
///
/// >>> r = Reference.embedded()
/// >>> r.resolve_make("S&W").canonical
/// 'Smith & Wesson'
#[pyclass(module = "armsmatch._armsmatch")]
#[derive(Clone)]
pub(crate) struct Reference {
    pub(crate) inner: armsmatch::Reference,
}

/// A name resolved through a ``Reference``: its ``canonical`` name, its own comparison
/// ``key``, how it was recognized (``form``: canonical, alias, misspelling or unknown)
/// and the ``entry`` number in the reference (None when unknown). Pickles by its four
/// attributes.
#[pyclass(frozen, eq, module = "armsmatch._armsmatch")]
#[derive(Clone, PartialEq)]
pub(crate) struct Resolved {
    inner: armsmatch::Resolved,
}

impl From<armsmatch::Resolved> for Resolved {
    fn from(inner: armsmatch::Resolved) -> Resolved {
        Resolved { inner }
    }
}

fn form_name(form: NameForm) -> &'static str {
    match form {
        NameForm::Canonical => "canonical",
        NameForm::Alias => "alias",
        NameForm::Misspelling => "misspelling",
        NameForm::Unknown => "unknown",
        _ => "other",
    }
}

/// The form named `name` by [`form_name`].
fn form_of(name: &str) -> Option<NameForm> {
    [
        NameForm::Canonical,
        NameForm::Alias,
        NameForm::Misspelling,
        NameForm::Unknown,
    ]
    .into_iter()
    .find(|&f| form_name(f) == name)
}

/// What `Resolved.__reduce__` returns: the rebuilding function and the four attributes.
type Reduced<'py> = (
    Bound<'py, PyAny>,
    (String, String, &'static str, Option<u32>),
);

#[pymethods]
impl Resolved {
    /// The canonical name (the input's key when the reference does not know it).
    #[getter]
    fn canonical(&self) -> String {
        self.inner.canonical.clone()
    }

    /// The input's own comparison key.
    #[getter]
    fn key(&self) -> String {
        self.inner.key.clone()
    }

    /// canonical, alias, misspelling or unknown.
    #[getter]
    fn form(&self) -> &'static str {
        form_name(self.inner.form)
    }

    /// The entry's number in the reference, or None.
    #[getter]
    fn entry(&self) -> Option<u32> {
        self.inner.entry
    }

    /// As a dict with the four attributes.
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("canonical", self.canonical())?;
        d.set_item("key", self.key())?;
        d.set_item("form", self.form())?;
        d.set_item("entry", self.entry())?;
        Ok(d)
    }

    /// Rebuilds a pickled resolved name from its four attributes.
    #[staticmethod]
    #[pyo3(signature = (canonical, key, form, entry))]
    fn _from_state(
        canonical: String,
        key: String,
        form: &str,
        entry: Option<u32>,
    ) -> PyResult<Resolved> {
        let form = form_of(form).ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "not a pickled resolved name: unknown form {form:?}"
            ))
        })?;
        Ok(Resolved {
            inner: armsmatch::Resolved {
                canonical,
                key,
                form,
                entry,
            },
        })
    }

    /// Pickle support: the four attributes.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        Ok((
            py.get_type::<Resolved>().getattr("_from_state")?,
            (self.canonical(), self.key(), self.form(), self.entry()),
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "Resolved(canonical={:?}, key={:?}, form={:?}, entry={})",
            self.inner.canonical,
            self.inner.key,
            self.form(),
            self.inner
                .entry
                .map_or_else(|| "None".to_string(), |e| e.to_string())
        )
    }
}

#[pymethods]
impl Reference {
    /// The embedded default reference.
    #[staticmethod]
    fn embedded() -> Reference {
        Reference {
            inner: armsmatch::Reference::embedded().clone(),
        }
    }

    /// An empty reference: every name is compared as normalized text.
    #[staticmethod]
    fn empty() -> Reference {
        Reference {
            inner: armsmatch::Reference::empty(),
        }
    }

    /// Reads a reference from a TOML file.
    #[staticmethod]
    fn load(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<Reference> {
        let path = path_arg(path, "path")?;
        let inner = py
            .allow_threads(|| armsmatch::Reference::load(&path))
            .map_err(to_py_err)?;
        Ok(Reference { inner })
    }

    /// Parses a reference from TOML text.
    #[staticmethod]
    fn from_toml(text: &Bound<'_, PyAny>) -> PyResult<Reference> {
        let text = text_arg(text, "text")?;
        let inner = armsmatch::Reference::from_toml_str(&text).map_err(to_py_err)?;
        Ok(Reference { inner })
    }

    /// Adds the entries of ``other``: another ``Reference``, or TOML text (which may
    /// refer to calibres this reference already has). An entry whose canonical name is
    /// already known merges its aliases and models into it. Changes this reference in
    /// place; an index built earlier keeps the reference it was built with.
    fn extend(&mut self, other: &Bound<'_, PyAny>) -> PyResult<()> {
        let data: ReferenceData = if let Ok(r) = other.downcast::<Reference>() {
            r.borrow().inner.data().clone()
        } else if let Ok(s) = other.downcast::<PyString>() {
            // Parsed as data only: it is checked after merging, so the fragment may name
            // calibres that only this reference knows.
            let text = text_arg(s.as_any(), "other")?;
            toml::from_str(&text)
                .map_err(|e| to_py_err(armsmatch::Error::Reference(e.to_string())))?
        } else {
            return Err(wrong_type("other", "Reference or str (TOML text)", other));
        };
        self.inner.extend(data).map_err(to_py_err)
    }

    /// Adds the entries of a TOML file (see ``extend``).
    fn extend_from_file(&mut self, py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<()> {
        let path = path_arg(path, "path")?;
        let mut next = self.inner.clone();
        py.allow_threads(|| next.extend_from_file(&path))
            .map_err(to_py_err)?;
        self.inner = next;
        Ok(())
    }

    /// Resolves a make (canonical name, alias, misspelling, near miss, or unknown).
    fn resolve_make(&self, name: &Bound<'_, PyAny>) -> PyResult<Resolved> {
        Ok(self.inner.resolve_make(&text_arg(name, "name")?).into())
    }

    /// Resolves a calibre.
    fn resolve_calibre(&self, name: &Bound<'_, PyAny>) -> PyResult<Resolved> {
        Ok(self.inner.resolve_calibre(&text_arg(name, "name")?).into())
    }

    /// Resolves a model, within ``make`` when given (models are known per make).
    #[pyo3(signature = (name, make=None))]
    fn resolve_model(
        &self,
        name: &Bound<'_, PyAny>,
        make: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Resolved> {
        let name = text_arg(name, "name")?;
        let entry = opt_text_arg(make, "make")?.and_then(|m| self.inner.resolve_make(&m).entry);
        Ok(self.inner.resolve_model(entry, &name).into())
    }

    /// The country of manufacture of a make (ISO 3166-1 alpha-3), if known.
    fn make_country(&self, make: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        Ok(self
            .inner
            .make_country(&text_arg(make, "make")?)
            .map(str::to_string))
    }

    /// The reference data's version label.
    #[getter]
    fn version(&self) -> String {
        self.inner.data().version.clone()
    }

    /// The reference as TOML (what ``from_toml`` reads back).
    fn to_toml(&self) -> String {
        self.inner.to_toml_string()
    }

    fn __repr__(&self) -> String {
        let d = self.inner.data();
        format!(
            "<Reference {:?}: {} makes, {} calibres>",
            d.version,
            d.make.len(),
            d.calibre.len()
        )
    }

    /// Pickle support: the TOML text.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((
            py.get_type::<Reference>().getattr("from_toml")?,
            (self.to_toml(),),
        ))
    }
}
