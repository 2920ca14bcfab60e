//! Normalization of serials and names: pure functions, shared by indexing and checking.
//!
//! A serial goes through three levels:
//!
//! 1. the **serial key** ([`serial_key`]): Unicode NFKC, uppercase, diacritics dropped,
//!    Cyrillic and Greek capitals that look like Latin letters folded to those letters
//!    (`ВС 1234` → `BC1234`), decimal digits of other scripts folded to ASCII, and every
//!    character that is not `A–Z`/`0–9` dropped (separators, spaces, punctuation; also
//!    letters of scripts that serials are not marked in, such as CJK);
//! 2. the **transliterated keys** ([`serial_keys`]): where a Cyrillic or Greek serial was
//!    keyed by sound rather than by shape (`ВС 1234` → `VS1234`, `Х` → `KH` or `H`);
//! 3. the **confusable skeleton** ([`skeleton`]): characters commonly misread or mistyped
//!    for each other share one class ([`CONFUSABLE_CLASSES`]): `O0QD`, `1IL`, `S5`, …
//!
//! Every key of a record is indexed; a check searches with every key of its serial, so
//! either spelling of a Cyrillic-marked serial finds the other.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Classes of characters that are commonly misread or mistyped for each other
/// (ATF/NCIC experience; VIN rules ban I, O and Q for this reason). Each string is one
/// class; its first character is the class's representative in a [`skeleton`].
///
/// This table is the single source of truth: the index, the scorer and the bindings all
/// read it.
///
/// ```
/// assert!(armsmatch::CONFUSABLE_CLASSES.contains(&"0ODQ"));
/// ```
pub const CONFUSABLE_CLASSES: &[&str] = &["0ODQ", "1IL", "2Z", "5S", "6G", "8B", "UV"];

/// Pairs of characters that are confused less often (handwriting, worn stamps). They do
/// not share a skeleton class (that would merge too much: `C/G` with `G/6`, `3/8` with
/// `B/8`), but a substitution between them costs less than an arbitrary one when a hit
/// is scored.
///
/// ```
/// assert!(armsmatch::RARE_CONFUSIONS.contains(&('A', '4')));
/// ```
pub const RARE_CONFUSIONS: &[(char, char)] = &[
    ('A', '4'),
    ('T', '7'),
    ('E', 'F'),
    ('C', 'G'),
    ('3', '8'),
    ('1', '7'),
    ('M', 'N'),
    ('P', 'R'),
    ('C', '0'),
    ('U', '0'),
    ('Y', 'V'),
    // Handwritten digits and capitals copied from one form to another: a closed 4
    // reads as 9, a 5 with a round belly as 6, a quick H as N, a crossed K as X.
    ('4', '9'),
    ('5', '6'),
    ('H', 'N'),
    ('K', 'X'),
];

/// Make, model and calibre values that mean "not known", compared on the [`name_key`]
/// (`Unknown`, `N/A`, `n.k.`, `Not stated`, `Unbekannt`, `Inconnu`, `Неизвестно`):
/// case systems write them into required fields. Such a name is no evidence either
/// way — neither of the same firearm nor of another make.
///
/// ```
/// assert!(armsmatch::PLACEHOLDER_NAMES.contains(&"UNKNOWN"));
/// ```
pub const PLACEHOLDER_NAMES: &[&str] = &[
    "UNK",
    "UNKN",
    "UNKWN",
    "UNKNOWN",
    "UNKOWN",
    "UNKNWON",
    "UNKNOWNMAKE",
    "UNKNOWNMODEL",
    "UNKNOWNCALIBRE",
    "UNKNOWNCALIBER",
    "NONE",
    "NA",
    "NK",
    "NIL",
    "NULL",
    "NN",
    "NOTKNOWN",
    "NOTSTATED",
    "NOTSPECIFIED",
    "NOTGIVEN",
    "NOTAPPLICABLE",
    "NOTRECORDED",
    "UNSPECIFIED",
    "UNDETERMINED",
    "UNIDENTIFIED",
    "NOMAKE",
    "NOMODEL",
    "NOCALIBRE",
    "NOCALIBER",
    "TBD",
    "TBC",
    "UNBEKANNT",
    "INCONNU",
    "INCONNUE",
    "DESCONOCIDO",
    "DESCONOCIDA",
    "DESCONHECIDO",
    "SCONOSCIUTO",
    "ONBEKEND",
    "OKAND",
    "UKJENT",
    "UKENDT",
    "TUNTEMATON",
    "NIEZNANY",
    "NEZNAMY",
    "ISMERETLEN",
    "NECUNOSCUT",
    "BILINMIYOR",
    "НЕИЗВЕСТНО",
    "НЕИЗВЕСТЕН",
    "НЕИЗВЕСТНА",
    "НЕИЗВЕСТНЫЙ",
    "NEIZVESTNO",
    "НЕВІДОМО",
    "НЕПОЗНАТО",
    "ΑΓΝΩΣΤΟ",
];

/// True if a make, model or calibre name says nothing: empty after [`name_key`]
/// (`-`, `?`), one of [`PLACEHOLDER_NAMES`] (also with the field's name beside it:
/// `Unknown maker`), or a word for a kind of firearm (`Pistol`, `Gewehr`).
///
/// ```
/// use armsmatch::is_placeholder_name;
/// assert!(is_placeholder_name("Unknown") && is_placeholder_name("N/A") && is_placeholder_name(" - "));
/// assert!(is_placeholder_name("unbekannt") && is_placeholder_name("Неизвестно"));
/// assert!(is_placeholder_name("Unknown maker") && is_placeholder_name("Calibre: N/A"));
/// assert!(is_placeholder_name("Marque inconnue") && is_placeholder_name("Модель неизвестна"));
/// assert!(is_placeholder_name("Pistol") && is_placeholder_name("Gewehr")); // a kind, no make
/// assert!(!is_placeholder_name("Glock") && !is_placeholder_name("Model 19"));
/// assert!(!is_placeholder_name("Glock") && !is_placeholder_name("Unique"));
/// ```
pub fn is_placeholder_name(name: &str) -> bool {
    placeholder_name_key(&name_key(name))
}

/// [`is_placeholder_name`] of a name already in [`name_key`] form: a placeholder, or one
/// with the field's name before or after it (`Unknown maker`, `Make: N/A`, `Marque
/// inconnue`, `Hersteller unbekannt`, `Calibre unknown`).
pub(crate) fn placeholder_name_key(key: &str) -> bool {
    if key.is_empty() || PLACEHOLDER_NAMES.contains(&key) || KIND_NAMES.contains(&key) {
        return true;
    }
    FIELD_NAMES.iter().any(|f| {
        key.strip_prefix(f)
            .or_else(|| key.strip_suffix(f))
            .is_some_and(|rest| !rest.is_empty() && PLACEHOLDER_NAMES.contains(&rest))
    })
}

/// Words for a kind of firearm (as [`name_key`]s). Written in the make, model or
/// calibre field (`Pistol`, `Gewehr`, `Пистолет`), they name none: a clerk put the kind
/// where the make goes. Words that are also a make's name or misspelling in the
/// reference (`Arma`, Erma's) are not listed.
const KIND_NAMES: &[&str] = &[
    "PISTOL",
    "PISTOLS",
    "HANDGUN",
    "REVOLVER",
    "RIFLE",
    "CARBINE",
    "SHOTGUN",
    "FIREARM",
    "GUN",
    "WEAPON",
    "SMG",
    "SUBMACHINEGUN",
    "MACHINEGUN",
    "ASSAULTRIFLE",
    "AIRGUN",
    "PISTOLET",
    "PISTOLA",
    "PISTOLE",
    "FUSIL",
    "CARABINE",
    "CARABINA",
    "ESCOPETA",
    "ESPINGARDA",
    "FUCILE",
    "GEWEHR",
    "FLINTE",
    "SCHROTFLINTE",
    "BUCHSE",
    "WAFFE",
    "ARME",
    "ARMEAFEU",
    "ARMADEFUEGO",
    "ПИСТОЛЕТ",
    "РЕВОЛЬВЕР",
    "ВИНТОВКА",
    "КАРАБИН",
    "РУЖЬЕ",
    "АВТОМАТ",
    "ОРУЖИЕ",
];

/// The names of the make, model and calibre fields (as [`name_key`]s), which a case
/// system may write beside a placeholder.
const FIELD_NAMES: &[&str] = &[
    "MAKEMODEL",
    "MAKE",
    "MAKER",
    "MANUFACTURER",
    "MFR",
    "MFG",
    "BRAND",
    "MODEL",
    "TYPE",
    "CALIBRE",
    "CALIBER",
    "CAL",
    "GAUGE",
    "MARQUE",
    "FABRICANT",
    "MODELE",
    "HERSTELLER",
    "MARKE",
    "MODELL",
    "KALIBER",
    "FABRICANTE",
    "MARCA",
    "MODELO",
    "CALIBRO",
    "МАРКА",
    "МОДЕЛЬ",
    "КАЛИБР",
    "ПРОИЗВОДИТЕЛЬ",
];

/// Serial values that mean "no serial" (compared on the serial key, and for a serial
/// in Cyrillic or Greek on its transliterations too): unknown, none, illegible, removed,
/// filed or ground off, in the languages registers are kept in (English, French,
/// German, Spanish, Portuguese, Italian, Dutch, Polish, Czech, Serbo-Croatian, the
/// Nordic languages, Turkish, Russian, Ukrainian, Greek).
///
/// ```
/// assert!(armsmatch::PLACEHOLDER_SERIALS.contains(&"UNKNOWN"));
/// assert!(armsmatch::PLACEHOLDER_SERIALS.contains(&"SANSNUMERO"));
/// ```
pub const PLACEHOLDER_SERIALS: &[&str] = &[
    // English
    "UNK",
    "UNKN",
    "UNKWN",
    "UNKNOWN",
    "NONE",
    "NA",
    "NIL",
    "NULL",
    "NN",
    "SN",
    "NOSN",
    "NOSERIAL",
    "NOSERIALNUMBER",
    "NOSERIALNO",
    "NONUMBER",
    "NOTKNOWN",
    "UNREADABLE",
    "ILLEGIBLE",
    "NOTLEGIBLE",
    "OBLITERATED",
    "REMOVED",
    "DEFACED",
    "ERASED",
    "ABRADED",
    "GROUNDOFF",
    "FILEDOFF",
    "MISSING",
    "BLANK",
    "UNMARKED",
    "NOTMARKED",
    "NOTVISIBLE",
    "NONEVISIBLE",
    "NOTAVAILABLE",
    // French
    "SANSNUMERO",
    "SANSN",
    "SANSNO",
    "INCONNU",
    "ILLISIBLE",
    "NONLISIBLE",
    "EFFACE",
    "LIME",
    "MEULE",
    "AUCUN",
    // German
    "OHNENUMMER",
    "OHNENR",
    "KEINENUMMER",
    "UNBEKANNT",
    "UNLESERLICH",
    "UNKENNTLICH",
    "ENTFERNT",
    "AUSGESCHLIFFEN",
    "ABGESCHLIFFEN",
    // Spanish
    "SINNUMERO",
    "SINN",
    "SINNO",
    "SINSERIE",
    "DESCONOCIDO",
    "ILEGIBLE",
    "BORRADO",
    "LIMADO",
    "NINGUNO",
    // Portuguese
    "SEMNUMERO",
    "SEMNO",
    "SEMSERIE",
    "DESCONHECIDO",
    "ILEGIVEL",
    "RASPADO",
    "SUPRIMIDO",
    "NENHUM",
    // Italian
    "SENZAMATRICOLA",
    "NESSUNAMATRICOLA",
    "MATRICOLAABRASA",
    "ABRASA",
    "ABRASO",
    "ILLEGGIBILE",
    "CANCELLATA",
    "SCONOSCIUTO",
    // Dutch, Polish, Czech, Serbo-Croatian (Latin), Nordic, Turkish
    "ZONDERNUMMER",
    "ONLEESBAAR",
    "ONBEKEND",
    "BRAKNUMERU",
    "NIECZYTELNY",
    "NIEZNANY",
    "BEZCISLA",
    "NECITELNE",
    "NEZNAMY",
    "BEZBROJA",
    "NECITLJIV",
    "NEPOZNAT",
    "UTANNUMMER",
    "OLASBAR",
    "OKAND",
    "EINUMEROA",
    "TUNTEMATON",
    "SERINOYOK",
    "OKUNMUYOR",
    "BILINMIYOR",
    // Russian, Ukrainian, Serbian (Cyrillic), Greek: as their BGN/ELOT keys
    "BEZNOMERA",
    "BEZNOMERU",
    "BN",
    "NEIZVESTNO",
    "NEVIDOMO",
    "NECHITAEMYY",
    "OTSUTSTVUET",
    "SPILEN",
    "STOCHEN",
    "UNICHTOZHEN",
    "AGNOSTO",
    "CHORISARITHMO",
];

/// Which way a Cyrillic or Greek letter is turned into Latin.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Fold {
    /// By shape: `В` → `B`, `Н` → `H`, `Р` → `P` (how an officer copies the marking).
    Visual,
    /// By sound, BGN/PCGN style: `В` → `V`, `Х` → `KH`, `Ж` → `ZH`.
    Bgn,
    /// By sound, ISO 9 with its diacritics dropped: `Х` → `H`, `Ж` → `Z`, `Ц` → `C`.
    Iso9,
    /// By sound, German (Duden) style, as officers in German-speaking countries write
    /// it: `Х` → `CH`, `В` → `W`, `Ш` → `SCH`, `Ч` → `TSCH`, `Ж` → `SH`, `Я` → `JA`.
    German,
    /// By shape, letters with no Latin twin too, as a register may store a marking it
    /// could not type: `Б` → `6`, `Ч` → `4`, `Ш` → `W`, `П` → `II`, `Я` → `R`
    /// ([`SHAPES`]); the others as [`Fold::Visual`].
    Shape,
}

/// Cyrillic letters with no Latin twin, and what a reader copying their shape types.
const SHAPES: &[(char, &str)] = &[
    ('Б', "6"),
    ('Ч', "4"),
    ('Ш', "W"),
    ('Щ', "W"),
    ('Ц', "U"),
    ('И', "N"),
    ('Й', "N"),
    ('П', "II"),
    ('Л', "JI"),
    ('Ю', "IO"),
    ('Я', "R"),
];

/// Cyrillic capitals: (letter, visual, BGN, ISO 9 without diacritics, German/Duden).
const CYRILLIC: &[(char, &str, &str, &str, &str)] = &[
    ('А', "A", "A", "A", "A"),
    ('Б', "B", "B", "B", "B"),
    ('В', "B", "V", "V", "W"),
    ('Г', "G", "G", "G", "G"),
    ('Д', "D", "D", "D", "D"),
    ('Е', "E", "E", "E", "E"),
    ('Ё', "E", "YO", "E", "JO"),
    ('Ж', "ZH", "ZH", "Z", "SH"),
    ('З', "3", "Z", "Z", "S"),
    ('И', "I", "I", "I", "I"),
    ('Й', "Y", "Y", "J", "J"),
    ('К', "K", "K", "K", "K"),
    ('Л', "L", "L", "L", "L"),
    ('М', "M", "M", "M", "M"),
    ('Н', "H", "N", "N", "N"),
    ('О', "O", "O", "O", "O"),
    ('П', "P", "P", "P", "P"),
    ('Р', "P", "R", "R", "R"),
    ('С', "C", "S", "S", "S"),
    ('Т', "T", "T", "T", "T"),
    ('У', "Y", "U", "U", "U"),
    ('Ф', "F", "F", "F", "F"),
    ('Х', "X", "KH", "H", "CH"),
    ('Ц', "TS", "TS", "C", "Z"),
    ('Ч', "CH", "CH", "C", "TSCH"),
    ('Ш', "SH", "SH", "S", "SCH"),
    ('Щ', "SHCH", "SHCH", "S", "SCHTSCH"),
    ('Ъ', "", "", "", ""),
    ('Ы', "Y", "Y", "Y", "Y"),
    ('Ь', "", "", "", ""),
    ('Э', "E", "E", "E", "E"),
    ('Ю', "YU", "YU", "U", "JU"),
    ('Я', "YA", "YA", "A", "JA"),
    ('І', "I", "I", "I", "I"),
    ('Ї', "I", "YI", "I", "JI"),
    ('Є', "E", "YE", "E", "JE"),
    ('Ґ', "G", "G", "G", "G"),
    ('Ј', "J", "J", "J", "J"),
    ('Ѕ', "S", "DZ", "DZ", "DZ"),
];

/// Greek capitals: (letter, visual, transliterated).
const GREEK: &[(char, &str, &str)] = &[
    ('Α', "A", "A"),
    ('Β', "B", "V"),
    ('Γ', "G", "G"),
    ('Δ', "D", "D"),
    ('Ε', "E", "E"),
    ('Ζ', "Z", "Z"),
    ('Η', "H", "I"),
    ('Θ', "TH", "TH"),
    ('Ι', "I", "I"),
    ('Κ', "K", "K"),
    ('Λ', "L", "L"),
    ('Μ', "M", "M"),
    ('Ν', "N", "N"),
    ('Ξ', "X", "X"),
    ('Ο', "O", "O"),
    ('Π', "P", "P"),
    ('Ρ', "P", "R"),
    ('Σ', "S", "S"),
    ('Τ', "T", "T"),
    ('Υ', "Y", "Y"),
    ('Φ', "F", "F"),
    ('Χ', "X", "CH"),
    ('Ψ', "PS", "PS"),
    ('Ω', "O", "O"),
];

/// First code point of the ten decimal digits of scripts whose digits appear on
/// documents (ASCII and full-width digits are handled by NFKC).
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810,
];

fn ascii_digit(c: char) -> Option<char> {
    let cp = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&cp))
        .and_then(|&z| char::from_digit(cp - z, 10))
}

/// Appends the folding of one uppercase character to `out`.
fn push_folded(c: char, fold: Fold, keep_wildcards: bool, out: &mut String) {
    if c.is_ascii_alphanumeric() || (keep_wildcards && (c == '?' || c == '*')) {
        out.push(c);
    } else if let Some(&(_, vis, bgn, iso, ger)) = CYRILLIC.iter().find(|e| e.0 == c) {
        out.push_str(match fold {
            Fold::Shape => SHAPES.iter().find(|e| e.0 == c).map_or(vis, |e| e.1),
            Fold::Visual => vis,
            Fold::Bgn => bgn,
            Fold::Iso9 => iso,
            Fold::German => ger,
        });
    } else if let Some(&(_, vis, tr)) = GREEK.iter().find(|e| e.0 == c) {
        out.push_str(if matches!(fold, Fold::Visual | Fold::Shape) {
            vis
        } else {
            tr
        });
    } else if let Some(d) = ascii_digit(c) {
        out.push(d);
    }
    // Anything else (separators, punctuation, letters of other scripts) is dropped.
}

/// A name written in Cyrillic or Greek, in Latin letters as it sounds (BGN/PCGN for
/// Cyrillic, ELOT for Greek: `Вальтер` → `VALTER`, `Γκλοκ` → `GKLOK`), other
/// characters kept; `None` if it has no Cyrillic or Greek letter. Registers of Russia,
/// Ukraine, Serbia, Bulgaria or Greece write makes and models so.
pub(crate) fn latin_name(name: &str) -> Option<String> {
    if name.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut changed = false;
    for c in name.chars() {
        let u = c.to_uppercase().next().unwrap_or(c);
        if let Some(e) = CYRILLIC.iter().find(|e| e.0 == u) {
            out.push_str(e.2);
            changed = true;
        } else if let Some(e) = GREEK.iter().find(|e| e.0 == u) {
            out.push_str(e.2);
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// True if the serial holds a Cyrillic or Greek letter (of the tables the folds read).
pub(crate) fn has_script_letter(s: &str) -> bool {
    !s.is_ascii()
        && s.chars().any(|c| {
            let u = c.to_uppercase().next().unwrap_or(c);
            CYRILLIC.iter().any(|e| e.0 == u) || GREEK.iter().any(|e| e.0 == u)
        })
}

/// Cyrillic and Greek capitals whose [`serial_key`] letter is their Latin twin by shape
/// (`В` → `B`, `Η` → `H`); the others' is their sound (`Л` → `L`, `Д` → `D`, `Λ` → `L`)
/// or nothing (`Ъ`, `Ь`).
const SHAPE_TWINS: &str = "АВЕЁЗІЇЈЅКМНОРСТУХΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";

/// True if `s` has a Cyrillic or Greek letter without a Latin twin by shape, which its
/// [`serial_key`] spells by sound (`ЛМ 017404` → `LM017404`): a match through that key
/// went through a transliteration.
pub(crate) fn has_sound_letter(s: &str) -> bool {
    // Only the serial as keyed: a label before it or a note after it (`AB-123456
    // (ствол)`) is no part of the key, nor of a match.
    !s.is_ascii()
        && strip_label(s).chars().any(|c| {
            let u = c.to_uppercase().next().unwrap_or(c);
            (CYRILLIC.iter().any(|e| e.0 == u) || GREEK.iter().any(|e| e.0 == u))
                && !SHAPE_TWINS.contains(u)
        })
}

/// Latin spellings of a Cyrillic letter that readers type for it by sound, longest
/// first (BGN/PCGN, and `H` for `Х` as ISO 9 and many registers write it), each with
/// the letter's spelling by shape (the [`serial_key`]'s).
const BY_SOUND: &[(&str, &str)] = &[
    ("SHCH", "SHCH"),
    ("KH", "X"),
    ("ZH", "ZH"),
    ("TS", "TS"),
    ("CH", "CH"),
    ("SH", "SH"),
    ("YU", "YU"),
    ("YA", "YA"),
    ("YO", "E"),
    ("V", "B"),
    ("N", "H"),
    ("R", "P"),
    ("S", "C"),
    ("U", "Y"),
    ("H", "X"),
    ("Z", "3"),
];

/// Latin letters a reader types for a Cyrillic letter by its shape, with the letter's
/// spellings by sound (BGN/PCGN), the likelier first: `B` is `В` (`V`) or `Б`
/// (`B`), `P` is `Р` (`R`) or `П`, `Y` is `У` (`U`) or `Ы`/`Й`. Letters typed for a
/// Cyrillic letter with no Latin twin (`W` for `Ш`, `R` for `Я`, `N` for `И`) are not
/// read back: on the third independent generator, whose checks type them so, they
/// found 2 more firearms in 3,000 and 5 more false hits in 7,000.
const BY_SHAPE: &[(u8, &[&str])] = &[
    (b'B', &["V", "B"]),
    (b'P', &["R", "P"]),
    (b'Y', &["U", "Y"]),
    (b'H', &["N"]),
    (b'C', &["S"]),
    (b'X', &["KH"]),
];

/// A serial written in Cyrillic copied by shape with its letters that have no Latin
/// twin too (`ЧН 4194` → `4H4194`, `РБ.823` → `P6823`), where that differs from its
/// [`serial_key`]: how a register that could not type the marking may hold it.
pub(crate) fn cyrillic_shape_reading(serial: &str) -> Option<String> {
    shape_fold(serial).filter(|shape| *shape != fold_serial(serial, Fold::Visual, false))
}

/// A serial with Cyrillic or Greek letters folded by shape (`None` for any other).
fn shape_fold(serial: &str) -> Option<String> {
    if serial.is_ascii() || !has_script_letter(serial) {
        return None;
    }
    Some(fold_serial(serial, Fold::Shape, false))
}

/// Most readings [`cyrillic_readings`] gives for one key: each is one more key a check
/// searches.
const MAX_READINGS: usize = 4;

/// The other spellings of a Latin serial key that may be a Cyrillic marking spelled in
/// Latin letters: read as spelled by sound, its spelling by shape (`VS1234` → `BC1234`,
/// `KKH9221` → `KX9221`); read as spelled by shape, its spellings by sound (`BC1234` →
/// `VS1234`, `BS1234`). Registers of Russian, Ukrainian or Bulgarian firearms hold both
/// kinds of spelling of one marking (`ВС 1234`), and either officer's must find the
/// other's. At most [`MAX_READINGS`], none equal to `key`; none for a key holding
/// anything but ASCII letters and digits, or no letter. (Crate-private: its unit test
/// `cyrillic_readings_spell_by_shape_and_by_sound` holds the examples.)
pub(crate) fn cyrillic_readings(key: &str) -> Vec<String> {
    let b = key.as_bytes();
    if !b.iter().all(u8::is_ascii_alphanumeric) || !b.iter().any(u8::is_ascii_uppercase) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let push = |s: String, out: &mut Vec<String>| {
        if s != key && !out.contains(&s) && out.len() < MAX_READINGS {
            out.push(s);
        }
    };
    // By sound → by shape: one reading.
    let mut shape = String::with_capacity(key.len());
    let mut i = 0;
    while i < b.len() {
        match BY_SOUND
            .iter()
            .find(|(sound, _)| b[i..].starts_with(sound.as_bytes()))
        {
            Some((sound, by_shape)) => {
                shape.push_str(by_shape);
                i += sound.len();
            }
            None => {
                shape.push(char::from(b[i]));
                i += 1;
            }
        }
    }
    push(shape, &mut out);
    // By shape → by sound: every letter at its likeliest reading first, then each
    // ambiguous letter at its other reading, one at a time.
    let choices: Vec<&[&str]> = b
        .iter()
        .map(|c| {
            BY_SHAPE
                .iter()
                .find(|(l, _)| l == c)
                .map_or(&[][..], |(_, r)| *r)
        })
        .collect();
    let spell = |alt: Option<usize>| -> String {
        let mut s = String::with_capacity(key.len() + 4);
        for (j, (&c, r)) in b.iter().zip(&choices).enumerate() {
            match r.len() {
                0 => s.push(char::from(c)),
                n => s.push_str(r[usize::from(alt == Some(j) && n > 1)]),
            }
        }
        s
    };
    push(spell(None), &mut out);
    for j in (0..b.len()).filter(|&j| choices[j].len() > 1) {
        push(spell(Some(j)), &mut out);
    }
    out
}

/// True for a character that NFKC leaves as it is whatever stands beside it, among
/// the others it is true for: ASCII, and the Cyrillic block's letters (not its
/// combining marks, U+0483–U+0489, which canonical ordering may move).
fn nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || (('\u{0400}'..='\u{04FF}').contains(&c) && !('\u{0483}'..='\u{0489}').contains(&c))
}

/// True if the serial holds characters that fold differently by shape and by sound.
fn has_transliterable(s: &str) -> bool {
    s.chars().any(|c| {
        let u = c.to_uppercase().next().unwrap_or(c);
        CYRILLIC
            .iter()
            .any(|e| e.0 == u && (e.1 != e.2 || e.1 != e.3))
            || GREEK.iter().any(|e| e.0 == u && e.1 != e.2)
    })
}

pub(crate) fn fold_serial(s: &str, fold: Fold, keep_wildcards: bool) -> String {
    let s = strip_label(s);
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Fast path: most serials are ASCII, and NFKC leaves ASCII unchanged.
        for b in s.bytes() {
            let c = b.to_ascii_uppercase() as char;
            if c.is_ascii_alphanumeric() || (keep_wildcards && (c == '?' || c == '*')) {
                out.push(c);
            }
        }
        return out;
    }
    // A serial of ASCII and Cyrillic letters (most non-ASCII serials) is its own NFKC
    // (the test `nfkc_leaves_cyrillic_letters_alone` checks every such character and
    // pair); the normalizer's buffering was half of folding such a serial.
    if s.chars().all(nfkc_stable) {
        fold_chars(s.chars(), fold, keep_wildcards, &mut out);
    } else {
        fold_chars(s.nfkc(), fold, keep_wildcards, &mut out);
    }
    out
}

/// [`fold_serial`] of a non-ASCII serial's characters, once in NFKC.
fn fold_chars(
    chars: impl Iterator<Item = char>,
    fold: Fold,
    keep_wildcards: bool,
    out: &mut String,
) {
    for c in chars.flat_map(char::to_uppercase) {
        if c.is_ascii() {
            push_folded(c, fold, keep_wildcards, out);
            continue;
        }
        // Keep Cyrillic/Greek letters whole (NFKD would split Й into И + breve), strip
        // the diacritics of everything else (É → E).
        if CYRILLIC.iter().any(|e| e.0 == c) || GREEK.iter().any(|e| e.0 == c) {
            push_folded(c, fold, keep_wildcards, out);
            continue;
        }
        for d in std::iter::once(c).nfkd().filter(|d| !is_combining_mark(*d)) {
            push_folded(d, fold, keep_wildcards, out);
        }
    }
}

/// What must follow a label for it to count as one.
#[derive(Clone, Copy, PartialEq)]
enum Follow {
    /// Anything: a sign never part of a serial (`№`, `S/N`).
    Any,
    /// Anything but a letter or digit: a word (`SERIAL`, `S.N.`).
    Boundary,
    /// A mark (`.`, `:`, `#`, `№`): a short word that may start a serial (`NO.` and
    /// `SN:` are labels, `NO12345`, `SN 12345` and `SN-12345` may be serials).
    Mark,
}

/// Labels that registers and officers write before a serial, uppercase, longest first.
const SERIAL_LABELS: &[(&str, Follow)] = &[
    ("SERIAL NUMBER", Follow::Boundary),
    ("SERIAL", Follow::Boundary),
    ("S/N", Follow::Any),
    ("S / N", Follow::Any),
    ("S.N", Follow::Boundary),
    ("SER", Follow::Mark),
    ("SN", Follow::Mark),
    ("NO", Follow::Mark),
    ("NR", Follow::Mark),
    ("NUMBER", Follow::Boundary),
    ("NUM", Follow::Mark),
    ("ЗАВ", Follow::Mark),
    ("№", Follow::Any),
    ("N°", Follow::Any),
    ("Nº", Follow::Any),
];

/// Version of the serial keys an index file stores: files that do not say are of
/// version 1, written before labels were dropped from serials (`S/N: 1234` was keyed
/// `SN1234`); version 2 kept a note after the serial (`1234 (frame)` was keyed
/// `1234FRAME`); version 3 had no copy by shape of a Cyrillic serial ([`index_keys`]).
/// Opening an older file re-keys the records whose keys changed since its version
/// ([`rekeyed_since`]).
pub(crate) const SERIAL_KEYS_VERSION: u32 = 4;

/// True if a record serial's keys differ from those an index file of `version` gave it.
pub(crate) fn rekeyed_since(version: u32, serial: &str) -> bool {
    (version < 3 && has_label(serial)) || (version < 4 && record_shape_key(serial).is_some())
}

/// True if the serial has a label before it or a note after it that its key drops.
fn has_label(serial: &str) -> bool {
    strip_label(serial).len() != serial.len()
}

/// The serial without the labels written before it and a note written after it.
fn strip_label(s: &str) -> &str {
    strip_note(strip_prefix_label(s))
}

/// The serial without a note in brackets after it (`1234 (frame)`, `AB1234 [slide]`,
/// `98765 (Rahmen)`): words of three letters or more and no digit, which no serial is
/// made of. A bracket holding a digit, a wildcard or fewer letters (`AB12(C)`) stays
/// part of the serial, and a note with nothing before it is what the serial is.
fn strip_note(s: &str) -> &str {
    let t = s.trim_end();
    let open = match t.as_bytes().last() {
        Some(b')') => '(',
        Some(b']') => '[',
        _ => return s,
    };
    let Some(at) = t.rfind(open) else {
        return s;
    };
    let note = &t[at + open.len_utf8()..t.len() - 1];
    let head = t[..at].trim_end();
    let letters = note.chars().filter(|c| c.is_alphabetic()).count();
    let words_only = note
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | ',' | '-' | '/'));
    if letters >= 3 && words_only && head.chars().any(char::is_alphanumeric) {
        head
    } else {
        s
    }
}

/// The serial without the labels written before it (`S/N: AB1234`, `Serial No. 1234`,
/// `№ 1234`, `Зав. № 1234`): they are never part of a serial. A label is dropped only
/// when it cannot be the serial's own start and a letter or digit follows it.
fn strip_prefix_label(s: &str) -> &str {
    strip_prefix_label_as(s, false)
}

/// A check's serial read with a short label word followed by a space dropped too
/// (`SN EV433350G`, `No W882306`, `SER NO 0252614`, `Serial No 675517`), when that
/// reading differs from the key's (which keeps such a word: `SN 12345` may be a
/// serial). A check searches both readings; records keep theirs. `None` where the
/// key drops the label already (`S/N 12345`) or there is none.
pub(crate) fn unmarked_label_reading(s: &str) -> Option<&str> {
    let loose = strip_note(strip_prefix_label_as(s, true));
    (loose.len() != strip_label(s).len()).then_some(loose)
}

/// [`strip_prefix_label`]; with `unmarked`, a label word that needs a mark after it
/// may be followed by a space instead.
fn strip_prefix_label_as(s: &str, unmarked: bool) -> &str {
    fn mark(c: char) -> bool {
        matches!(c, '.' | ':' | '#' | '№' | '-' | '=')
    }
    // Fast path: nearly every serial starts with a letter or digit no label starts with.
    match s.as_bytes().first() {
        None => return s,
        Some(b) if b.is_ascii_alphanumeric() && !matches!(b, b'S' | b's' | b'N' | b'n') => {
            return s
        }
        _ => {}
    }
    let mut rest = s;
    // `Serial No.: 1234` is two labels.
    for _ in 0..3 {
        let t = rest.trim_start();
        if !t.starts_with(['S', 's', 'N', 'n', 'З', 'з', '№']) {
            break;
        }
        let Some(after) = SERIAL_LABELS.iter().find_map(|&(label, follow)| {
            let mut chars = t.char_indices();
            for l in label.chars() {
                match chars.next() {
                    Some((_, c)) if c.to_uppercase().eq(std::iter::once(l)) => {}
                    _ => return None,
                }
            }
            let at = chars.next().map_or(t.len(), |(i, _)| i);
            let tail = &t[at..];
            let next = tail.chars().next();
            let ok = match follow {
                Follow::Any => true,
                Follow::Boundary => !next.is_some_and(char::is_alphanumeric),
                // `-` and `=` join serials (`SN-1234` may be one): no mark of a label.
                Follow::Mark => next.is_some_and(|c| {
                    (mark(c) && c != '-' && c != '=') || (unmarked && c.is_whitespace())
                }),
            };
            ok.then(|| tail.trim_start_matches(|c: char| mark(c) || c.is_whitespace()))
        }) else {
            break;
        };
        if !after.chars().any(char::is_alphanumeric) {
            // Nothing but labels: that text is what the serial is.
            return s;
        }
        rest = after;
    }
    rest
}

/// The serial key: the serial as it is compared and indexed.
///
/// ```
/// use armsmatch::serial_key;
/// assert_eq!(serial_key("ab-12 34/x"), "AB1234X");
/// assert_eq!(serial_key("ВС 1234"), "BC1234");      // Cyrillic by shape
/// assert_eq!(serial_key("ＡＢ１２３"), "AB123");      // full-width
/// assert_eq!(serial_key("١٢٣٤٥"), "12345");         // Arabic-Indic digits
/// assert_eq!(serial_key("S/N: ab-1234"), "AB1234");  // a label is no part of it
/// assert_eq!(serial_key("AB-1234 (frame)"), "AB1234"); // nor is a note after it
/// assert_eq!(serial_key("SN12345"), "SN12345");      // a prefix may be
/// ```
pub fn serial_key(serial: &str) -> String {
    fold_serial(serial, Fold::Visual, false)
}

/// All keys of a serial: the [`serial_key`] first, then its transliterations where they
/// differ (BGN/PCGN, ISO 9 and German/Duden for Cyrillic, ELOT for Greek). Duplicates
/// are removed.
///
/// ```
/// use armsmatch::serial_keys;
/// assert_eq!(serial_keys("ВС 1234"), vec!["BC1234", "VS1234", "WS1234"]);
/// assert_eq!(serial_keys("ХА-55"), vec!["XA55", "KHA55", "HA55", "CHA55"]);
/// assert_eq!(serial_keys("AB123"), vec!["AB123"]);
/// ```
pub fn serial_keys(serial: &str) -> Vec<String> {
    variants(serial, false)
}

pub(crate) fn variants(serial: &str, keep_wildcards: bool) -> Vec<String> {
    let mut keys = vec![fold_serial(serial, Fold::Visual, keep_wildcards)];
    if !serial.is_ascii() && has_transliterable(serial) {
        for fold in [Fold::Bgn, Fold::Iso9, Fold::German] {
            let k = fold_serial(serial, fold, keep_wildcards);
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// The keys a serial is indexed and searched under: its [`serial_keys`], plus each key
/// without the leading zeros of its digit runs ([`zero_free`]) when at least 4
/// characters remain. Registers and officers disagree on zero padding, of the whole
/// serial (`0012345`, NCIC drops the zeros) and of the number after a letter prefix
/// (`AB001234` for `AB1234`); meeting on the zero-free form, a check spends its edit
/// budget on real slips, not on zeros. Scoring still compares the full keys, so a hit
/// through a dropped zero is explained as such.
///
/// ```
/// assert_eq!(armsmatch::search_keys("00-12345"), vec!["0012345", "12345"]);
/// assert_eq!(armsmatch::search_keys("AB-001234"), vec!["AB001234", "AB1234"]);
/// assert_eq!(armsmatch::search_keys("0123"), vec!["0123"]);
/// ```
pub fn search_keys(serial: &str) -> Vec<String> {
    let mut keys = variants(serial, false);
    for i in 0..keys.len() {
        if let Some(stripped) = zero_free(&keys[i]) {
            if !keys.contains(&stripped) {
                keys.push(stripped);
            }
        }
    }
    keys
}

/// The keys a record's serial is indexed under: its [`search_keys`], and for a serial
/// written in Cyrillic with letters that have no Latin twin, its copy by shape too
/// (`ЧН 4194` → `4H4194`, `ЮР 7395` → `IOP7395`) with that copy's zero-free form. An
/// officer who cannot type the marking copies it so, and the check in Latin letters
/// then meets the record as written, with its full edit budget. A copy by shape longer
/// than [`crate::limits::MAX_KEY_CHARS`] is left out (the serial's own keys are not).
///
/// ```
/// use armsmatch::{index_keys, search_keys};
/// assert!(index_keys("ЧН 4194").contains(&"4H4194".to_string()));
/// assert!(index_keys("ЮР-07395").contains(&"IOP7395".to_string()));
/// // Letters with Latin twins are copied by shape already; Latin serials gain nothing.
/// assert_eq!(index_keys("ВС 1234"), search_keys("ВС 1234"));
/// assert_eq!(index_keys("AB-001234"), search_keys("AB-001234"));
/// ```
pub fn index_keys(serial: &str) -> Vec<String> {
    let mut keys = search_keys(serial);
    if let Some(shape) = record_shape_key(serial) {
        let stripped = zero_free(&shape);
        for k in std::iter::once(shape).chain(stripped) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// A record serial's keys as scoring compares them: its [`variants`], then its copy by
/// shape ([`index_keys`]), if it has one that is not among them (then `true`).
pub(crate) fn record_variants(serial: &str) -> (Vec<String>, bool) {
    let mut keys = variants(serial, false);
    // The fold by shape, not `record_shape_key`, which folds the serial by sight again
    // to compare (asked of every candidate; `keys[0]` is that fold).
    match shape_fold(serial).filter(|k| fits_key(k)) {
        Some(shape) if !keys.contains(&shape) => {
            keys.push(shape);
            (keys, true)
        }
        _ => (keys, false),
    }
}

/// The copy by shape [`index_keys`] adds, if any.
fn record_shape_key(serial: &str) -> Option<String> {
    cyrillic_shape_reading(serial).filter(|k| fits_key(k))
}

/// True if a copy by shape is short enough to be indexed.
fn fits_key(key: &str) -> bool {
    key.len() <= crate::limits::MAX_KEY_CHARS
}

/// A key (or partial-serial pattern) without the zeros that lead its digit runs, or
/// `None` when it has none to drop or fewer than 4 characters would remain. A run
/// starts the key or follows a letter (not a wildcard, which may stand for a digit);
/// its zeros are dropped only when a digit 1–9 follows them (`A00B` and `A000` keep
/// theirs: there is nothing they pad), so a wildcard after a zero keeps it too.
///
/// ```
/// use armsmatch::zero_free;
/// assert_eq!(zero_free("0012345").as_deref(), Some("12345"));
/// assert_eq!(zero_free("U0354833").as_deref(), Some("U354833"));
/// assert_eq!(zero_free("012AB0070").as_deref(), Some("12AB70"));
/// assert_eq!(zero_free("0AB123"), None); // a zero before letters pads no number
/// assert_eq!(zero_free("AB1020"), None); // no run starts with a zero
/// assert_eq!(zero_free("A00B"), None);
/// assert_eq!(zero_free("1?0456"), None); // the `?` may be a digit
/// assert_eq!(zero_free("04?3866").as_deref(), Some("4?3866"));
/// assert_eq!(zero_free("0123"), None); // 3 characters would remain
/// ```
pub fn zero_free(key: &str) -> Option<String> {
    if !key.as_bytes().contains(&b'0') {
        return None;
    }
    let b = key.as_bytes();
    let (out, dropped) = drop_padding(
        key,
        |i| i == 0 || b[i - 1].is_ascii_alphabetic(),
        |next| matches!(next, Some(b'1'..=b'9')),
    );
    (dropped && out.chars().count() >= 4).then_some(out)
}

/// `key` without the zero runs that start where `starts_run(i)` says a number starts
/// and are followed by a byte `pads(next)` accepts; and whether any was dropped. The
/// one loop behind [`zero_free`] and the looser form of [`padding_forms`].
fn drop_padding(
    key: &str,
    starts_run: impl Fn(usize) -> bool,
    pads: impl Fn(Option<&u8>) -> bool,
) -> (String, bool) {
    let b = key.as_bytes();
    let mut out = String::with_capacity(key.len());
    let mut dropped = false;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0' && starts_run(i) {
            let zeros = b[i..].iter().take_while(|&&c| c == b'0').count();
            if pads(b.get(i + zeros)) {
                dropped = true;
            } else {
                // Nothing padded: keep the zeros as they are.
                out.push_str(&key[i..i + zeros]);
            }
            i += zeros;
            continue;
        }
        // Keys are ASCII after folding, but a pattern or key may still carry other
        // characters: copy whole chars.
        let ch = key[i..].chars().next().unwrap_or_default();
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    (out, dropped)
}

/// Most characters of a number's leading run that [`padding_forms`] reads as padding.
const MAX_PADDING: usize = 4;

/// The other forms of a partial serial's key (`?`, `*` kept) that zero padding
/// explains, each with the number of wildcards it reads as an obliterated padding zero
/// (dropped from the form): the [`zero_free`] form; a looser one that also drops the
/// zeros after a `?` (which may stand for a letter: `C?0991832` for `CR991832` padded
/// after its prefix) or before one (`M0?84678?`); and the forms without the `?`s that
/// stand where padding zeros were (`?565650` for `0565650`, `AB?1234` for `AB01234`,
/// `0?984?515` for `009848515`).
/// Forms of fewer than 4 characters are left out.
pub(crate) fn padding_forms(pattern: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut push = |form: String, dropped: usize| {
        if form != pattern && form.chars().count() >= 4 && !out.iter().any(|(f, _)| *f == form) {
            out.push((form, dropped));
        }
    };
    if let Some(z) = zero_free(pattern) {
        push(z, 0);
    }
    let b = pattern.as_bytes();
    // A run starts the key, or follows a letter or a `?` that may be one (a `?` that
    // starts the key or follows a letter or such a `?`: part of a letter prefix; in
    // `1000??020` neither `?` is).
    let mut prefix_wild = vec![false; b.len()];
    for i in 0..b.len() {
        prefix_wild[i] =
            b[i] == b'?' && (i == 0 || b[i - 1].is_ascii_alphabetic() || prefix_wild[i - 1]);
    }
    let letter_like = |i: usize| b[i].is_ascii_alphabetic() || prefix_wild[i];
    let starts_run = |i: usize| i == 0 || letter_like(i - 1);
    // The looser zero-free form.
    let (loose, _) = drop_padding(pattern, starts_run, |next| {
        matches!(next, Some(b'1'..=b'9' | b'?'))
    });
    push(loose, 0);
    // `?`s where padding zeros were: a number's leading run of zeros and `?`s (at the
    // start, or after a letter) read as padding up to a `?` or a digit 1–9, with at
    // least one `?` in it (`?565650` for `0565650`, `AB?01234` for `AB001234`,
    // `0?984?515` for `009848515`, `DBA??10` for `DBA0610`).
    for s in (0..b.len()).filter(|&s| s == 0 || b[s - 1].is_ascii_alphabetic()) {
        let run = b[s..]
            .iter()
            .take_while(|&&c| c == b'0' || c == b'?')
            .count();
        let mut wild = 0;
        for j in 1..=run.min(MAX_PADDING) {
            wild += usize::from(b[s + j - 1] == b'?');
            if wild > 0 && matches!(b.get(s + j), Some(b'1'..=b'9' | b'?')) {
                push(format!("{}{}", &pattern[..s], &pattern[s + j..]), wild);
            }
        }
    }
    out
}

/// The class representative of one key character in the confusable skeleton.
///
/// ```
/// assert_eq!(armsmatch::skeleton_char('O'), '0');
/// assert_eq!(armsmatch::skeleton_char('L'), '1');
/// assert_eq!(armsmatch::skeleton_char('K'), 'K');
/// ```
pub fn skeleton_char(c: char) -> char {
    SKELETON_TABLE
        .get(c as usize)
        .map_or(c, |&b| if b == 0 { c } else { b as char })
}

const SKELETON_TABLE: [u8; 128] = build_skeleton_table();

const fn build_skeleton_table() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < CONFUSABLE_CLASSES.len() {
        let class = CONFUSABLE_CLASSES[i].as_bytes();
        let mut j = 0;
        while j < class.len() {
            t[class[j] as usize] = class[0];
            j += 1;
        }
        i += 1;
    }
    t
}

/// The confusable skeleton of a serial: its [`serial_key`] with every character
/// replaced by the representative of its [`CONFUSABLE_CLASSES`] class. Two serials that
/// differ only by commonly confused characters have the same skeleton.
///
/// ```
/// use armsmatch::skeleton;
/// assert_eq!(skeleton("BO-1234"), skeleton("80 I234"));
/// assert_eq!(skeleton("SZ-0Q"), "5200");
/// ```
pub fn skeleton(serial: &str) -> String {
    skeleton_of_key(&serial_key(serial))
}

/// Skeleton of a string that is already a key (wildcards pass through unchanged).
pub(crate) fn skeleton_of_key(key: &str) -> String {
    key.chars().map(skeleton_char).collect()
}

/// True if a serial means "no serial": empty after normalization, a known placeholder
/// ([`PLACEHOLDER_SERIALS`]), or one character repeated (`000000`, `XXXX`, `0O0O`).
/// A record with such a serial can still be found by its other fields but never
/// produces a serial hit.
///
/// ```
/// use armsmatch::is_placeholder_serial;
/// for s in ["UNK", "unknown", "N/A", "0", "000000", "--", "xxxx"] {
///     assert!(is_placeholder_serial(s), "{s}");
/// }
/// for s in ["sans numéro", "ohne Nr.", "matricola abrasa", "ground off", "Б/Н", "без номера"] {
///     assert!(is_placeholder_serial(s), "{s}");
/// }
/// assert!(!is_placeholder_serial("A1234"));
/// ```
pub fn is_placeholder_serial(serial: &str) -> bool {
    placeholder(serial, &serial_key(serial))
}

/// [`is_placeholder_serial`] given the serial and its already computed key.
pub(crate) fn placeholder(serial: &str, key: &str) -> bool {
    if key_is_placeholder(key) {
        return true;
    }
    // `без номера`, `Б/Н`, `άγνωστο`: words in Cyrillic or Greek, as transliterated
    // (words have no digits: a serial with one is spared the transliterations; its
    // key's digits may be letters read by shape, `З` → `3`).
    if !serial.is_ascii()
        && !serial.bytes().any(|b| b.is_ascii_digit())
        && search_keys(serial)
            .iter()
            .skip(1)
            .any(|k| PLACEHOLDER_SERIALS.contains(&k.as_str()))
    {
        return true;
    }
    // One letter repeated in a script that folds to several Latin letters (ЖЖЖ).
    let mut chars = serial
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase);
    let first = chars.next();
    first.is_some() && chars.all(|c| Some(c) == first)
}

fn key_is_placeholder(key: &str) -> bool {
    if key.is_empty() || PLACEHOLDER_SERIALS.contains(&key) {
        return true;
    }
    let mut sk = key.chars().map(skeleton_char);
    let first = sk.next();
    sk.all(|c| Some(c) == first)
}

/// Words that do not distinguish one manufacturer from another.
const NAME_STOP_WORDS: &[&str] = &[
    "INC",
    "LLC",
    "LTD",
    "CO",
    "CORP",
    "CORPORATION",
    "COMPANY",
    "GMBH",
    "AG",
    "SA",
    "SPA",
    "SRL",
    "KG",
    "AB",
    "AS",
    "OY",
    "PLC",
    "LIMITED",
    "AND",
    "THE",
];

/// The comparison key of a make, model or calibre name: NFKD with diacritics dropped,
/// uppercase, `×` read as `X`, `&` and punctuation dropped, corporate suffixes and
/// "and" dropped, words joined.
///
/// ```
/// use armsmatch::name_key;
/// assert_eq!(name_key("Smith & Wesson, Inc."), "SMITHWESSON");
/// assert_eq!(name_key("Smith and Wesson"), "SMITHWESSON");
/// assert_eq!(name_key("Česká zbrojovka"), "CESKAZBROJOVKA");
/// assert_eq!(name_key("9×19 mm"), "9X19MM");
/// ```
pub fn name_key(name: &str) -> String {
    name_words(name).concat()
}

/// The words of a name, as [`name_key`] sees them (stop words dropped unless nothing
/// else is left).
pub(crate) fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in name.nfkd().filter(|c| !is_combining_mark(*c)) {
        let c = if c == '×' { 'X' } else { c };
        if c == '.' && word.chars().all(|w| w.is_ascii_digit()) && !word.is_empty() {
            // Keep "5.56" one word; "Co." still splits.
            continue;
        }
        if c.is_alphanumeric() {
            word.extend(c.to_uppercase());
        } else {
            flush(&mut word, &mut words);
        }
    }
    flush(&mut word, &mut words);
    if words.iter().all(|w| NAME_STOP_WORDS.contains(&w.as_str())) {
        return words;
    }
    words
        .into_iter()
        .filter(|w| !NAME_STOP_WORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn nfkc_leaves_cyrillic_letters_alone() {
        use unicode_normalization::UnicodeNormalization;
        let stable: Vec<char> = ('\u{0}'..='\u{04FF}')
            .filter(|&c| super::nfkc_stable(c))
            .collect();
        assert!(stable.contains(&'Ж') && stable.contains(&'й') && !stable.contains(&'\u{0483}'));
        let mut pairs = 0;
        for &a in &stable {
            let one = a.to_string();
            assert_eq!(one.nfkc().collect::<String>(), one, "{a:?}");
            for &b in &stable {
                let two: String = [a, b].into_iter().collect();
                assert_eq!(two.nfkc().collect::<String>(), two, "{a:?} {b:?}");
                pairs += 1;
            }
        }
        assert!(pairs > 100_000, "{pairs}");
    }

    #[test]
    fn record_variants_are_the_variants_and_the_copy_by_shape() {
        for s in [
            "ЧН 4194",
            "ЮР-07395",
            "ВС 1234",
            "ХА-55",
            "AB-001234",
            "ΑΒ 1234",
            "Ж 123",
            "ЖЖЖ",
            "É123",
            "№ ЛМ 017404",
            "",
        ] {
            let mut want = super::variants(s, false);
            let copied = match super::record_shape_key(s) {
                Some(shape) if !want.contains(&shape) => {
                    want.push(shape);
                    true
                }
                _ => false,
            };
            assert_eq!(super::record_variants(s), (want, copied), "{s}");
        }
    }

    #[test]
    fn a_cyrillic_serial_copied_by_shape_with_its_letters_that_have_no_twin() {
        use super::cyrillic_shape_reading as r;
        assert_eq!(r("ЧН 4194").as_deref(), Some("4H4194"));
        assert_eq!(r("РБ.823").as_deref(), Some("P6823"));
        assert_eq!(r("ТП-5633").as_deref(), Some("TII5633"));
        // Only twins (the serial key already), Latin, or nothing Cyrillic: none.
        assert_eq!(r("ВС 1234"), None);
        assert_eq!(r("BC1234"), None);
        assert_eq!(r("Ä1234"), None);
    }

    #[test]
    fn cyrillic_readings_spell_by_shape_and_by_sound() {
        use super::cyrillic_readings as r;
        // By sound → by shape, and the by-sound reading of that key's letters.
        assert_eq!(r("VS1234"), ["BC1234"]);
        assert_eq!(r("VU4348"), ["BY4348"]);
        // BGN's digraph is one letter: К + Х, not К + К + Н.
        assert_eq!(r("KKH922186")[0], "KX922186");
        // By shape → by sound, the likelier reading first.
        assert_eq!(r("BC1234"), ["VS1234", "BS1234"]);
        assert_eq!(r("PK4458"), ["RK4458"]);
        assert_eq!(r("BY4348"), ["VU4348", "BU4348", "VY4348"]);
        // Nothing to read, or nothing but digits: no readings.
        assert!(r("AK4711").is_empty());
        assert!(r("12345").is_empty());
        assert!(r("ab12").is_empty());
        // Never more than the cap, never the key itself.
        let many = r("BPYBPY12");
        assert!(many.len() <= super::MAX_READINGS && !many.contains(&"BPYBPY12".to_string()));
    }

    #[test]
    fn labels_before_a_serial_are_dropped_and_serials_kept() {
        for (text, key) in [
            ("S/N ABC1234", "ABC1234"),
            ("s/n: abc1234", "ABC1234"),
            ("S / N - ABC1234", "ABC1234"),
            ("S.N. 12345", "12345"),
            ("SN: 12345", "12345"),
            ("SN#12345", "12345"),
            ("Serial 12345", "12345"),
            ("Serial No. 12345", "12345"),
            ("SERIAL NUMBER: 12345", "12345"),
            ("Ser. No. 12345", "12345"),
            ("No. 12345", "12345"),
            ("Nr.: 12345", "12345"),
            ("№ 12345", "12345"),
            ("N° 12345", "12345"),
            ("Nº12345", "12345"),
            ("Зав. № АК1234", "AK1234"),
            ("S/N *1234", "1234"),
            ("S/N123456", "123456"),
            // Possibly the serial's own start: kept.
            ("SN12345", "SN12345"),
            ("SN 12345", "SN12345"),
            ("SN-12345", "SN12345"),
            ("NO12345", "NO12345"),
            ("No 12345", "NO12345"),
            ("SERIALX1", "SERIALX1"),
            ("NUMBERS1", "NUMBERS1"),
            ("SER1234", "SER1234"),
            // Nothing but a label: kept, not emptied.
            ("S/N", "SN"),
            ("Serial No.", "SERIALNO"),
            ("№", "NO"),
        ] {
            assert_eq!(super::serial_key(text), key, "{text:?}");
        }
        assert_eq!(
            super::fold_serial("S/N: *12?4", super::Fold::Visual, true),
            "*12?4"
        );
    }

    #[test]
    fn a_note_after_a_serial_is_dropped_and_serials_kept() {
        for (text, key) in [
            ("12345 (frame)", "12345"),
            ("AB-1234 [slide]", "AB1234"),
            ("98765 (Rahmen)", "98765"),
            ("98765 (ствольная коробка)", "98765"),
            ("4521 (partial, obliterated)", "4521"),
            ("S/N: 7788 (receiver)", "7788"),
            ("123456(barrel)  ", "123456"),
            // Part of the serial, or nothing but a note: kept.
            ("AB12(C)", "AB12C"),
            ("AB12 (CD)", "AB12CD"),
            ("1234 (56)", "123456"),
            ("1234 (A1B)", "1234A1B"),
            ("12?4 (???)", "124"),
            ("(frame)", "FRAME"),
            ("(frame) 12345", "FRAME12345"),
        ] {
            assert_eq!(super::serial_key(text), key, "{text:?}");
        }
        assert!(super::has_label("12345 (frame)") && !super::has_label("AB12(C)"));
        assert_eq!(
            super::fold_serial("12?45 (frame)", super::Fold::Visual, true),
            "12?45"
        );
    }

    use super::*;

    macro_rules! key_cases {
        ($($name:ident: $input:expr => $want:expr,)*) => {$(
            #[test]
            fn $name() { assert_eq!(serial_key($input), $want); }
        )*};
    }

    key_cases! {
        key_lowercase: "ab12" => "AB12",
        key_separators: " A-B.1/2_3 " => "AB123",
        key_cyrillic_visual: "ВС1234" => "BC1234",
        key_cyrillic_lower: "вс1234" => "BC1234",
        key_greek_visual: "ΑΒ-123" => "AB123",
        key_fullwidth: "ＡＢ１２" => "AB12",
        key_diacritics: "ÉÑ12" => "EN12",
        key_devanagari_digits: "AB१२३" => "AB123",
        key_cjk_dropped: "AB中12" => "AB12",
        key_emoji_dropped: "A🔫1" => "A1",
        key_nul_dropped: "A\u{0}1" => "A1",
        key_combining: "A\u{301}1" => "A1",
        key_ligature: "ﬁ12" => "FI12",
    }

    #[test]
    fn transliterations() {
        assert_eq!(serial_keys("ВС1234"), ["BC1234", "VS1234", "WS1234"]);
        assert_eq!(serial_keys("ЖХ12"), ["ZHX12", "ZHKH12", "ZH12", "SHCH12"]);
        assert_eq!(
            serial_keys("ЧХ 6280"),
            ["CHX6280", "CHKH6280", "CH6280", "TSCHCH6280"]
        );
        assert_eq!(serial_keys("ΒΗ12"), ["BH12", "VI12"]);
        assert_eq!(serial_keys("AB12"), ["AB12"]);
        // Cyrillic letters that look and sound alike give one key.
        assert_eq!(serial_keys("АМ12"), ["AM12"]);
    }

    #[test]
    fn skeleton_classes_cover_the_issue_list() {
        for (a, b) in [
            ('O', '0'),
            ('Q', '0'),
            ('D', '0'),
            ('I', '1'),
            ('L', '1'),
            ('S', '5'),
            ('B', '8'),
            ('Z', '2'),
            ('G', '6'),
            ('U', 'V'),
        ] {
            assert_eq!(skeleton_char(a), skeleton_char(b), "{a}/{b}");
        }
        assert_ne!(skeleton_char('A'), skeleton_char('4'));
        assert_ne!(skeleton_char('3'), skeleton_char('8'));
    }

    #[test]
    fn classes_are_disjoint() {
        let mut seen = std::collections::HashSet::new();
        for c in CONFUSABLE_CLASSES.iter().flat_map(|c| c.chars()) {
            assert!(seen.insert(c), "{c} in two classes");
        }
    }

    #[test]
    fn placeholders() {
        for s in [
            "",
            "UNK",
            "unknown",
            "N/A",
            "none",
            "0",
            "000000",
            "OOOO",
            "0O0O",
            "-",
            "ЖЖЖ",
            "s/n",
            "no serial",
        ] {
            assert!(is_placeholder_serial(s), "{s:?}");
        }
        for s in ["A1", "10", "UNK1", "NONE2", "ВС1234"] {
            assert!(!is_placeholder_serial(s), "{s:?}");
        }
    }

    #[test]
    fn wildcards_kept_only_when_asked() {
        assert_eq!(fold_serial("ab?1*", Fold::Visual, true), "AB?1*");
        assert_eq!(fold_serial("ab?1*", Fold::Visual, false), "AB1");
    }

    #[test]
    fn name_keys() {
        assert_eq!(name_key("S&W"), "SW");
        assert_eq!(name_key("Heckler & Koch GmbH"), "HECKLERKOCH");
        assert_eq!(name_key(".380 ACP"), "380ACP");
        assert_eq!(name_key("5.56×45mm NATO"), "556X45MMNATO");
        assert_eq!(name_key("Co."), "CO");
        assert_eq!(name_key("Ижмаш"), "ИЖМАШ");
    }

    #[test]
    fn a_label_word_before_a_space_is_a_second_reading() {
        for (serial, want) in [
            ("SER NO 0252614", Some("0252614")),
            ("SN EV433350G", Some("EV433350G")),
            ("No W88230?", Some("W88230?")),
            ("Serial No 675517", Some("675517")),
            ("nr 1234 (frame)", Some("1234")),
            // The key drops these already, or there is no label.
            ("S/N 12345", None),
            ("SN: 12345", None),
            ("No. 12345", None),
            ("SN12345", None),
            ("SN-12345", None),
            ("AB 12345", None),
        ] {
            assert_eq!(unmarked_label_reading(serial), want, "{serial}");
        }
    }

    #[test]
    fn padding_forms_read_zeros_and_wildcards_as_padding() {
        let forms = |p: &str| padding_forms(p);
        // The strict zero-free form, and the `?` at the start read as a padding zero.
        assert_eq!(
            forms("?0565650"),
            [("?565650".to_string(), 0), ("565650".to_string(), 1)]
        );
        assert_eq!(forms("?565650"), [("565650".to_string(), 1)]);
        // Zeros after a `?` of a letter prefix, or before a `?`.
        // (`C991832` padded to `C00991832`, its first zero obliterated, is one too.)
        assert_eq!(
            forms("C?0991832"),
            [("C?991832".to_string(), 0), ("C991832".to_string(), 1)]
        );
        assert_eq!(
            forms("M0?84678?"),
            [("M?84678?".to_string(), 0), ("M84678?".to_string(), 1)]
        );
        // Padding zeros partly obliterated: any `?` of the leading run may be one.
        assert_eq!(
            forms("0?984?515"),
            [("?984?515".to_string(), 0), ("984?515".to_string(), 1)]
        );
        assert_eq!(
            forms("DBA??10"),
            [("DBA?10".to_string(), 1), ("DBA10".to_string(), 2)]
        );
        assert_eq!(
            forms("AB?01234"),
            [("AB?1234".to_string(), 0), ("AB1234".to_string(), 1)]
        );
        // A `?` between digits is no prefix letter; nothing pads `?12` in `1?12`.
        assert!(forms("661?03").is_empty());
        assert!(forms("1?12*").is_empty());
        // Forms under 4 characters are left out.
        assert!(forms("?012").is_empty());
    }
}
