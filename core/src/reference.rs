//! Reference data: canonical makes, models and calibres with their aliases.
//!
//! An embedded default ships in the crate ([`Reference::embedded`]); users load their own
//! or extend the default from a TOML file:
//!
//! ```toml
//! version = "my-register-2026"
//!
//! [[calibre]]
//! name = "9×19mm Parabellum"                    # canonical name
//! aliases = ["9mm Luger", "9x19", "9mm NATO"]   # other ways registers write it
//! related = [".38 Super"]                       # close, not equal (scored "similar")
//!
//! [[make]]
//! name = "Glock"                                # canonical name
//! country = "AUT"                               # ISO 3166-1 alpha-3 of manufacture
//! aliases = ["Glock GmbH"]
//! misspellings = ["Glok"]
//! # related = ["…"]                            # same corporate family (see MakeEntry)
//! weight = 9.0                                  # relative frequency (for the generator)
//!
//! [[make.model]]
//! name = "19"
//! aliases = ["G19", "Glock 19"]
//! calibre = "9×19mm Parabellum"
//! kind = "pistol"
//! # related = ["…"]                            # same family, another version (see ModelEntry)
//!
//! [[system]]                                    # a design written as the make (see SystemEntry)
//! name = "Tokarev"
//! aliases = ["TT", "TT-33"]
//! makers = ["Tula Arms Plant", "Zastava Arms"]  # makes of this reference that made it
//! ```
//!
//! Names are compared by [`name_key`]: case, spaces, punctuation, diacritics, corporate
//! suffixes and "and" do not matter. Extending adds entries; an entry whose canonical
//! name is already known merges its aliases and models into the existing one.
//!
//! A name the reference does not know still works: it is compared as normalized text,
//! it just gets no aliasing. A misspelled make that is one or two edits from exactly one
//! known name (by [`name_key`], length ≥ 5) resolves to that make.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::distance::osa_distance;
use crate::error::{Error, Result};
use crate::normalize::{latin_name, name_key, name_words};

/// The embedded default reference, as TOML.
pub const EMBEDDED_REFERENCE_TOML: &str = include_str!("../data/reference.toml");

/// The file form of a reference: what [`Reference::from_toml_str`] reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceData {
    /// A free version label.
    #[serde(default)]
    pub version: String,
    /// Calibres.
    #[serde(default)]
    pub calibre: Vec<CalibreEntry>,
    /// Manufacturers.
    #[serde(default)]
    pub make: Vec<MakeEntry>,
    /// Designs that registers name as the make of any maker's copy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub system: Vec<SystemEntry>,
}

/// A design whose name registers write as the make of firearms many makers produced:
/// `Kalashnikov` (or `AK`) for an AK-pattern rifle of Norinco, Zastava or Cugir,
/// `Tokarev` for a Zastava M57, `Luger` for a DWM or Mauser P08. Such a name on one side
/// and one of its `makers` on the other compare as *similar* makes, not *different*:
/// the name says which design, not which factory. Against any other maker it stays
/// different (a `Kalashnikov` check and a Glock record are two firearms).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemEntry {
    /// The design's name as a make.
    pub name: String,
    /// Other ways a register writes it as a make (`AK`, `AK-47`, `Калашников`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names of the makes that produced it (each a make of the reference).
    #[serde(default)]
    pub makers: Vec<String>,
    /// The calibres it was made in (each a calibre of the reference): a maker's
    /// firearm of another calibre (a Remington `870` against `Mosin`) is no copy of it.
    /// Empty: any calibre.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calibres: Vec<String>,
}

/// One calibre and its synonyms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalibreEntry {
    /// Canonical name.
    pub name: String,
    /// Synonyms (same cartridge).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Canonical names of calibres that are close but not equal.
    #[serde(default)]
    pub related: Vec<String>,
}

/// One manufacturer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeEntry {
    /// Canonical name.
    pub name: String,
    /// Country of manufacture (ISO 3166-1 alpha-3).
    #[serde(default)]
    pub country: Option<String>,
    /// Other names of the same company.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Common misspellings.
    #[serde(default)]
    pub misspellings: Vec<String>,
    /// Names of other makes of the same corporate family: a parent or subsidiary, a
    /// predecessor or successor, a licensed maker or the importer whose name is marked
    /// on the same firearms. A record under one and a check under the other compare as
    /// *similar*, not *different*.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// An importer or distributor whose name is marked on, or registered for, firearms
    /// of other makers (Century Arms, Interarms, EAA): it says who brought the firearm
    /// in, not who made it. A check or record naming an importer, and the other side a
    /// maker it is `related` to (one it imports from), compares as *similar* unless the
    /// models differ or name one of the importer's own models; another maker stays
    /// *different*.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub importer: bool,
    /// Relative frequency among registered firearms (used by the generator).
    #[serde(default)]
    pub weight: Option<f64>,
    /// Best-known models.
    #[serde(default)]
    pub model: Vec<ModelEntry>,
}

/// One model of a manufacturer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEntry {
    /// Canonical name.
    pub name: String,
    /// Other ways it is written.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its usual calibre (canonical name).
    #[serde(default)]
    pub calibre: Option<String>,
    /// Its kind (`pistol`, `revolver`, …).
    #[serde(default)]
    pub kind: Option<String>,
    /// Names (or aliases) of other models of the same make in its family, which a
    /// register writes for one another: a modernization (`AK-47` and `AKM`), the
    /// civilian or compact version (`G3` and `HK91`, `Uzi` and `Mini Uzi`). A record of
    /// one and a check of the other compare as *similar*, not *different*. The
    /// embedded reference lists none (on labelled registers that keep such models
    /// apart, families cost false hits); a register that mixes them lists its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

/// How a name was recognized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameForm {
    /// The canonical name itself.
    Canonical,
    /// A listed alias.
    Alias,
    /// A listed misspelling, or a near miss of a known name.
    Misspelling,
    /// Not in the reference: compared as normalized text.
    Unknown,
}

/// A name resolved through the reference.
///
/// ```
/// use armsmatch::{Reference, NameForm};
/// let r = Reference::embedded().resolve_make("S&W");
/// assert_eq!(r.canonical, "Smith & Wesson");
/// assert_eq!(r.form, NameForm::Alias);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The canonical name (the input's [`name_key`] when unknown).
    pub canonical: String,
    /// The input's own [`name_key`].
    pub key: String,
    /// How it was recognized.
    pub form: NameForm,
    /// Index of the entry in the reference, when known.
    pub entry: Option<u32>,
}

impl Resolved {
    fn unknown(key: String) -> Resolved {
        Resolved {
            canonical: key.clone(),
            key,
            form: NameForm::Unknown,
            entry: None,
        }
    }
}

/// Canonical makes, models and calibres with aliases, misspellings, related calibres and
/// countries of manufacture. Cheap to share (`Arc<Reference>`); immutable once built.
///
/// ```
/// use armsmatch::Reference;
/// let r = Reference::embedded();
/// assert_eq!(r.resolve_calibre("9mm Luger").canonical, r.resolve_calibre("9x19").canonical);
/// assert_ne!(r.resolve_calibre("9x18 Makarov").canonical, r.resolve_calibre("9mm").canonical);
/// assert_eq!(r.make_country("FN"), Some("BEL"));
/// ```
#[derive(Debug, Clone)]
pub struct Reference {
    data: ReferenceData,
    make_keys: HashMap<String, (u32, NameForm)>,
    calibre_keys: HashMap<String, (u32, NameForm)>,
    /// (make entry, model key) → (model index within the make, form).
    model_keys: HashMap<(u32, String), (u32, NameForm)>,
    /// Model key (name or alias) → the make entries listing such a model.
    model_makes: HashMap<String, Vec<u32>>,
    related: HashSet<(u32, u32)>,
    makes_related: HashSet<(u32, u32)>,
    /// (make entry, model, model) of models listed as `related`, both ways round.
    models_related: HashSet<(u32, u32, u32)>,
    /// (design name key, make entry) → the design's calibre entries (empty: any), for
    /// every [`SystemEntry`] name and maker.
    systems: HashMap<(String, u32), Vec<u32>>,
    /// The TOML written into index files ([`Reference::file_toml`]), made on first use:
    /// every build and compaction writes it, and serializing the embedded reference
    /// took most of the time of building a small index.
    file_toml: OnceLock<String>,
}

impl Default for Reference {
    fn default() -> Reference {
        Reference::embedded().clone()
    }
}

/// A reference file's text: a file that cannot be read is [`Error::Io`], one that is
/// not UTF-8 (a Latin-1 `Wälther`) is reference data in error, [`Error::Reference`].
fn read_reference_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        Error::Reference(format!(
            "{}: line {line}: not UTF-8 text (save the file as UTF-8)",
            path.display()
        ))
    })
}

impl Reference {
    /// The embedded default reference (parsed once, on first use).
    ///
    /// ```
    /// assert!(armsmatch::Reference::embedded().data().make.len() >= 150);
    /// ```
    pub fn embedded() -> &'static Reference {
        Reference::embedded_shared()
    }

    /// The embedded default reference as a shared handle, for
    /// [`crate::IndexBuilder::with_reference`]: every index built with it shares one
    /// copy, where [`Reference::embedded`]`().clone()` copies its tables.
    ///
    /// ```
    /// use std::sync::Arc;
    /// let r = armsmatch::Reference::embedded_arc();
    /// assert!(Arc::ptr_eq(&r, &armsmatch::Reference::embedded_arc()));
    /// let builder = armsmatch::IndexBuilder::with_reference(r);
    /// # let _ = builder;
    /// ```
    pub fn embedded_arc() -> Arc<Reference> {
        Arc::clone(Reference::embedded_shared())
    }

    fn embedded_shared() -> &'static Arc<Reference> {
        static EMBEDDED: OnceLock<Arc<Reference>> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The embedded file is tested (`embedded_reference_is_valid`); should it
            // ever fail to parse, an empty reference keeps the library working.
            Arc::new(
                Reference::from_toml_str(EMBEDDED_REFERENCE_TOML)
                    .unwrap_or_else(|_| Reference::from_data(ReferenceData::default())),
            )
        })
    }

    /// The TOML an index file stores for this reference ([`Reference::to_toml_string`]),
    /// serialized once per reference.
    pub(crate) fn file_toml(&self) -> &str {
        self.file_toml.get_or_init(|| self.to_toml_string())
    }

    /// The reference stored in an index file: the embedded one, shared, when the text is
    /// exactly what it writes (nearly every index); otherwise parsed.
    pub(crate) fn from_file_toml(text: &str) -> Result<Arc<Reference>> {
        let embedded = Reference::embedded_shared();
        if text == embedded.file_toml() {
            Ok(Arc::clone(embedded))
        } else {
            Reference::from_toml_str(text).map(Arc::new)
        }
    }

    /// An empty reference: every name is compared as normalized text.
    ///
    /// ```
    /// let r = armsmatch::Reference::empty();
    /// assert_eq!(r.resolve_make("S&W").canonical, "SW");
    /// ```
    pub fn empty() -> Reference {
        Reference::from_data(ReferenceData::default())
    }

    /// Parses a reference from TOML (the format in the [module docs](self)).
    ///
    /// ```
    /// let r = armsmatch::Reference::from_toml_str(r#"
    ///     [[make]]
    ///     name = "Acme Arms"
    ///     aliases = ["ACME"]
    /// "#)?;
    /// assert_eq!(r.resolve_make("acme").canonical, "Acme Arms");
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_toml_str(text: &str) -> Result<Reference> {
        let data: ReferenceData =
            toml::from_str(text).map_err(|e| Error::Reference(e.to_string()))?;
        Reference::try_from_data(data)
    }

    /// Reads a reference from a TOML file.
    pub fn load(path: impl AsRef<Path>) -> Result<Reference> {
        let path = path.as_ref();
        let text = read_reference_file(path)?;
        Reference::from_toml_str(&text).map_err(|e| match e {
            // The path before the message, the "reference data" prefix once.
            Error::Reference(m) => Error::Reference(format!("{}: {m}", path.display())),
            e => e,
        })
    }

    /// Builds a reference from data, checking it (non-empty names, known `related`
    /// and model calibres).
    pub fn try_from_data(data: ReferenceData) -> Result<Reference> {
        validate(&data)?;
        Ok(Reference::from_data(data))
    }

    /// Adds the entries of `other` (see the [module docs](self) for merging).
    ///
    /// ```
    /// use armsmatch::{Reference, ReferenceData, MakeEntry};
    /// let mut r = Reference::embedded().clone();
    /// r.extend(ReferenceData {
    ///     make: vec![MakeEntry { name: "Glock".into(), aliases: vec!["Glock Austria".into()], ..Default::default() }],
    ///     ..Default::default()
    /// })?;
    /// assert_eq!(r.resolve_make("glock austria").canonical, "Glock");
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn extend(&mut self, other: ReferenceData) -> Result<()> {
        let mut data = self.data.clone();
        for cal in other.calibre {
            let k = name_key(&cal.name);
            match data.calibre.iter_mut().find(|c| name_key(&c.name) == k) {
                Some(c) => {
                    c.aliases.extend(cal.aliases);
                    c.related.extend(cal.related);
                }
                None => data.calibre.push(cal),
            }
        }
        for make in other.make {
            let k = name_key(&make.name);
            match data.make.iter_mut().find(|m| name_key(&m.name) == k) {
                Some(m) => {
                    m.aliases.extend(make.aliases);
                    m.misspellings.extend(make.misspellings);
                    m.related.extend(make.related);
                    if make.country.is_some() {
                        m.country = make.country;
                    }
                    if make.weight.is_some() {
                        m.weight = make.weight;
                    }
                    for model in make.model {
                        // Matched as `resolve_model` matches a name: by its model key,
                        // against the name and the aliases (a model extended under an
                        // alias, `10` for S&W's `Model 10`, is that model, not another).
                        let mk = model_key(&model.name);
                        let names = |x: &ModelEntry| {
                            std::iter::once(&x.name)
                                .chain(&x.aliases)
                                .any(|n| model_key(n) == mk)
                        };
                        match m.model.iter_mut().find(|x| names(x)) {
                            Some(x) => {
                                x.aliases.extend(model.aliases);
                                x.related.extend(model.related);
                                if model.calibre.is_some() {
                                    x.calibre = model.calibre;
                                }
                                if model.kind.is_some() {
                                    x.kind = model.kind;
                                }
                            }
                            None => m.model.push(model),
                        }
                    }
                }
                None => data.make.push(make),
            }
        }
        for sys in other.system {
            let k = name_key(&sys.name);
            match data.system.iter_mut().find(|x| name_key(&x.name) == k) {
                Some(x) => {
                    x.aliases.extend(sys.aliases);
                    x.makers.extend(sys.makers);
                    x.calibres.extend(sys.calibres);
                }
                None => data.system.push(sys),
            }
        }
        if !other.version.is_empty() {
            data.version = format!("{}+{}", data.version, other.version);
        }
        *self = Reference::try_from_data(data)?;
        Ok(())
    }

    /// Extends from a TOML file.
    pub fn extend_from_file(&mut self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let text = read_reference_file(path)?;
        let data: ReferenceData = toml::from_str(&text)
            .map_err(|e| Error::Reference(format!("{}: {e}", path.display())))?;
        self.extend(data)
    }

    /// The data this reference was built from.
    pub fn data(&self) -> &ReferenceData {
        &self.data
    }

    /// Serializes to TOML (what [`Reference::from_toml_str`] reads back).
    ///
    /// ```
    /// let r = armsmatch::Reference::embedded();
    /// let again = armsmatch::Reference::from_toml_str(&r.to_toml_string())?;
    /// assert_eq!(again.data(), r.data());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn to_toml_string(&self) -> String {
        toml::to_string(&self.data).unwrap_or_default()
    }

    fn from_data(data: ReferenceData) -> Reference {
        let mut make_keys = HashMap::new();
        let mut model_keys = HashMap::new();
        for (i, m) in data.make.iter().enumerate() {
            let i = i as u32;
            // Canonical names win over aliases, aliases over misspellings, earlier entries
            // over later ones.
            make_keys.insert(name_key(&m.name), (i, NameForm::Canonical));
            for (j, model) in m.model.iter().enumerate() {
                let j = j as u32;
                model_keys
                    .entry((i, model_key(&model.name)))
                    .or_insert((j, NameForm::Canonical));
            }
        }
        for (i, m) in data.make.iter().enumerate() {
            let i = i as u32;
            for a in &m.aliases {
                make_keys.entry(name_key(a)).or_insert((i, NameForm::Alias));
            }
            for (j, model) in m.model.iter().enumerate() {
                for a in &model.aliases {
                    model_keys
                        .entry((i, model_key(a)))
                        .or_insert((j as u32, NameForm::Alias));
                }
            }
        }
        let mut model_makes: HashMap<String, Vec<u32>> = HashMap::new();
        for &(i, ref key) in model_keys.keys() {
            let makes = model_makes.entry(key.clone()).or_default();
            if !makes.contains(&i) {
                makes.push(i);
            }
        }
        for makes in model_makes.values_mut() {
            makes.sort_unstable();
        }
        for (i, m) in data.make.iter().enumerate() {
            for a in &m.misspellings {
                make_keys
                    .entry(name_key(a))
                    .or_insert((i as u32, NameForm::Misspelling));
            }
        }
        make_keys.remove("");
        let mut calibre_keys = HashMap::new();
        for (i, c) in data.calibre.iter().enumerate() {
            calibre_keys.insert(name_key(&c.name), (i as u32, NameForm::Canonical));
        }
        for (i, c) in data.calibre.iter().enumerate() {
            for a in &c.aliases {
                calibre_keys
                    .entry(name_key(a))
                    .or_insert((i as u32, NameForm::Alias));
            }
        }
        calibre_keys.remove("");
        // The unit is optional in a calibre's name (`12.7x33` = `12.7×33mm`, `7.62mm TT`
        // = `7.62 TT`): every key also stands without it, where that names one entry
        // only and is no key of its own already.
        let mut unit_free: HashMap<String, Option<u32>> = HashMap::new();
        for (key, &(i, _)) in &calibre_keys {
            if let Some(loose) = calibre_unit_free(key) {
                unit_free
                    .entry(loose)
                    .and_modify(|e| {
                        if *e != Some(i) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        for (loose, entry) in unit_free {
            if let Some(i) = entry {
                calibre_keys.entry(loose).or_insert((i, NameForm::Alias));
            }
        }
        let mut related = HashSet::new();
        for (i, c) in data.calibre.iter().enumerate() {
            for r in &c.related {
                if let Some(&(j, _)) = calibre_keys.get(&name_key(r)) {
                    related.insert((i as u32, j));
                    related.insert((j, i as u32));
                }
            }
        }
        let mut makes_related = HashSet::new();
        for (i, m) in data.make.iter().enumerate() {
            for r in &m.related {
                if let Some(&(j, _)) = make_keys.get(&name_key(r)) {
                    if j != i as u32 {
                        makes_related.insert((i as u32, j));
                        makes_related.insert((j, i as u32));
                    }
                }
            }
        }
        let mut models_related = HashSet::new();
        for (i, m) in data.make.iter().enumerate() {
            let i = i as u32;
            for (a, model) in m.model.iter().enumerate() {
                for r in &model.related {
                    if let Some(&(b, _)) = model_keys.get(&(i, model_key(r))) {
                        if b != a as u32 {
                            models_related.insert((i, a as u32, b));
                            models_related.insert((i, b, a as u32));
                        }
                    }
                }
            }
        }
        let mut systems: HashMap<(String, u32), Vec<u32>> = HashMap::new();
        for sys in &data.system {
            let makers: Vec<u32> = sys
                .makers
                .iter()
                .filter_map(|m| make_keys.get(&name_key(m)).map(|&(e, _)| e))
                .collect();
            let calibres: Vec<u32> = sys
                .calibres
                .iter()
                .filter_map(|c| calibre_keys.get(&name_key(c)).map(|&(e, _)| e))
                .collect();
            for n in std::iter::once(&sys.name).chain(&sys.aliases) {
                let k = name_key(n);
                if !k.is_empty() {
                    for &e in &makers {
                        systems.entry((k.clone(), e)).or_default().extend(&calibres);
                    }
                }
            }
        }
        Reference {
            data,
            make_keys,
            calibre_keys,
            model_makes,
            model_keys,
            related,
            makes_related,
            models_related,
            systems,
            file_toml: OnceLock::new(),
        }
    }

    /// True if `make_text` (a make as written) names a design one of whose makers is
    /// the make entry `maker` ([`SystemEntry`]).
    ///
    /// ```
    /// let r = armsmatch::Reference::embedded();
    /// let norinco = r.resolve_make("Norinco").entry.unwrap();
    /// let glock = r.resolve_make("Glock").entry.unwrap();
    /// assert!(r.design_made_by("Kalashnikov", norinco));
    /// assert!(r.design_made_by("AK-47", norinco));
    /// assert!(!r.design_made_by("Kalashnikov", glock));
    /// assert!(!r.design_made_by("Kalashnikov Concern", norinco)); // a company
    /// ```
    pub fn design_made_by(&self, make_text: &str, maker: u32) -> bool {
        self.design_calibres(make_text, maker).is_some()
    }

    /// The calibre entries of the design `make_text` names, if `maker` made it (empty:
    /// any calibre).
    pub(crate) fn design_calibres(&self, make_text: &str, maker: u32) -> Option<&[u32]> {
        if self.systems.is_empty() {
            return None;
        }
        self.systems
            .get(&(name_key(make_text), maker))
            .map(Vec::as_slice)
    }

    /// The calibre entry of model `model` of make entry `make`, if the reference gives one.
    pub(crate) fn model_calibre(&self, make: u32, model: u32) -> Option<u32> {
        let name = self
            .data
            .make
            .get(make as usize)?
            .model
            .get(model as usize)?
            .calibre
            .as_deref()?;
        self.calibre_keys.get(&name_key(name)).map(|&(e, _)| e)
    }

    /// Resolves a make name (canonical, alias, misspelling, near miss, or unknown).
    ///
    /// ```
    /// use armsmatch::{Reference, NameForm};
    /// let r = Reference::embedded();
    /// assert_eq!(r.resolve_make("Smith and Wesson").canonical, "Smith & Wesson");
    /// assert_eq!(r.resolve_make("Smith & Wessen").form, NameForm::Misspelling);
    /// assert_eq!(r.resolve_make("Acme Blasters").form, NameForm::Unknown);
    /// ```
    pub fn resolve_make(&self, name: &str) -> Resolved {
        let key = name_key(name);
        if let Some(&(i, form)) = self.make_keys.get(&key) {
            return Resolved {
                canonical: self.data.make[i as usize].name.clone(),
                key,
                form,
                entry: Some(i),
            };
        }
        if let Some(i) = self.near_miss(&key) {
            return Resolved {
                canonical: self.data.make[i as usize].name.clone(),
                key,
                form: NameForm::Misspelling,
                entry: Some(i),
            };
        }
        // "Glock Ges.m.b.H. Austria", "Colt Python": a known name inside a longer text.
        if let Some(i) = window_lookup(&self.make_keys, name, 4, false) {
            return Resolved {
                canonical: self.data.make[i as usize].name.clone(),
                key,
                form: NameForm::Alias,
                entry: Some(i),
            };
        }
        // "Вальтер", "Смит и Вессон": a name written in Cyrillic or Greek, as it sounds.
        if let Some(latin) = latin_name(name) {
            let r = self.resolve_make(&latin);
            if r.entry.is_some() {
                let form = match r.form {
                    NameForm::Misspelling => NameForm::Misspelling,
                    _ => NameForm::Alias,
                };
                return Resolved { key, form, ..r };
            }
        }
        Resolved::unknown(key)
    }

    /// The one make whose name, alias or misspelling is within 1 edit (keys of 4–8
    /// characters: `Gloc`, `Cold`) or 2 edits (longer keys) of `key`; `None` when there
    /// is none or more than one.
    fn near_miss(&self, key: &str) -> Option<u32> {
        let n = key.chars().count();
        if n < 4 {
            return None;
        }
        let budget = if n <= 8 { 1 } else { 2 };
        let mut best: Option<(usize, u32)> = None;
        let mut tie = false;
        for (k, &(i, _)) in &self.make_keys {
            let m = k.chars().count();
            if m.abs_diff(n) > budget || m < 4 {
                continue;
            }
            let d = osa_distance(key.as_bytes(), k.as_bytes());
            if d > budget {
                continue;
            }
            match best {
                Some((bd, bi)) if d == bd && bi != i => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, i));
                    tie = false;
                }
            }
        }
        if tie {
            None
        } else {
            best.map(|b| b.1)
        }
    }

    /// Resolves a model name within a make (resolved canonical make entry).
    ///
    /// ```
    /// use armsmatch::{Reference, NameForm};
    /// let r = Reference::embedded();
    /// let glock = r.resolve_make("Glock");
    /// let m = r.resolve_model(glock.entry, "G19");
    /// assert_eq!(m.canonical, r.resolve_model(glock.entry, "Glock 19").canonical);
    /// ```
    pub fn resolve_model(&self, make_entry: Option<u32>, name: &str) -> Resolved {
        let key = model_key(name);
        if let Some(mi) = make_entry {
            if let Some(&(j, form)) = self.model_keys.get(&(mi, key.clone())) {
                let model = &self.data.make[mi as usize].model[j as usize];
                return Resolved {
                    canonical: model.name.clone(),
                    key,
                    form,
                    entry: Some(j),
                };
            }
            // "Glock 19" under Glock: drop the make's own words and try again.
            let make_key = name_key(&self.data.make[mi as usize].name);
            if let Some(rest) = key.strip_prefix(make_key.as_str()) {
                if !rest.is_empty() {
                    if let Some(&(j, _)) = self.model_keys.get(&(mi, rest.to_string())) {
                        let model = &self.data.make[mi as usize].model[j as usize];
                        return Resolved {
                            canonical: model.name.clone(),
                            key,
                            form: NameForm::Alias,
                            entry: Some(j),
                        };
                    }
                }
            }
            // "ПМ", "СКС": a model written in Cyrillic or Greek.
            if let Some(latin) = latin_name(name) {
                let r = self.resolve_model(make_entry, &latin);
                if r.entry.is_some() {
                    return Resolved {
                        key,
                        form: NameForm::Alias,
                        ..r
                    };
                }
            }
        }
        Resolved::unknown(key)
    }

    /// Resolves a calibre name.
    ///
    /// ```
    /// let r = armsmatch::Reference::embedded();
    /// let a = r.resolve_calibre(".380 ACP");
    /// assert_eq!(a.canonical, r.resolve_calibre("9mm Kurz").canonical);
    /// // The unit is optional: `12.7x33` is the `12.7×33mm` of the .50 AE.
    /// assert_eq!(r.resolve_calibre("12.7x33").canonical, ".50 AE");
    /// // Written in Russian: a Cyrillic х for the ×, мм for mm, a comma for the point.
    /// assert_eq!(r.resolve_calibre("7,62х39").canonical, r.resolve_calibre("7.62x39mm").canonical);
    /// assert_eq!(r.resolve_calibre("9 мм").canonical, r.resolve_calibre("9 mm").canonical);
    /// // A label is no part of the calibre.
    /// assert_eq!(r.resolve_calibre("cal. 7.62x39").canonical, "7.62×39mm");
    /// ```
    pub fn resolve_calibre(&self, name: &str) -> Resolved {
        let written = name;
        let latin = calibre_latin(name);
        let name = latin.as_ref();
        let key = name_key(name);
        if let Some(&(i, form)) = self.calibre_keys.get(&key) {
            return Resolved {
                canonical: self.data.calibre[i as usize].name.clone(),
                key,
                form,
                entry: Some(i),
            };
        }
        if let Some(&(i, _)) = calibre_unit_free(&key).and_then(|k| self.calibre_keys.get(&k)) {
            return Resolved {
                canonical: self.data.calibre[i as usize].name.clone(),
                key,
                form: NameForm::Alias,
                entry: Some(i),
            };
        }
        // "cal. 7.62", ".45 cal", "12 калибр": the label is no part of the calibre.
        if let Some(bare) = calibre_unlabelled(written) {
            return self.resolve_calibre(&bare);
        }
        // "9x18 Makarov", "cal. 9mm Luger FMJ": a known calibre inside a longer text; the
        // part must hold a digit (so "Magnum" alone never picks a calibre).
        match window_lookup(&self.calibre_keys, name, 2, true) {
            Some(i) => Resolved {
                canonical: self.data.calibre[i as usize].name.clone(),
                key,
                form: NameForm::Alias,
                entry: Some(i),
            },
            None => Resolved::unknown(key),
        }
    }

    /// Every make named in a text by a run of its words (at least 4 characters; the
    /// longest run from each word, runs not overlapping): an imported firearm's make
    /// field may name the importer and the maker (`Romarm (imported by Century Arms)`),
    /// in the order of their first word.
    pub(crate) fn makes_named(&self, name: &str) -> Vec<u32> {
        let words = name_words(name);
        let n = words.len();
        let mut out = Vec::new();
        if !(2..=12).contains(&n) {
            return out;
        }
        // Longest runs first, not overlapping: `SIG Sauer` names one make, not also
        // J.P. Sauer of its second word.
        let mut start = 0;
        while start < n {
            let found = (start + 1..=n).rev().find_map(|end| {
                let k = words[start..end].concat();
                (k.len() >= 4)
                    .then(|| self.make_keys.get(&k))
                    .flatten()
                    .map(|&(i, _)| (i, end))
            });
            match found {
                Some((i, end)) => {
                    if !out.contains(&i) {
                        out.push(i);
                    }
                    start = end;
                }
                None => start += 1,
            }
        }
        out
    }

    /// True if `key` (a [`name_key`]) is a make's name, alias or misspelling as listed.
    pub(crate) fn is_make_key(&self, key: &str) -> bool {
        self.make_keys.contains_key(key)
    }

    /// True if two calibre entries are listed as related (close, not equal).
    ///
    /// ```
    /// let r = armsmatch::Reference::embedded();
    /// let a = r.resolve_calibre(".38 Special").entry.unwrap();
    /// let b = r.resolve_calibre(".357 Magnum").entry.unwrap();
    /// assert!(r.calibres_related(a, b));
    /// ```
    pub fn calibres_related(&self, a: u32, b: u32) -> bool {
        self.related.contains(&(a, b))
    }

    /// True if two make entries are of one corporate family (listed as `related`, either
    /// way round): SIG Sauer and Swiss Arms, the Swiss SIG's arms division, Sako and
    /// Tikka, FN Herstal and Browning.
    ///
    /// ```
    /// let r = armsmatch::Reference::embedded();
    /// let sig = r.resolve_make("SIG Sauer").entry.unwrap();
    /// let swiss = r.resolve_make("SIG Swiss Arms").entry.unwrap();
    /// let glock = r.resolve_make("Glock").entry.unwrap();
    /// assert!(r.makes_related(sig, swiss) && r.makes_related(swiss, sig));
    /// assert!(!r.makes_related(sig, glock));
    /// ```
    pub fn makes_related(&self, a: u32, b: u32) -> bool {
        self.makes_related.contains(&(a, b))
    }

    /// True if two models of make entry `make` are of one family (listed as `related`,
    /// either way round, [`ModelEntry::related`]). The embedded reference lists none; a
    /// register that writes AK-47 for an AKM says so:
    ///
    /// ```
    /// let mut r = armsmatch::Reference::embedded().clone();
    /// let family = armsmatch::Reference::from_toml_str(
    ///     "[[make]]\nname = \"Kalashnikov Concern\"\n\
    ///      [[make.model]]\nname = \"AKM\"\nrelated = [\"AK-47\"]\n\
    ///      [[make.model]]\nname = \"AK-47\"\n",
    /// )?;
    /// r.extend(family.data().clone())?;
    /// let make = r.resolve_make("Kalashnikov").entry;
    /// let ak = r.resolve_model(make, "AK-47").entry.unwrap();
    /// let akm = r.resolve_model(make, "AKM").entry.unwrap();
    /// let ak74 = r.resolve_model(make, "AK-74").entry.unwrap();
    /// assert!(r.models_related(make.unwrap(), akm, ak));
    /// assert!(!r.models_related(make.unwrap(), akm, ak74));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn models_related(&self, make: u32, a: u32, b: u32) -> bool {
        self.models_related.contains(&(make, a, b))
    }

    /// True if a make entry is an importer ([`MakeEntry::importer`]).
    ///
    /// ```
    /// let r = armsmatch::Reference::embedded();
    /// let century = r.resolve_make("Century International Arms").entry.unwrap();
    /// let glock = r.resolve_make("Glock").entry.unwrap();
    /// assert!(r.is_importer(century) && !r.is_importer(glock));
    /// ```
    pub fn is_importer(&self, make: u32) -> bool {
        self.data
            .make
            .get(make as usize)
            .is_some_and(|m| m.importer)
    }

    /// True if firearms of this make carry Cyrillic markings: its maker, or a maker its
    /// text names beside it (`also`), works in a country that writes Cyrillic. A make
    /// text that only holds such a maker's name among other words (`Kalashnikov USA`,
    /// `Arsenal Firearms`) may name a company elsewhere that marks in Latin letters:
    /// only a name the reference knows whole (or a misspelling of one) counts.
    /// A make text the reference does not know that is a model's name (`Saiga`, `SKS`
    /// written as the make) counts as the makers listing that model.
    pub(crate) fn cyrillic_marked(&self, make: Option<&Resolved>, also: &[u32]) -> bool {
        let by_model = make
            .filter(|m| m.entry.is_none())
            .and_then(|m| self.model_makes.get(&model_key(&m.canonical)))
            .map_or(&[][..], Vec::as_slice);
        let make =
            make.filter(|m| self.make_keys.contains_key(&m.key) || m.form == NameForm::Misspelling);
        // Not Serbia's and North Macedonia's makers, who mark in Latin letters (a
        // Zastava `V041413` read as `B041413` met other makes' serials on independent
        // seed 23).
        const CYRILLIC_COUNTRIES: [&str; 8] =
            ["RUS", "UKR", "BLR", "BGR", "KAZ", "KGZ", "TJK", "MNG"];
        make.and_then(|m| m.entry)
            .into_iter()
            .chain(also.iter().copied())
            .chain(by_model.iter().copied())
            .filter_map(|i| self.data.make.get(i as usize))
            .any(|m| {
                m.country
                    .as_deref()
                    .is_some_and(|c| CYRILLIC_COUNTRIES.contains(&c))
            })
    }

    /// The country of manufacture of a make, if the reference knows it.
    pub fn make_country(&self, make: &str) -> Option<&str> {
        let r = self.resolve_make(make);
        r.entry
            .and_then(|i| self.data.make[i as usize].country.as_deref())
    }
}

/// The entry named by the longest run of consecutive words of `name` that is a known
/// key (at least `min_len` characters, holding a digit if `need_digit`); `None` when
/// no run is known or the longest known runs name different entries.
/// A calibre key without its unit: `MM` right after a digit dropped (`127X33MM` →
/// `127X33`, `762MMTT` → `762TT`). `None` if there is none, or if only digits would be
/// left (`9MM` is no bare `9`: a lossy number is compared as such).
/// A calibre written in Cyrillic as Russian, Ukrainian and Bulgarian documents write
/// them (`7,62х39`, `9 мм`, `7,62х54Р`), in the Latin letters of the reference: `х` (kha)
/// is the multiplication sign, `мм` millimetres, `Р` rimmed, `К` kurz. Only those four
/// letters: other Cyrillic (bullet types such as `ЛПС`) is left as written.
fn calibre_latin(name: &str) -> std::borrow::Cow<'_, str> {
    let latin = |c: char| match c {
        'х' | 'Х' => Some('x'),
        'м' | 'М' => Some('m'),
        'р' | 'Р' => Some('R'),
        'к' | 'К' => Some('K'),
        _ => None,
    };
    if name.chars().any(|c| latin(c).is_some()) {
        name.chars()
            .map(|c| latin(c).unwrap_or(c))
            .collect::<String>()
            .into()
    } else {
        name.into()
    }
}

/// A calibre without the word that labels it as one (`cal. 7.62`, `.45 Cal`, `Kaliber
/// 9 mm`, `calibro 12`, `12 калибр`, `cal.45`); `None` if it has none, or if no digit
/// would be left.
fn calibre_unlabelled(name: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "CALIBER",
        "CALIBRE",
        "CALIBRO",
        "KALIBER",
        "KALIBR",
        "KALIBRE",
        "КАЛИБР",
        "CAL",
        "KAL",
        "КАЛ",
    ];
    let mut dropped = false;
    let mut kept: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        let upper = word.to_uppercase();
        let bare = upper.trim_end_matches(['.', ':', ',']);
        if LABELS.contains(&bare) {
            dropped = true;
            continue;
        }
        // `cal.45`, `Kal.12`: the label joined to the number by its point.
        let joined = LABELS.iter().find_map(|l| {
            let rest = upper.strip_prefix(l)?.strip_prefix(['.', ':'])?;
            rest.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                .then(|| rest.to_string())
        });
        match joined {
            Some(rest) => {
                dropped = true;
                kept.push(rest);
            }
            None => kept.push(word.to_string()),
        }
    }
    let out = kept.join(" ");
    (dropped && out.chars().any(|c| c.is_ascii_digit())).then_some(out)
}

fn calibre_unit_free(key: &str) -> Option<String> {
    let b = key.as_bytes();
    let mut out = String::with_capacity(key.len());
    let mut i = 0;
    let mut dropped = false;
    while i < b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() && key[i..].starts_with("MM") {
            i += 2;
            dropped = true;
            continue;
        }
        let c = key[i..].chars().next()?;
        out.push(c);
        i += c.len_utf8();
    }
    (dropped && out.chars().any(|c| !c.is_ascii_digit())).then_some(out)
}

fn window_lookup(
    keys: &HashMap<String, (u32, NameForm)>,
    name: &str,
    min_len: usize,
    need_digit: bool,
) -> Option<u32> {
    let words = name_words(name);
    let n = words.len();
    if !(2..=12).contains(&n) {
        return None;
    }
    for len in (1..n).rev() {
        let mut found: Option<u32> = None;
        for start in 0..=n - len {
            let k = words[start..start + len].concat();
            if k.len() < min_len || (need_digit && !k.bytes().any(|b| b.is_ascii_digit())) {
                continue;
            }
            if let Some(&(i, _)) = keys.get(&k) {
                if found.is_some_and(|f| f != i) {
                    return None;
                }
                found = Some(i);
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Comparison key of a model name: [`name_key`] with the words "model", "mod" and "mdl"
/// dropped (`Model 870` = `870`).
///
/// ```
/// assert_eq!(armsmatch::model_key("Model 870"), "870");
/// assert_eq!(armsmatch::model_key("G-19"), "G19");
/// ```
pub fn model_key(name: &str) -> String {
    let upper = name.to_uppercase();
    let trimmed: Vec<&str> = upper
        .split(|c: char| !c.is_alphanumeric() && c != '&' && c != '.' && c != '×')
        .filter(|w| !w.is_empty() && !matches!(*w, "MODEL" | "MOD" | "MDL" | "MOD."))
        .collect();
    let joined = trimmed.join(" ");
    let k = name_key(&joined);
    if k.is_empty() {
        name_key(name)
    } else {
        k
    }
}

fn validate(data: &ReferenceData) -> Result<()> {
    let bad = |m: String| Err(Error::Reference(m));
    let mut calibres = HashSet::new();
    for c in &data.calibre {
        if name_key(&c.name).is_empty() {
            return bad(format!("calibre {:?} has an empty name", c.name));
        }
        calibres.insert(name_key(&c.name));
        for a in &c.aliases {
            calibres.insert(name_key(a));
        }
    }
    for c in &data.calibre {
        for r in &c.related {
            if !calibres.contains(&name_key(r)) {
                return bad(format!(
                    "calibre {:?} is related to {r:?}, which is not a calibre of this reference",
                    c.name
                ));
            }
        }
    }
    let makes: HashSet<String> = data
        .make
        .iter()
        .flat_map(|m| std::iter::once(&m.name).chain(&m.aliases))
        .map(|n| name_key(n))
        .collect();
    for sys in &data.system {
        if name_key(&sys.name).is_empty() {
            return bad(format!("system {:?} has an empty name", sys.name));
        }
        for m in &sys.makers {
            if !makes.contains(&name_key(m)) {
                return bad(format!(
                    "system {:?} is made by {m:?}, which is not a make of this reference",
                    sys.name
                ));
            }
        }
        for c in &sys.calibres {
            if !calibres.contains(&name_key(c)) {
                return bad(format!(
                    "system {:?} is made in {c:?}, which is not a calibre of this reference",
                    sys.name
                ));
            }
        }
    }
    for m in &data.make {
        if name_key(&m.name).is_empty() {
            return bad(format!("make {:?} has an empty name", m.name));
        }
        for r in &m.related {
            if !makes.contains(&name_key(r)) {
                return bad(format!(
                    "make {:?} is related to {r:?}, which is not a make of this reference",
                    m.name
                ));
            }
        }
        if let Some(c) = &m.country {
            if crate::record::country_code(c).is_err() {
                return bad(format!(
                    "make {:?}: country {c:?} is not an ISO 3166-1 code",
                    m.name
                ));
            }
        }
        let models: HashSet<String> = m
            .model
            .iter()
            .flat_map(|x| std::iter::once(&x.name).chain(&x.aliases))
            .map(|n| model_key(n))
            .collect();
        for model in &m.model {
            if model_key(&model.name).is_empty() {
                return bad(format!("make {:?} has a model with an empty name", m.name));
            }
            for r in &model.related {
                if !models.contains(&model_key(r)) {
                    return bad(format!(
                        "model {:?} of make {:?} is related to {r:?}, which is not a model of that make",
                        model.name, m.name
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_reference_file_names_the_file_and_the_error_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, "[[make]]\nname = 1\n").unwrap();
        let msg = Reference::load(&path).unwrap_err().to_string();
        assert!(msg.starts_with("reference data: "), "{msg}");
        assert_eq!(msg.matches("reference data").count(), 1, "{msg}");
        assert!(msg.contains("bad.toml"), "{msg}");
    }

    #[test]
    fn embedded_reference_is_valid() {
        let r = Reference::from_toml_str(EMBEDDED_REFERENCE_TOML).unwrap();
        assert!(r.data().make.len() >= 150, "{}", r.data().make.len());
        assert!(r.data().calibre.len() >= 80, "{}", r.data().calibre.len());
    }

    #[test]
    fn index_files_share_the_embedded_reference_and_keep_their_own() {
        use crate::{Index, IndexBuilder, Record};
        let dir = tempfile::tempdir().unwrap();
        // Built with the embedded reference (or a copy of it): reopened, it is the shared one.
        for builder in [
            Index::builder(),
            IndexBuilder::with_reference(Arc::new(Reference::embedded().clone())),
        ] {
            let mut b = builder;
            b.add(Record::new("R1", "AB123456").make("Glock")).unwrap();
            let path = dir.path().join("embedded.armsidx");
            b.build().unwrap().save(&path).unwrap();
            let again = Index::open(&path).unwrap();
            assert!(Arc::ptr_eq(&again.reference(), &Reference::embedded_arc()));
        }
        // Built with another reference: reopened, that one, parsed from the file.
        let mut own = Reference::embedded().clone();
        own.extend(ReferenceData {
            make: vec![MakeEntry {
                name: "Acme Arms".into(),
                aliases: vec!["ACME".into()],
                ..MakeEntry::default()
            }],
            ..ReferenceData::default()
        })
        .unwrap();
        let mut b = IndexBuilder::with_reference(Arc::new(own.clone()));
        b.add(Record::new("R1", "AB123456").make("acme")).unwrap();
        let path = dir.path().join("own.armsidx");
        b.build().unwrap().save(&path).unwrap();
        let again = Index::open(&path).unwrap();
        assert!(!Arc::ptr_eq(&again.reference(), &Reference::embedded_arc()));
        assert_eq!(again.reference().data(), own.data());
        assert_eq!(
            again.reference().resolve_make("ACME").canonical,
            "Acme Arms"
        );
        // The text stored is the reference's TOML either way.
        assert_eq!(own.file_toml(), own.to_toml_string());
        assert_eq!(
            Reference::embedded().file_toml(),
            Reference::embedded().to_toml_string()
        );
    }

    #[test]
    fn issue_aliases() {
        let r = Reference::embedded();
        let same = |a: &str, b: &str| {
            assert_eq!(
                r.resolve_make(a).canonical,
                r.resolve_make(b).canonical,
                "{a} / {b}"
            );
            assert!(r.resolve_make(a).entry.is_some(), "{a}");
        };
        same("S&W", "Smith and Wesson");
        same("SMITH & WESSON INC", "Smith & Wesson");
        same("Izhmash", "Kalashnikov Concern");
        same("FN", "FN Herstal");
        same("CZ", "Česká zbrojovka");
        same("Ceska Zbrojovka", "CZ");
        same("Norinco", "China North Industries");
        // Brands, designers, NCIC-style codes and other-language names a register
        // writes for a maker.
        same("Baikal", "IMZ");
        same("Makarov", "Izhevsk Mechanical Plant");
        same("Tokarev", "TOZ");
        same("Samsun Domestic Defence", "Canik");
        same("REM", "Remington");
        same("Heckler und Koch", "H&K");
        same("Unceta y Cia", "Astra");
        same("RFI", "Ordnance Factory Board");
        same("Romarm", "Cugir");
        same("MAB", "Manufacture d'Armes Automatiques de Bayonne");
        // Four-letter misspellings, one edit from one make only.
        same("Gloc", "Glock");
        same("Cold", "Colt");
        // One edit from two makes (Bersa, Breda): no guess.
        assert!(r.resolve_make("Bresa").entry.is_none());
        let cal = |a: &str, b: &str, eq: bool| {
            let (x, y) = (r.resolve_calibre(a), r.resolve_calibre(b));
            assert!(x.entry.is_some() && y.entry.is_some(), "{a} / {b}");
            assert_eq!(x.canonical == y.canonical, eq, "{a} / {b}");
        };
        for a in ["9mm Luger", "9mm Parabellum", "9mm NATO", "9×19", "9mm"] {
            cal(a, "9x19", true);
        }
        for a in ["9×17", "9mm Kurz", "9mm Browning Short", ".380 ACP"] {
            cal(a, "380 ACP", true);
        }
        cal("9×18 Makarov", "9mm Luger", false);
        cal("9×18 Makarov", ".380 ACP", false);
        cal(".38 Special", ".357 Magnum", false);
        cal(".223 Remington", "5.56×45mm NATO", false);
        // The unit is optional, on either side (and a calibre's metric designation is
        // an alias), but a bare number is never made of `9mm`.
        cal("5.6x15R", ".22 LR", true);
        cal("12.7x33", ".50 AE", true);
        cal("7.62mm TT", "7.62×25mm Tokarev", true);
        cal("7,63mm", "7.63 Mauser", true);
        cal("11.6x19R", ".455 Webley", true);
        assert!(r.resolve_calibre("9").entry.is_none());
        assert!(r.resolve_calibre("45").entry.is_none());
        assert_eq!(calibre_unit_free("9MM"), None);
        assert_eq!(calibre_unit_free("56X15MMR").as_deref(), Some("56X15R"));
        assert_eq!(calibre_unit_free("MMX9").as_deref(), None);
        // Cartridges a register of seized or alarm guns writes, each its own entry: not
        // read as the 9×19 or .32 ACP their names contain.
        cal("9mm Browning Long", "9x20SR", true);
        cal("9mm Browning Long", "9mm Luger", false);
        cal("7.65mm Long", "7.65x20 Longue", true);
        cal("7.65mm Long", "7.65mm", false);
        cal("8mm Knall", "8 mm R.K.", true);
        cal("8 mm P.A.", "8mm gas", true);
        cal("8mm gas", "8mm blank", false);
        cal(".44 cap and ball", ".44 percussion", true);
        cal(".44 cap and ball", ".44 Magnum", false);
        cal("44 mm", "44mm Flash-Ball", true);
    }

    #[test]
    fn unknown_and_misspelled() {
        let r = Reference::embedded();
        assert_eq!(
            r.resolve_make("Berreta").canonical,
            r.resolve_make("Beretta").canonical
        );
        let u = r.resolve_make("Zyx Quux Armory");
        assert_eq!(u.form, NameForm::Unknown);
        assert_eq!(u.canonical, "ZYXQUUXARMORY");
    }

    #[test]
    fn bad_reference_is_refused() {
        assert!(Reference::from_toml_str("[[make]]\nname = \"\"\n").is_err());
        assert!(Reference::from_toml_str("[[calibre]]\nname=\"a\"\nrelated=[\"b\"]\n").is_err());
        // A model related to a model its make does not have.
        let err = Reference::from_toml_str(
            "[[make]]\nname=\"M\"\n[[make.model]]\nname=\"A1\"\nrelated=[\"B2\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("\"A1\"") && err.contains("\"B2\""), "{err}");
        let ok = Reference::from_toml_str(
            "[[make]]\nname=\"M\"\n[[make.model]]\nname=\"A1\"\nrelated=[\"b-2\"]\n\
             [[make.model]]\nname=\"B2\"\n",
        )
        .unwrap();
        let m = ok.resolve_make("M").entry.unwrap();
        let (a, b) = (
            ok.resolve_model(Some(m), "A1"),
            ok.resolve_model(Some(m), "B2"),
        );
        assert!(ok.models_related(m, b.entry.unwrap(), a.entry.unwrap()));
        assert!(Reference::from_toml_str("[[make]]\nname=\"x\"\ncountry=\"12\"\n").is_err());
        assert!(Reference::from_toml_str("nonsense = 1").is_err());
        assert!(Reference::from_toml_str("[[make]]\nnam = \"x\"\n").is_err());
    }
}
