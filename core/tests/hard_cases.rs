//! The hard cases of a firearm check, each through the public API with the default
//! options (AUTO edit budget, top 10, the default threshold on the calibrated score):
//! Cyrillic markings entered visually or transliterated, letters embedded between
//! digits, leading zeros, one serial under many makes, very short serials, and
//! wildcard-only or mostly-wildcard checks.

use armsmatch::{
    calibrate, CheckOptions, Edit, EditShape, Error, FieldMatch, Hit, Index, Query, Record,
    Reference, SerialMatch, DEFAULT_THRESHOLD,
};

fn index(records: &[(&str, &str, Option<&str>)]) -> Index {
    let mut b = Index::builder();
    for &(id, serial, make) in records {
        let mut r = Record::new(id, serial);
        if let Some(m) = make {
            r = r.make(m);
        }
        b.add(r).unwrap();
    }
    b.build().unwrap()
}

fn check(index: &Index, q: Query) -> Vec<Hit> {
    index.check(&q, &CheckOptions::default()).unwrap()
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.record.id.as_str()).collect()
}

/// Every returned hit honours the default threshold and its score is its calibrated
/// evidence (shared with the other serials a partial serial matches).
fn consistent(hits: &[Hit]) {
    for h in hits {
        assert!(h.score >= DEFAULT_THRESHOLD, "{h:?}");
        assert_eq!(h.score, h.explanation.probability(), "{h:?}");
        if h.explanation.shared_with == 0 {
            assert_eq!(h.score, calibrate(h.explanation.evidence()), "{h:?}");
        }
    }
}

#[test]
fn a_cyrillic_marking_is_found_as_written_seen_or_transliterated() {
    let ix = index(&[
        ("RUS-1", "ВС 1234", Some("Izhmash")),
        ("RUS-2", "ХА 5555", Some("Izhmash")),
        ("RUS-3", "ЖУ 7777", Some("Izhmash")),
    ]);
    // As marked (Cyrillic), as it looks (Latin look-alikes), as transliterated (BGN
    // or ISO 9: В→V, С→S, Х→KH or H, Ж→ZH, У→U).
    for (q, id, translit) in [
        ("ВС1234", "RUS-1", false),
        ("BC-1234", "RUS-1", false),
        ("VS 1234", "RUS-1", true),
        ("XA5555", "RUS-2", false),
        ("KHA5555", "RUS-2", true),
        ("HA5555", "RUS-2", true),
        ("ZHU7777", "RUS-3", true),
    ] {
        let hits = check(&ix, Query::new(q).make("Izhmash"));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q}");
        let e = &hits[0].explanation.serial;
        assert_eq!(e.kind, SerialMatch::Normalized, "{q}");
        assert_eq!(e.transliterated, translit, "{q}");
        assert!(hits[0].score > 0.95, "{q}: {}", hits[0].score);
    }
}

#[test]
fn a_cyrillic_letter_without_a_latin_twin_is_reported_as_transliterated() {
    // `Л` and `Д` look like no Latin letter: the key spells them by sound (`L`, `D`),
    // so a match between Cyrillic and Latin writing went through a transliteration,
    // whichever side was Cyrillic. Letters with a Latin twin (`М`, `К`) are copied by
    // shape, and two Cyrillic writings meet as written.
    let ix = index(&[
        ("RUS-1", "ЛМ 017404", Some("Izhmash")),
        ("LAT-1", "DK 552190", Some("Izhmash")),
        ("RUS-2", "МК 330071", Some("Izhmash")),
    ]);
    for (q, id, translit) in [
        ("LM017404", "RUS-1", true),
        ("ЛМ-017404", "RUS-1", false),
        ("ДК 552190", "LAT-1", true),
        ("дк552190", "LAT-1", true),
        ("MK330071", "RUS-2", false),
    ] {
        let hits = check(&ix, Query::new(q).make("Izhmash"));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q}");
        let e = &hits[0].explanation.serial;
        assert_eq!(e.kind, SerialMatch::Normalized, "{q}");
        assert_eq!(e.transliterated, translit, "{q}");
        assert!(
            hits[0].explanation.to_string().contains("transliterated") == translit,
            "{q}: {}",
            hits[0].explanation
        );
    }
    // A partial check too.
    let hits = check(&ix, Query::new("ДК 5521?0").make("Izhmash"));
    assert_eq!(ids(&hits), ["LAT-1"]);
    assert!(hits[0].explanation.serial.transliterated);
    // A note in Cyrillic after a Latin serial is no part of it: no transliteration.
    let noted = index(&[("N-1", "AB-123456 (ствол)", Some("Izhmash"))]);
    let hits = check(&noted, Query::new("AB123456").make("Izhmash"));
    assert_eq!(ids(&hits), ["N-1"]);
    assert!(
        !hits[0].explanation.serial.transliterated,
        "{}",
        hits[0].explanation
    );
    let hits = check(&ix, Query::new("DK552190 (ствол)").make("Izhmash"));
    assert!(
        !hits[0].explanation.serial.transliterated,
        "{}",
        hits[0].explanation
    );
}

#[test]
fn a_model_of_the_same_family_is_similar_where_the_reference_says_so() {
    // A register that writes one version of a family for another (the AKM, the AK-47's
    // modernization, as AK-47) lists them as `related` in its reference: they then
    // compare as similar, and other models of the make stay different. The embedded
    // reference lists no family.
    let family = Reference::from_toml_str(
        "[[make]]\nname = \"Kalashnikov Concern\"\n\
         [[make.model]]\nname = \"AKM\"\nrelated = [\"AK 47\"]\n\
         [[make.model]]\nname = \"AK-47\"\n\
         [[make]]\nname = \"Heckler & Koch\"\n\
         [[make.model]]\nname = \"G3\"\nrelated = [\"HK91\"]\n\
         [[make.model]]\nname = \"HK91\"\n",
    )
    .unwrap();
    let mut extended = Reference::embedded().clone();
    extended.extend(family.data().clone()).unwrap();
    // A family given under a model's alias (`10` for S&W's `Model 10`) extends that
    // model rather than adding another.
    let models = |r: &Reference| {
        r.data()
            .make
            .iter()
            .find(|m| m.name == "Smith & Wesson")
            .map_or(0, |m| m.model.len())
    };
    let before = models(&extended);
    let by_alias = armsmatch::ReferenceData {
        make: vec![armsmatch::MakeEntry {
            name: "Smith & Wesson".into(),
            model: vec![armsmatch::ModelEntry {
                name: "10".into(),
                related: vec!["64".into()],
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    extended.extend(by_alias).unwrap();
    assert_eq!(models(&extended), before);
    for (make, checked, registered, embedded, listed) in [
        (
            "Kalashnikov",
            "AKM",
            "AK-47",
            FieldMatch::Different,
            FieldMatch::Similar,
        ),
        (
            "Izhmash",
            "АКМС",
            "AK 47",
            FieldMatch::Different,
            FieldMatch::Similar,
        ),
        (
            "Kalashnikov",
            "AKM",
            "AK-74",
            FieldMatch::Different,
            FieldMatch::Different,
        ),
        (
            "Heckler & Koch",
            "HK91",
            "G3",
            FieldMatch::Different,
            FieldMatch::Similar,
        ),
        (
            "Glock",
            "17",
            "19",
            FieldMatch::Different,
            FieldMatch::Different,
        ),
        (
            "S&W",
            "Model 10",
            "Model 64",
            FieldMatch::Different,
            FieldMatch::Similar,
        ),
    ] {
        for (reference, want) in [
            (Reference::embedded().clone(), embedded),
            (extended.clone(), listed),
        ] {
            let mut b = armsmatch::IndexBuilder::with_reference(std::sync::Arc::new(reference));
            b.add(Record::new("R1", "AB123456").make(make).model(registered))
                .unwrap();
            let ix = b.build().unwrap();
            let hits = check(&ix, Query::new("AB123456").make(make).model(checked));
            assert_eq!(
                hits[0].explanation.model, want,
                "{make} {checked} vs {registered}"
            );
            // The reference is stored in the index: reopened, it compares alike.
            let reopened = Index::from_bytes(ix.to_bytes().unwrap()).unwrap();
            let again = check(&reopened, Query::new("AB123456").make(make).model(checked));
            assert_eq!(
                again[0].explanation.model, want,
                "reopened: {make} {checked}"
            );
        }
    }
}

#[test]
fn a_letter_between_digits_is_ignored_as_ncic_does() {
    let ix = index(&[
        ("C-1", "369257", Some("Colt")),
        ("C-2", "4812K77", Some("Colt")),
    ]);
    // The check has a letter the record lacks, and the other way round.
    for (q, id, letter) in [("369J257", "C-1", 'J'), ("481277", "C-2", 'K')] {
        let hits = check(&ix, Query::new(q).make("Colt"));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q}");
        let edits = &hits[0].explanation.serial.edits;
        assert_eq!(edits.len(), 1, "{q}: {edits:?}");
        assert!(
            matches!(edits[0], Edit::Insertion { check, .. } | Edit::Deletion { record: check, .. } if check == letter),
            "{q}: {edits:?}"
        );
        // Stronger than an arbitrary dropped digit in the same place.
        assert!(hits[0].score > 0.5, "{q}: {}", hits[0].score);
    }
}

#[test]
fn leading_zeros_added_or_dropped_still_match() {
    let ix = index(&[
        ("C-1", "0012345", Some("Colt")),
        ("C-2", "98765", Some("Colt")),
    ]);
    for (q, id) in [("12345", "C-1"), ("012345", "C-1"), ("0098765", "C-2")] {
        let hits = check(&ix, Query::new(q).make("Colt"));
        consistent(&hits);
        assert_eq!(ids(&hits)[0], id, "{q}");
    }
    // A zero dropped inside the serial is an ordinary edit, dearer than a leading one.
    let ix = index(&[
        ("L-1", "0712345", Some("Colt")),
        ("L-2", "7102345", Some("Colt")),
    ]);
    let hits = check(&ix, Query::new("712345").make("Colt"));
    consistent(&hits);
    assert_eq!(ids(&hits), ["L-1", "L-2"]);
    assert!(hits[0].score > hits[1].score, "{hits:?}");
}

#[test]
fn zero_padding_after_a_prefix_or_beside_other_slips_still_matches() {
    let ix = index(&[
        ("S-1", "U354833", Some("Sako")),
        ("S-2", "22913", Some("Star")),
        ("S-3", "KK009455", Some("Smith & Wesson")),
        ("S-4", "483866", Some("Norinco")),
        ("S-5", "U393524", Some("SIG Sauer")),
    ]);
    for (q, make, id) in [
        // The number after a letter prefix padded, or not.
        ("U0354833", "Sako", "S-1"),
        ("KK9455", "Smith & Wesson", "S-3"),
        // Three padding zeros and a slip of the finger: the zeros do not use up the edit
        // budget (one padding costs as one leading zero).
        ("00032913", "Star", "S-2"),
        // A padding zero after the prefix and a slip.
        ("U0354838", "Sako", "S-1"),
        // Padding in a partial serial, on either side.
        ("04?3866", "Norinco", "S-4"),
        ("U039352?", "SIG Sauer", "S-5"),
    ] {
        let hits = check(&ix, Query::new(q).make(make));
        consistent(&hits);
        assert_eq!(ids(&hits).first(), Some(&id), "{q}: {hits:?}");
    }
    // A zero padding one number is dearer inside another: `U3054833` is not padded.
    let padded = check(&ix, Query::new("U0354833").make("Sako"));
    let inner = check(&ix, Query::new("U3054833").make("Sako"));
    assert!(padded[0].score > inner.first().map_or(0.0, |h| h.score));
}

#[test]
fn a_make_the_reference_does_not_know_is_no_evidence_of_another_firearm() {
    let mut b = Index::builder();
    b.add(Record::new("G-1", "BSDN123").make("Glock").model("19"))
        .unwrap();
    let ix = b.build().unwrap();
    let make_of = |make: &str, model: &str| {
        let hits = check(&ix, Query::new("BSDN123").make(make).model(model));
        consistent(&hits);
        hits.first().map(|h| (h.explanation.make, h.score))
    };
    // An unknown name with the record make's model: the reference cannot tell.
    let (unknown, score) = make_of("Zorkiy Handelsgesellschaft", "19").unwrap();
    assert_eq!(unknown, armsmatch::FieldMatch::Unknown);
    assert!(score > 0.9, "{score}");
    // Two known, different makes are evidence of another firearm …
    let other = make_of("Beretta", "19");
    assert!(other.is_none_or(|(m, s)| m == FieldMatch::Different && s < 0.5));
    // … and so is an unknown name whose model is not the record make's.
    let other = make_of("Zorkiy Handelsgesellschaft", "Px4 Storm");
    assert!(other.is_none_or(|(m, s)| m == FieldMatch::Different && s < 0.5));
}

#[test]
fn a_make_of_the_same_corporate_family_naming_the_same_model_is_not_another_firearm() {
    let mut b = Index::builder();
    b.add(
        Record::new("CH-1", "UU312297")
            .make("SIG Sauer")
            .model("P229"),
    )
    .unwrap();
    b.add(
        Record::new("US-1", "KPL4411")
            .make("Smith & Wesson")
            .model("M&P9"),
    )
    .unwrap();
    let ix = b.build().unwrap();
    let top = |serial: &str, make: &str, model: &str| {
        let hits = check(&ix, Query::new(serial).make(make).model(model));
        consistent(&hits);
        hits.first().map(|h| (h.explanation.make, h.score))
    };
    // The Swiss sister company (SIG's arms division, Swiss Arms) on a SIG Sauer model.
    let (make, score) = top("UU312297", "SIG Swiss Arms", "P-229").unwrap();
    assert_eq!(make, armsmatch::FieldMatch::Similar);
    assert!(score > 0.9, "{score}");
    // SIG spelled out is the name the brand carries: the same make.
    let (make, _) = top("UU312297", "Schweizerische Industrie-Gesellschaft", "P-229").unwrap();
    assert_eq!(make, armsmatch::FieldMatch::Alias);
    // A related make with another model is still another firearm's make: Walther and
    // Smith & Wesson share the PPK, not the M&P.
    let other = top("KPL4411", "Walther", "PPK");
    assert!(other.is_none_or(|(m, s)| m == FieldMatch::Different && s < 0.5));
    // An unrelated make with the same model name is too.
    let other = top("UU312297", "Glock", "P229");
    assert!(other.is_none_or(|(m, s)| m == FieldMatch::Different && s < 0.5));
}

#[test]
fn a_handwritten_digit_misread_costs_less_than_an_arbitrary_digit_but_more_in_the_tail() {
    use armsmatch::distance::cost;
    let cost_of = |check: &str, record: &str| armsmatch::Alignment::new(check, record).cost;
    // A closed 4 read as 9, a round 5 as 6: cheaper than another digit …
    assert_eq!(cost_of("D595146", "D545146"), cost::DIGIT_MISREAD);
    assert_eq!(cost_of("D565146", "D555146"), cost::DIGIT_MISREAD);
    assert!(cost_of("D525146", "D545146") > cost::DIGIT_MISREAD);
    // … dearer than a letter misread (a misread digit is another valid serial) …
    assert_eq!(cost_of("HN4411", "HH4411"), cost::RARE_CONFUSION);
    assert!(cost_of("HN4411", "HH4411") < cost_of("D595146", "D545146"));
    // … and in the last three places a sibling's serial as often as a slip.
    assert_eq!(cost_of("D545196", "D545146"), cost::SIBLING_SLIP);
    assert_eq!(cost_of("D545126", "D545146"), cost::SIBLING_DIGIT);
    let ix = index(&[("NEF-1", "D545146", Some("New England Firearms"))]);
    let hits = check(&ix, Query::new("D595146").make("New England Firearms"));
    consistent(&hits);
    assert_eq!(ids(&hits), ["NEF-1"]);
}

#[test]
fn two_slips_of_the_hand_are_a_better_lead_than_two_digits_of_a_sibling() {
    let mut b = Index::builder();
    b.add(Record::new("G-1", "KP4417829").make("Glock").model("19"))
        .unwrap();
    let ix = b.build().unwrap();
    let opts = CheckOptions {
        threshold: 0.0,
        ..CheckOptions::default()
    };
    let one = |serial: &str| {
        let hits = ix
            .check(&Query::new(serial).make("Glock").model("19"), &opts)
            .unwrap();
        assert_eq!(ids(&hits), ["G-1"], "{serial}");
        hits.into_iter().next().unwrap()
    };
    // The same two edits' worth (a digit added and a neighbouring key, 0.8 + 0.8; two
    // neighbouring keys, 0.8 + 0.8): a slip changes the length, a sibling serial of
    // the batch only its digits, in place.
    let slip = one("KP43418829");
    let sibling = one("KP4518829");
    assert_eq!(
        EditShape::of(&slip.explanation.serial.edits),
        EditShape::Slip
    );
    assert_eq!(
        EditShape::of(&sibling.explanation.serial.edits),
        EditShape::Sibling
    );
    assert!(slip.score >= DEFAULT_THRESHOLD, "{slip:?}");
    assert!(slip.score > 2.0 * sibling.score, "{slip:?} {sibling:?}");
    assert!(slip.explanation.to_string().contains("shaped like a slip"));
    assert!(sibling
        .explanation
        .to_string()
        .contains("shaped like a sibling"));
}

#[test]
fn a_placeholder_make_model_or_calibre_is_no_evidence_either_way() {
    let mut b = Index::builder();
    b.add(
        Record::new("R-1", "XK998877")
            .make("Glock")
            .model("19")
            .calibre("9mm"),
    )
    .unwrap();
    b.add(
        Record::new("R-2", "QP445566")
            .make("Unknown")
            .model("N/A")
            .calibre("unk"),
    )
    .unwrap();
    let ix = b.build().unwrap();
    let exact = check(&ix, Query::new("XK998877")).remove(0);
    for (make, model, calibre) in [
        ("Unknown", "19", "9mm"),
        ("UNK", "N/A", "Not stated"),
        ("unbekannt", "-", "?"),
        ("Неизвестно", "unknown model", "n.k."),
    ] {
        let hits = check(
            &ix,
            Query::new("XK998877")
                .make(make)
                .model(model)
                .calibre(calibre),
        );
        consistent(&hits);
        assert_eq!(ids(&hits), ["R-1"], "{make}");
        let e = &hits[0].explanation;
        assert_eq!(e.make, armsmatch::FieldMatch::Unknown, "{make}");
        assert_ne!(e.model, FieldMatch::Different, "{model}");
        assert_ne!(e.calibre, FieldMatch::Different, "{calibre}");
        assert!(hits[0].score >= exact.score * 0.99, "{hits:?}");
    }
    // The register's placeholder is no other make either.
    let hits = check(
        &ix,
        Query::new("QP445566")
            .make("Beretta")
            .model("92")
            .calibre("9mm"),
    );
    consistent(&hits);
    assert_eq!(ids(&hits), ["R-2"]);
    assert!(hits[0].score > 0.9, "{hits:?}");
}

#[test]
fn one_serial_under_many_makes_without_a_make_returns_them_all() {
    let ix = index(&[
        ("G-1", "123456", Some("Glock")),
        ("B-1", "123456", Some("Beretta")),
        ("K-1", "123456", Some("Colt")),
        ("K-2", "123457", Some("Colt")),
    ]);
    // No make: every exact serial is a lead, equally strong, in record id order; the
    // one-digit sibling ranks below them.
    let hits = check(&ix, Query::new("123456"));
    consistent(&hits);
    assert_eq!(&ids(&hits)[..3], ["B-1", "G-1", "K-1"]);
    assert!(hits[0].score == hits[1].score && hits[1].score == hits[2].score);
    assert!(hits.get(3).is_none_or(|h| h.score < hits[0].score));
    // With a make, that make's record alone is a hit: the others fall under the
    // threshold (an exact serial under another make is rarely the same firearm).
    let hits = check(&ix, Query::new("123456").make("Beretta"));
    consistent(&hits);
    assert_eq!(ids(&hits), ["B-1"]);
    let all = ix
        .check(
            &Query::new("123456").make("Beretta"),
            &CheckOptions::default().threshold(0.0),
        )
        .unwrap();
    assert!(all.len() >= 3 && all[1].score < 0.01, "{all:?}");
}

#[test]
fn a_model_that_agrees_names_the_make_a_check_left_blank() {
    // The same serial under two makes; the check gives no make but a model only one
    // of them makes (`642-2` is a Smith & Wesson revolver).
    let mut b = Index::builder();
    b.add(
        Record::new("SW-1", "AB12345")
            .make("Smith & Wesson")
            .model("642-2"),
    )
    .unwrap();
    b.add(Record::new("BE-1", "AB12345").make("Bersa")).unwrap();
    b.add(
        Record::new("AS-1", "AB12345")
            .make("Astra")
            .model("Model 600"),
    )
    .unwrap();
    let ix = b.build().unwrap();
    let all = CheckOptions::default().threshold(0.0);
    let blank = ix
        .check(&Query::new("AB12346").model("642-2"), &all)
        .unwrap();
    assert_eq!(ids(&blank), ["SW-1", "BE-1", "AS-1"], "{blank:?}");
    let e = &blank[0].explanation;
    assert_eq!((e.make, e.model), (FieldMatch::Unknown, FieldMatch::Same));
    // Nearly the weight of an agreeing make and model, never more.
    let named = ix
        .check(&Query::new("AB12346").make("S&W").model("642-2"), &all)
        .unwrap();
    let f = named[0].explanation.identity_factor;
    assert!(
        e.identity_factor <= f && e.identity_factor >= 0.95 * f,
        "{e:?}"
    );
    // Well above a record that names no model, which says nothing either way.
    assert!(e.identity_factor > 1.1 * blank[1].explanation.identity_factor);
    assert!(blank[0].score > blank[1].score && blank[1].score > blank[2].score);
}

#[test]
fn a_design_written_as_the_make_meets_the_factories_that_made_it() {
    // Registers write the design for the factory: `Kalashnikov` or `AK` for any
    // AK-pattern rifle, `Tokarev` for a Zastava M57, `Luger` for a DWM P08.
    let mut b = Index::builder();
    for (id, serial, make, model, calibre) in [
        ("NOR-1", "QK987302", "Norinco", "Type 56", "7.62x39"),
        ("ZAS-1", "ZM57123", "Zastava", "M57", "7.62x25"),
        ("DWM-1", "DW1234", "DWM", "P08", "9mm"),
        ("GLK-1", "GL55443", "Glock", "19", "9mm"),
        // Makers of a design, but of firearms that are not it.
        ("REM-1", "RM870123", "Remington", "870", "12 ga"),
        ("MAU-1", "MA98123", "Mauser", "98k", "7.92x57"),
        ("NOR-2", "NP22123", "Norinco", "NP-22", "9mm"),
        ("ZAS-2", "XQ70999", "Zastava", "M70", "7.62x39"),
    ] {
        b.add(
            Record::new(id, serial)
                .make(make)
                .model(model)
                .calibre(calibre),
        )
        .unwrap();
    }
    let ix = b.build().unwrap();
    for (q, id) in [
        (
            Query::new("QK987302")
                .make("Kalashnikov")
                .calibre("7.62x39"),
            "NOR-1",
        ),
        (Query::new("QK987302").make("AK"), "NOR-1"),
        (Query::new("QK987302").make("Калашников"), "NOR-1"),
        (
            Query::new("ZM57123").make("Tokarev").calibre("7.62x25"),
            "ZAS-1",
        ),
        (Query::new("DW1234").make("Luger").model("P08"), "DWM-1"),
    ] {
        let hits = check(&ix, q.clone());
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q:?}");
        assert_eq!(hits[0].explanation.make, FieldMatch::Similar, "{q:?}");
    }
    // The design's company by its own name is a company: Kalashnikov Concern did not
    // make a Norinco. And a design against a maker that never made it stays different.
    let all = CheckOptions::default().threshold(0.0);
    for (q, id) in [
        (Query::new("QK987302").make("Kalashnikov Concern"), "NOR-1"),
        (Query::new("GL55443").make("Kalashnikov"), "GLK-1"),
        (Query::new("GL55443").make("Tokarev"), "GLK-1"),
        // A model that disagrees names another firearm: the design does not bridge it.
        (
            Query::new("QK987302").make("Kalashnikov").model("AKS-74U"),
            "NOR-1",
        ),
        // Nor does a maker's firearm of another calibre than the design's.
        (Query::new("RM870123").make("Mosin"), "REM-1"),
        (Query::new("MA98123").make("Luger"), "MAU-1"),
        (Query::new("NP22123").make("Kalashnikov"), "NOR-2"),
        (Query::new("XQ70999").make("Tokarev"), "ZAS-2"),
        (Query::new("QK987302").make("Makarov"), "NOR-1"),
    ] {
        let hits = ix.check(&q, &all).unwrap();
        assert_eq!(hits[0].record.id, id, "{q:?}");
        assert_eq!(hits[0].explanation.make, FieldMatch::Different, "{q:?}");
        assert!(hits.iter().all(|h| h.score < DEFAULT_THRESHOLD), "{hits:?}");
    }
}

#[test]
fn very_short_serials_match_exactly_and_weigh_less() {
    let ix = index(&[
        ("S-1", "123", Some("Colt")),
        ("S-2", "A17", Some("Colt")),
        ("L-1", "AB98765432", Some("Colt")),
    ]);
    // No edits at all on short keys: "124" is not "123".
    assert!(check(&ix, Query::new("124").make("Colt")).is_empty());
    let short = check(&ix, Query::new("123").make("Colt"));
    consistent(&short);
    assert_eq!(ids(&short), ["S-1"]);
    // An exact short serial says less than an exact long one: short serials are common.
    let long = check(&ix, Query::new("AB98765432").make("Colt"));
    assert!(short[0].score < long[0].score);
    // Even case and separators count as one key: "a-17" is "A17".
    assert_eq!(ids(&check(&ix, Query::new("a-17").make("Colt"))), ["S-2"]);
}

#[test]
fn a_four_character_copy_missing_a_character_is_found() {
    // A dropped character is the commonest slip in copying a serial, and it leaves the
    // copy short: four characters get one edit (three get none).
    let mut b = Index::builder();
    for r in [
        Record::new("W-1", "W0289")
            .make("Webley")
            .model("Model 700"),
        Record::new("R-1", "17140")
            .make("Royal Small Arms Factory")
            .model("No. 2 Mk I"),
        Record::new("O-1", "58213").make("Beretta").model("92FS"),
    ] {
        b.add(r).unwrap();
    }
    let ix = b.build().unwrap();
    for (serial, make, model, id) in [
        ("W028", "Webley", "Model 700", "W-1"),
        ("1740", "Royal Small Arms Factory", "No. 2 Mk I", "R-1"),
    ] {
        let hits = check(&ix, Query::new(serial).make(make).model(model));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{serial}");
        assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Fuzzy);
        assert_eq!(hits[0].explanation.serial.distance, 1);
    }
    // Three characters are matched exactly only.
    let opts = CheckOptions::default().threshold(0.0);
    assert!(ix
        .check(&Query::new("W02").make("Webley"), &opts)
        .unwrap()
        .is_empty());
    // One edit, not two: "8231" is two edits from "58213".
    assert!(ix
        .check(&Query::new("8231").make("Beretta"), &opts)
        .unwrap()
        .is_empty());
}

#[test]
fn a_copy_short_of_two_characters_gets_the_budget_of_the_serial_as_marked() {
    // Two dropped characters make a 6–7 character serial a 4–5 character copy: the pair
    // gets the budget of the longer key (two edits), whichever side is the copy, in the
    // built index and in records added after it.
    let opts = CheckOptions::default().threshold(0.0);
    let mut b = Index::builder();
    b.add(Record::new("P-1", "P883461").make("Beretta"))
        .unwrap();
    b.add(Record::new("D-1", "DHV584").make("CZ")).unwrap();
    b.add(Record::new("S-1", "P8341").make("Walther")).unwrap();
    b.add(Record::new("A-1", "AB123").make("Glock")).unwrap();
    let ix = b.build().unwrap();
    ix.insert(Record::new("L-1", "K774218").make("Ruger"))
        .unwrap();
    for (serial, make, id) in [
        ("P8341", "Beretta", "P-1"),
        ("DHV5", "CZ", "D-1"),
        ("P883461", "Walther", "S-1"),
        ("K7428", "Ruger", "L-1"),
    ] {
        let hits = ix.check(&Query::new(serial).make(make), &opts).unwrap();
        let hit = hits.iter().find(|h| h.record.id == id);
        let hit = hit.unwrap_or_else(|| panic!("{serial} does not find {id}: {hits:?}"));
        assert_eq!(hit.explanation.serial.distance, 2, "{serial}");
        assert_eq!(hit.explanation.serial.kind, SerialMatch::Fuzzy);
    }
    // Two keys of five characters stay within one edit: `BA132` is two from `AB123`.
    let hits = ix.check(&Query::new("BA132").make("Glock"), &opts).unwrap();
    assert!(hits.iter().all(|h| h.record.id != "A-1"), "{hits:?}");
    // A fixed budget holds for every pair.
    let one = CheckOptions::default().threshold(0.0).max_edits(1);
    let hits = ix
        .check(&Query::new("P8341").make("Beretta"), &one)
        .unwrap();
    assert!(hits.iter().all(|h| h.record.id != "P-1"), "{hits:?}");
}

#[test]
fn of_two_hits_scored_alike_the_one_written_as_the_check_ranks_first() {
    // Two registered serials the partial serial matches equally, under one make
    // written two ways (an alias scores as the same name): the record that names the
    // make as the check does comes first, whatever the ids' order.
    let mut b = Index::builder();
    b.add(Record::new("A-1", "HX7536").make("Izhmash")).unwrap();
    b.add(Record::new("B-1", "AX7536").make("Kalashnikov Concern"))
        .unwrap();
    let ix = b.build().unwrap();
    let opts = CheckOptions::default().threshold(0.0);
    for (make, first) in [("Kalashnikov Concern", "B-1"), ("Izhmash", "A-1")] {
        let hits = ix.check(&Query::new("*X7536").make(make), &opts).unwrap();
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(hits[0].score, hits[1].score);
        assert_eq!(hits[0].record.id, first, "{make}: {hits:?}");
        assert_eq!(hits[0].explanation.make, FieldMatch::Same);
        assert_eq!(hits[1].explanation.make, FieldMatch::Alias);
    }
}

#[test]
fn wildcard_only_checks_are_refused_with_a_clear_message() {
    let ix = index(&[("C-1", "0012345", Some("Colt"))]);
    for q in ["*", "****", "???", "?*?", "A?*?", "1??*"] {
        let err = ix
            .check(&Query::new(q).make("Colt"), &CheckOptions::default())
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{q}: {err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("known characters") && msg.contains("at least 3"),
            "{q}: {msg}"
        );
    }
}

#[test]
fn an_obliterated_character_where_a_padding_zero_was_still_matches() {
    // Register and officer disagree on zero padding, and the check's serial has an
    // obliterated character: the `?` may stand where the padding zero was, or the
    // padding may follow a `?` that stands for a letter of the prefix.
    let ix = index(&[
        ("P-1", "565650", Some("Bersa")),
        ("P-2", "CR991832", Some("Colt")),
        ("P-3", "CDP848", Some("Glock")),
        ("P-4", "M2846784", Some("Remington")),
        ("P-5", "89642", Some("MAS")),
        ("P-6", "204VZ9896", Some("Browning")),
        ("P-9", "9848515", Some("Verney-Carron")),
        ("P-10", "DBA610", Some("Glock")),
        ("P-11", "247134", Some("Colt")),
    ]);
    for (q, make, id) in [
        ("?565650", "Bersa", "P-1"),
        ("?0565650", "Bersa", "P-1"),
        ("?204VZ9896", "Browning", "P-6"),
        ("C?0991832", "Colt", "P-2"),
        ("CD?0848", "Glock", "P-3"),
        ("M0?84678?", "Remington", "P-4"),
        ("00089?42", "MAS", "P-5"),
        // Padding of two zeros, one or both obliterated, beside another hole.
        ("0?984?515", "Verney-Carron", "P-9"),
        ("DBA??10", "Glock", "P-10"),
        // Without its padding zero, two holes and four known characters.
        ("02?71?4", "Colt", "P-11"),
    ] {
        let hits = check(&ix, Query::new(q).make(make));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q}: {hits:?}");
        assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Partial, "{q}");
    }
    // Read as a padding zero, the `?` is a character the check does not know: the hit
    // is weaker than the pattern meeting a serial of its own length.
    let ix = index(&[
        ("P-1", "565650", Some("Bersa")),
        ("P-7", "7565650", Some("Bersa")),
    ]);
    let hits = check(&ix, Query::new("?565650").make("Bersa"));
    consistent(&hits);
    assert_eq!(ids(&hits), ["P-7", "P-1"], "{hits:?}");
    assert!(hits[0].score > hits[1].score, "{hits:?}");
    // A `?` between digits is no letter of a prefix: the zero after it is kept.
    let ix = index(&[("P-8", "66133", Some("Hatsan"))]);
    assert!(check(&ix, Query::new("661?03").make("Hatsan")).is_empty());
}

#[test]
fn mostly_wildcard_checks_are_capped_far_below_a_full_serial() {
    let ix = index(&[
        ("C-1", "0012345", Some("Colt")),
        ("C-2", "123456", Some("Colt")),
    ]);
    // Three known characters of six or seven: leads, but weak ones — under a coin
    // toss, and far under the same serial with one character unknown.
    let few = check(&ix, Query::new("12?4*").make("Colt"));
    consistent(&few);
    assert_eq!(ids(&few), ["C-1", "C-2"]);
    assert!(few.iter().all(|h| h.score < 0.5), "{few:?}");
    let one = check(&ix, Query::new("00123?5").make("Colt"));
    consistent(&one);
    assert_eq!(ids(&one), ["C-1"]);
    assert!(one[0].score > 0.9 && one[0].score > 2.0 * few[0].score);
    // Without the make, the same pattern is weaker still.
    let bare = check(&ix, Query::new("12?4*"));
    consistent(&bare);
    assert!(bare.iter().all(|h| h.score < few[0].score), "{bare:?}");
}

#[test]
fn a_cyrillic_marking_transliterated_the_german_way_is_found() {
    let ix = index(&[
        ("RUS-1", "ЧХ 6280", Some("Tula")),
        ("RUS-2", "ХВ 4849", Some("Tula")),
        ("RUS-3", "ЖЯ 29765", Some("Izhmash")),
    ]);
    // Duden: Ч→TSCH, Х→CH, В→W, Ж→SH, Я→JA, as an officer in Germany or Austria
    // writes a Russian marking.
    for (q, make, id) in [
        ("TSCHCH 6280", "Tula", "RUS-1"),
        ("CHW4849", "Tula", "RUS-2"),
        ("SHJA29765", "Izhmash", "RUS-3"),
    ] {
        let hits = check(&ix, Query::new(q).make(make));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q}");
        assert_eq!(
            hits[0].explanation.serial.kind,
            SerialMatch::Normalized,
            "{q}"
        );
        assert!(hits[0].explanation.serial.transliterated, "{q}");
    }
}

#[test]
fn two_cyrillic_markings_are_compared_as_written_not_through_two_transliterations() {
    let ix = index(&[
        ("RUS-1", "ЧП 3644", Some("Izhmash")),
        ("RUS-2", "ГТ 0528", Some("Izhmash")),
        ("RUS-3", "ХП 3644", Some("Izhmash")),
    ]);
    let opts = CheckOptions::default().threshold(0.0);
    let score_of = |q: &str, id: &str| {
        ix.check(&Query::new(q).make("Izhmash"), &opts)
            .unwrap()
            .into_iter()
            .find(|h| h.record.id == id)
            .map_or(0.0, |h| h.score)
    };
    // `Х` the German way (`CH`) is `Ч` the English way, and ISO 9 spells `Ц` as `C`,
    // a misreading of `G` (`Г`) in Latin: no reader of the Cyrillic confuses them.
    assert_eq!(score_of("ХП364*", "RUS-1"), 0.0);
    assert!(score_of("ЦТ0528", "RUS-2") < DEFAULT_THRESHOLD);
    assert!(score_of("ЕХ 3644", "RUS-1") < DEFAULT_THRESHOLD);
    // As written, the same marking is found, and a Latin spelling of it still meets
    // the record through the transliterations.
    let hits = check(&ix, Query::new("ХП-3644").make("Izhmash"));
    consistent(&hits);
    assert_eq!(ids(&hits)[0], "RUS-3");
    assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Normalized);
    assert!(!hits[0].explanation.serial.transliterated);
    for q in ["ХП364*", "CHP3644", "TSCHP 3644"] {
        let hits = check(&ix, Query::new(q).make("Izhmash"));
        consistent(&hits);
        assert_eq!(
            ids(&hits)[0],
            if q.starts_with('Х') {
                "RUS-3"
            } else {
                "RUS-1"
            },
            "{q}"
        );
    }
}

#[test]
fn a_partial_serial_matching_a_batch_shares_its_probability_the_same_way_every_time() {
    let mut b = Index::builder();
    // Serials of several lengths, models matching or not: odds that differ, so the
    // shared score depends on summing them the same way.
    let models = ["M&P9", "Shield", "M&P40", "SD9VE"];
    for i in 0..40 {
        let serial = format!("UMG2{}", 7 * i + i * i * 31);
        let r = Record::new(format!("B-{i:02}"), serial).make("Smith & Wesson");
        b.add(r.model(models[i % 4])).unwrap();
    }
    let ix = b.build().unwrap();
    let q = Query::new("UMG2*").make("S&W").model("M&P9");
    let opts = CheckOptions::default().threshold(0.0).top(100);
    let hits = ix.check(&q, &opts).unwrap();
    assert_eq!(hits.len(), 40);
    // Forty serials of one batch: none is a likely lead on its own, and together they
    // are at most certain.
    let distinct: std::collections::BTreeSet<u32> =
        hits.iter().map(|h| h.score.to_bits()).collect();
    assert!(distinct.len() > 2, "the odds should differ");
    let total: f32 = hits.iter().map(|h| h.score).sum();
    assert!(total <= 1.0 + 1e-4, "{total}");
    for h in &hits {
        assert_eq!(h.explanation.shared_with, 39);
        assert!(h.score < calibrate(h.explanation.evidence()), "{h:?}");
        assert!(h
            .explanation
            .to_string()
            .contains("shared with 39 other serials"));
    }
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // At the default threshold only the likeliest are left.
    assert!(check(&ix, q.clone()).len() < 40);
    // The same answer, bit for bit, every time and in a batch.
    for _ in 0..5 {
        assert_eq!(ix.check(&q, &opts).unwrap(), hits);
    }
    let many = ix.check_many(std::slice::from_ref(&q), &opts);
    assert_eq!(many[0].as_ref().unwrap(), &hits);
}

#[test]
fn two_reports_of_one_serial_are_no_rivals_under_a_partial_serial() {
    // One serial reported twice (the second report describes the firearm less well):
    // a partial check matching that serial alone scores each report as its evidence
    // says, as the full serial does; the stronger report takes nothing from the weaker.
    let mut b = Index::builder();
    b.add(
        Record::new("THA-1", "508640")
            .make("Sturm, Ruger & Co.")
            .model("PC Carbine")
            .calibre("9mm"),
    )
    .unwrap();
    b.add(Record::new("MKD-1", "508640").make("Ruger").calibre("9mm"))
        .unwrap();
    b.add(Record::new("XXX-1", "508650").make("Ruger").calibre("9mm"))
        .unwrap();
    let ix = b.build().unwrap();
    let opts = CheckOptions::default().threshold(0.0);
    let q = Query::new("?08640")
        .make("Sturm Rugar")
        .model("PC Carbine")
        .calibre("9x19mm Parabellum");
    let hits = ix.check(&q, &opts).unwrap();
    assert_eq!(ids(&hits), ["THA-1", "MKD-1"]);
    for h in &hits {
        let e = &h.explanation;
        assert_eq!((e.shared_with, e.rival_odds), (0, 0.0), "{h:?}");
        assert_eq!(h.score, calibrate(e.evidence()), "{h:?}");
    }
    assert!(hits[1].score > 0.9, "{:?}", hits[1]);
    // A pattern matching another serial too: each report shares with that serial only.
    let hits = ix
        .check(&Query::new("5086?0").make("Ruger"), &opts)
        .unwrap();
    assert_eq!(hits.len(), 3);
    let rival = hits.iter().find(|r| r.record.id == "XXX-1").unwrap();
    let odds = |h: &Hit| {
        let p = calibrate(h.explanation.evidence()).min(0.9999);
        p / (1.0 - p)
    };
    for h in hits.iter().filter(|h| h.record.serial == "508640") {
        assert_eq!(h.explanation.shared_with, 1, "{h:?}");
        let want = odds(rival);
        assert!(
            (h.explanation.rival_odds - want).abs() <= 1e-4 * want.max(1.0),
            "{h:?}"
        );
    }
    // The other serial's rival is this serial's best report.
    let best = hits
        .iter()
        .filter(|h| h.record.serial == "508640")
        .map(odds)
        .fold(0.0, f32::max);
    assert!(
        (rival.explanation.rival_odds - best).abs() <= 1e-4 * best.max(1.0),
        "{rival:?}"
    );
}

#[test]
fn a_star_for_obliterated_characters_ranks_records_that_have_characters_there_first() {
    let ix = index(&[
        ("S-1", "62650", Some("Star")),
        ("S-2", "862650", Some("Star")),
        ("S-3", "9962650", Some("Star")),
    ]);
    let opts = CheckOptions {
        threshold: 0.0,
        ..CheckOptions::default()
    };
    let no_char = |h: &Hit| h.explanation.to_string().contains("* for no character");
    // `*` is any run, the empty one too: all three are found; but the record with
    // nothing where the check saw obliterated characters comes last.
    let hits = ix.check(&Query::new("*62650").make("Star"), &opts).unwrap();
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert_eq!(hits[2].record.id, "S-1", "{hits:?}");
    assert!(hits[2].score < 0.5 * hits[1].score, "{hits:?}");

    assert!(no_char(&hits[2]) && !no_char(&hits[0]) && !no_char(&hits[1]));
    // A star inside the serial, the same.
    let hits = ix.check(&Query::new("62*650").make("Star"), &opts).unwrap();
    assert_eq!(ids(&hits), ["S-1"]);
    assert!(no_char(&hits[0]));
    let empty = hits[0].score;
    let hits = ix.check(&Query::new("6265*0").make("Star"), &opts).unwrap();
    assert_eq!(hits[0].score, empty);
    // The same record against a pattern whose star covers a character scores higher.
    let hits = ix.check(&Query::new("62*50").make("Star"), &opts).unwrap();
    assert_eq!(ids(&hits), ["S-1"]);
    assert!(!no_char(&hits[0]) && hits[0].score > empty, "{hits:?}");
}

#[test]
fn a_star_where_the_register_has_nothing_is_still_a_lead() {
    // An officer marks a ground-off end or start with `*`; the register holds the
    // serial without it. With make, model and calibre agreeing that is a lead to
    // confirm, not a silent miss, for a `*` at either end or inside.
    let mut b = Index::builder();
    b.add(
        Record::new("G-1", "AB123456")
            .make("Glock")
            .model("19")
            .calibre("9mm"),
    )
    .unwrap();
    let ix = b.build().unwrap();
    for serial in ["*AB123456", "AB123456*", "AB*123456"] {
        let q = Query::new(serial).make("Glock").model("19").calibre("9mm");
        let hits = check(&ix, q);
        consistent(&hits);
        assert_eq!(ids(&hits), ["G-1"], "{serial}: {hits:?}");
        assert!(
            hits[0]
                .explanation
                .to_string()
                .contains("* for no character"),
            "{hits:?}"
        );
    }
    // A record with characters where the `*` stands ranks first and, the far likelier
    // of the two, takes nearly all of the probability they share.
    let mut b = Index::builder();
    for (id, serial) in [("G-1", "AB123456"), ("G-2", "XAB123456")] {
        b.add(
            Record::new(id, serial)
                .make("Glock")
                .model("19")
                .calibre("9mm"),
        )
        .unwrap();
    }
    let ix = b.build().unwrap();
    let q = Query::new("*AB123456")
        .make("Glock")
        .model("19")
        .calibre("9mm");
    let opts = CheckOptions {
        threshold: 0.0,
        ..CheckOptions::default()
    };
    let hits = ix.check(&q, &opts).unwrap();
    assert_eq!(ids(&hits), ["G-2", "G-1"], "{hits:?}");
    assert!(hits[0].score > 0.9 && hits[1].score < 0.1, "{hits:?}");
}

#[test]
fn a_partial_serial_read_through_a_confusable_ranks_below_one_read_as_written() {
    let ix = index(&[
        ("W-1", "HB122627", Some("Walther")),
        ("W-2", "HBL22627", Some("Walther")),
    ]);
    let opts = CheckOptions {
        threshold: 0.0,
        ..CheckOptions::default()
    };
    // `L` matches `1` by its confusable class: still found, but priced as a misreading
    // (the star lets the rest fall anywhere), and the record that has the `L` comes first.
    let hits = ix
        .check(&Query::new("*L22627").make("Walther"), &opts)
        .unwrap();
    assert_eq!(ids(&hits), ["W-2", "W-1"], "{hits:?}");
    assert!(hits[1].score < hits[0].score, "{hits:?}");
    let why = hits[1].explanation.to_string();
    assert!(why.contains("1 confusable character, ×0.8 each"), "{why}");
    assert!(!hits[0]
        .explanation
        .to_string()
        .contains("confusable character"));
}

/// A file written before labels were dropped from serials (by armsmatch 0.1.0 at
/// 6f7a319: `S/N 4321` keyed `SN4321`) opens with those records re-keyed: the checks
/// that found them before still do, and so do checks without the label.
#[test]
fn an_index_written_before_labels_were_dropped_still_finds_labelled_serials() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/labelled-serials-0.1.0-6f7a319.armsidx"
    );
    let index = Index::open(fixture).unwrap();
    assert_eq!(index.len(), 4);
    let saved = dir.path().join("resaved.armsidx");
    index.save(&saved).unwrap();
    let compacted = Index::open(fixture).unwrap();
    compacted.compact().unwrap();
    for index in [&index, &Index::open(&saved).unwrap(), &compacted] {
        for (serial, id, how) in [
            ("S/N 4321", "OLD-4", SerialMatch::Exact),
            ("4321", "OLD-4", SerialMatch::Normalized),
            ("S/N: XY-5555", "OLD-1", SerialMatch::Exact),
            ("XY5555", "OLD-1", SerialMatch::Normalized),
            ("АБ1234", "OLD-2", SerialMatch::Normalized),
        ] {
            let hits = check(index, Query::new(serial));
            assert_eq!(ids(&hits), [id], "{serial}");
            assert_eq!(hits[0].explanation.serial.kind, how, "{serial}");
        }
        // The record without a label was never re-keyed.
        assert_eq!(ids(&check(index, Query::new("ABC12345"))), ["OLD-3"]);
        assert_eq!(index.len(), 4);
    }
    // The saved file carries the new keys: nothing left to re-key when it opens (a base
    // keyed by an older normalization is rebuilt on save, not given a journal), in
    // today's format; the old file is read as format version 2.
    let info = Index::open(&saved).unwrap().info();
    assert_eq!((info.base_records, info.live_added), (4, 0));
    assert_eq!(info.format_version, armsmatch::FORMAT_VERSION);
    assert_eq!(Index::open(fixture).unwrap().info().format_version, 2);
    // The old file's labelled records (three of four) are re-keyed in the live layer.
    assert_eq!(Index::open(fixture).unwrap().info().live_added, 3);
}

/// A version 3 file (written at e39ff38: serial FSTs whose values are the postings,
/// before SERIAL_VALUES) answers as it did; a few changes saved as its journal keep it
/// version 3, and a compaction writes today's format with the same answers.
#[test]
fn a_version_3_index_reads_saves_its_journal_and_compacts() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/four-serials-v3-e39ff38.armsidx"
    );
    let old = Index::open(fixture).unwrap();
    assert_eq!(old.info().format_version, 3);
    assert_eq!((old.len(), old.info().live_added), (4, 0));
    old.insert(Record::new("NEW-1", "ZZ 9999").make("Glock"))
        .unwrap();
    old.remove("V3-2").unwrap();
    let journal = dir.path().join("journal.armsidx");
    old.save(&journal).unwrap();
    let reopened = Index::open(&journal).unwrap();
    let info = reopened.info();
    assert_eq!(
        (
            info.format_version,
            info.base_records,
            info.live_added,
            info.live_removed
        ),
        (3, 4, 1, 1)
    );
    let compacted = Index::open(&journal).unwrap();
    compacted.compact().unwrap();
    let current = dir.path().join("current.armsidx");
    compacted.save(&current).unwrap();
    let current = Index::open(&current).unwrap();
    assert_eq!(current.info().format_version, armsmatch::FORMAT_VERSION);
    let values = |i: &Index| {
        i.info()
            .bytes
            .iter()
            .find(|(k, _)| k == "serial_values")
            .map(|(_, v)| *v)
    };
    assert_eq!(values(&reopened), Some(0));
    assert!(values(&current) > Some(0));
    for index in [&old, &reopened, &compacted, &current] {
        for (serial, want) in [
            ("AB123456", vec!["V3-1"]),
            ("AB-123457", vec!["V3-1"]),
            ("BC1234", vec!["V3-3"]),
            ("VS 1234", vec!["V3-3"]),
            ("12345", vec!["V3-4"]),
            ("AB12?456", vec!["V3-1"]),
            ("*1234", vec!["V3-3"]),
            ("ZZ9999", vec!["NEW-1"]),
        ] {
            assert_eq!(ids(&check(index, Query::new(serial))), want, "{serial}");
        }
        assert!(index.get("V3-2").is_none());
    }
}

#[test]
fn a_record_naming_the_importer_and_the_maker_is_found_under_either() {
    // An imported rifle's make field names the importer beside the maker. A check
    // under either make agrees with it, in the built index, after a live insert and
    // after compaction alike.
    let rec = |id: &str| {
        Record::new(id, "1974AB1234")
            .make("Romarm (imported by Century Arms)")
            .model("WASR-10")
    };
    let mut b = Index::builder();
    b.add(rec("BASE-1")).unwrap();
    let ix = b.build().unwrap();
    ix.insert(rec("LIVE-1")).unwrap();
    let makes = |ix: &Index, make: &str| -> Vec<(String, FieldMatch)> {
        check(ix, Query::new("1974AB1234").make(make))
            .into_iter()
            .map(|h| (h.record.id.clone(), h.explanation.make))
            .collect()
    };
    for state in ["built", "compacted"] {
        for maker in ["Cugir", "Romarm", "Century Arms"] {
            let got = makes(&ix, maker);
            assert_eq!(got.len(), 2, "{state} {maker}: {got:?}");
            assert!(
                got.iter()
                    .all(|(_, m)| matches!(m, FieldMatch::Same | FieldMatch::Alias)),
                "{state} {maker}: {got:?}"
            );
            assert_eq!(got[0].1, got[1].1, "{state} {maker}: base and live differ");
        }
        let other = makes(&ix, "Norinco");
        assert!(
            other.iter().all(|(_, m)| *m == FieldMatch::Different),
            "{state}: {other:?}"
        );
        ix.compact().unwrap();
    }
}

#[test]
fn an_index_written_before_notes_were_dropped_still_finds_noted_serials() {
    // Written by the binary of 2d2252f (serial keys version 2), which keyed
    // `12345 (frame)` as `12345FRAME`: a check `12345` found nothing in it.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/noted-serials-0.1.0-2d2252f.armsidx"
    );
    let index = Index::open(fixture).unwrap();
    assert_eq!(index.len(), 3);
    let compacted = Index::open(fixture).unwrap();
    compacted.compact().unwrap();
    for index in [&index, &compacted] {
        for (serial, make, id) in [
            ("12345", "Colt", "NOTE-1"),
            ("12345 (frame)", "Colt", "NOTE-1"),
            ("AB7788", "Glock", "NOTE-2"),
            ("XYZ98765", "Beretta", "NOTE-3"),
        ] {
            let hits = check(index, Query::new(serial).make(make));
            assert_eq!(ids(&hits), [id], "{serial}");
            assert!(
                matches!(
                    hits[0].explanation.serial.kind,
                    SerialMatch::Exact | SerialMatch::Normalized
                ),
                "{serial}: {:?}",
                hits[0].explanation.serial
            );
        }
    }
    // The two noted records (of three) are re-keyed in the live layer.
    assert_eq!(Index::open(fixture).unwrap().info().live_added, 2);
}

#[test]
fn a_placeholder_written_with_its_field_name_is_no_make() {
    // Case systems fill required fields with `Unknown maker`, `Make: N/A`: no evidence of
    // another make, in a check and in a record (built and live) alike.
    let mut b = Index::builder();
    b.add(Record::new("G-1", "GLK445566").make("Glock").model("17"))
        .unwrap();
    b.add(Record::new("U-1", "UNK778899").make("Maker unknown"))
        .unwrap();
    let ix = b.build().unwrap();
    ix.insert(Record::new("U-2", "UNK778800").make("Hersteller unbekannt"))
        .unwrap();
    for make in [
        "Unknown maker",
        "Make: N/A",
        "Marque inconnue",
        "Производитель неизвестен",
    ] {
        let hits = check(&ix, Query::new("GLK445566").make(make));
        assert_eq!(ids(&hits), ["G-1"], "{make}");
        assert_eq!(hits[0].explanation.make, FieldMatch::Unknown, "{make}");
    }
    for (serial, id) in [("UNK778899", "U-1"), ("UNK778800", "U-2")] {
        let hits = check(&ix, Query::new(serial).make("Glock"));
        assert_eq!(ids(&hits), [id], "{serial}");
        assert_eq!(hits[0].explanation.make, FieldMatch::Unknown, "{serial}");
    }
}

#[test]
fn a_kind_written_as_the_make_is_no_make() {
    // A clerk writes the kind where the make goes: an exact serial under make `Pistol`
    // is no evidence of another make than the record's (before: "different", 0.0015).
    let mut b = Index::builder();
    b.add(Record::new("G-1", "GLK445566").make("Glock").model("17"))
        .unwrap();
    b.add(Record::new("P-1", "PST102030").make("Pistolet").model("PM"))
        .unwrap();
    let ix = b.build().unwrap();
    for make in ["Pistol", "Handgun", "Firearm", "Gewehr", "Пистолет"] {
        let hits = check(&ix, Query::new("GLK445566").make(make));
        assert_eq!(ids(&hits), ["G-1"], "{make}");
        assert_eq!(hits[0].explanation.make, FieldMatch::Unknown, "{make}");
        assert!(hits[0].score > 0.9, "{make}: {}", hits[0].score);
    }
    let hits = check(&ix, Query::new("PST102030").make("Izhmash"));
    assert_eq!(ids(&hits), ["P-1"]);
    assert_eq!(hits[0].explanation.make, FieldMatch::Unknown);
    // A make that is named is still compared.
    let hits = ix
        .check(
            &Query::new("GLK445566").make("Beretta"),
            &CheckOptions::default().threshold(0.0),
        )
        .unwrap();
    assert_eq!(hits[0].explanation.make, FieldMatch::Different);
}

#[test]
fn a_label_word_before_a_space_is_read_both_ways() {
    // `SN 12345` may be a serial with a prefix, so its key keeps `SN`; but an officer
    // keying the form's label (`SER NO 0252614`, `SN EV433350G`, `No W882306`) must
    // still find the serial, as `S/N:` and `No.` do.
    let ix = index(&[
        ("L-1", "0252614", Some("Norinco")),
        ("L-2", "EV433350G", Some("Remington")),
        ("L-3", "W882306", Some("Smith & Wesson")),
        ("L-4", "SN 77812", Some("Beretta")),
        ("L-5", "W88230", Some("Colt")),
    ]);
    for (q, make, id) in [
        ("SER NO 0252614", "Norinco", "L-1"),
        ("Serial No 0252614", "Norinco", "L-1"),
        ("SN EV433350G", "Remington", "L-2"),
        ("No W882306", "Smith & Wesson", "L-3"),
        // A partial serial too.
        ("No W88230?", "Smith & Wesson", "L-3"),
        // A serial that has the word keeps matching as written.
        ("SN 77812", "Beretta", "L-4"),
    ] {
        let hits = check(&ix, Query::new(q).make(make));
        consistent(&hits);
        assert_eq!(ids(&hits).first(), Some(&id), "{q}: {hits:?}");
        assert!(hits[0].score > 0.9, "{q}: {hits:?}");
    }
    let hits = check(&ix, Query::new("SN 77812").make("Beretta"));
    assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Exact);
    // Too little left once the word is dropped: no second reading (`NO 123`).
    assert!(check(&ix, Query::new("NO 882")).is_empty());
}

#[test]
fn a_partial_serial_with_a_slip_of_the_hand_is_found_only_as_a_weak_lead() {
    let ix = index(&[
        ("M-1", "K022766", Some("Mossberg")),
        ("H-1", "749912003", Some("HK")),
        ("R-1", "RU655634", Some("Springfield Armory")),
        ("R-2", "61542789", Some("Ruger")),
    ]);
    let low = CheckOptions {
        threshold: 0.0,
        ..CheckOptions::default()
    };
    // A `6` typed twice, `47` for `74`, a `3` left out (under a `*`), a `6` left out
    // before a `?`: nothing matches the pattern as typed, so it is searched with the
    // slip undone, and the explanation names the slip.
    for (serial, make, id, edit) in [
        ("K022?666", "Mossberg", "M-1", "extra 6"),
        ("479-91200?", "HK", "H-1", "transposition at 1"),
        ("*U65564", "Springfield Armory", "R-1", "missing 3 at 7"),
        ("1?-42789", "Ruger", "R-2", "missing 6 at 1"),
    ] {
        let hits = ix.check(&Query::new(serial).make(make), &low).unwrap();
        assert_eq!(ids(&hits), [id], "{serial}: {hits:?}");
        let h = &hits[0];
        assert_eq!(h.explanation.serial.kind, SerialMatch::Partial);
        assert_eq!(h.explanation.serial.edits.len(), 1, "{h:?}");
        let why = h.explanation.to_string();
        assert!(why.contains(edit), "{serial}: {why}");
        assert!(why.contains("a slip of the check undone, ×0.5"), "{why}");
        // A weak lead: serials of a batch are sequential, so a serial one slip from
        // a partial one is often a sibling's. Under the default threshold.
        assert!(
            h.score > 0.0 && h.score < DEFAULT_THRESHOLD,
            "{serial}: {h:?}"
        );
        assert!(check(&ix, Query::new(serial).make(make)).is_empty());
    }
    // Only when the pattern as typed finds nothing: `K022?66` matches M-1 as typed and
    // is scored so, not with a slip.
    let hits = ix.check(&Query::new("K022?66"), &low).unwrap();
    assert_eq!(ids(&hits), ["M-1"]);
    assert!(hits[0].explanation.serial.edits.is_empty(), "{hits:?}");
    // A substitution is not undone (it is what a sibling's serial shows), nor a slip
    // that would leave fewer than 6 known characters.
    assert!(ix.check(&Query::new("K02?765"), &low).unwrap().is_empty());
    assert!(ix.check(&Query::new("K0?2?6"), &low).unwrap().is_empty());
}

#[test]
fn a_cyrillic_marking_the_register_holds_in_one_latin_spelling_is_found_by_the_other() {
    // `ВС 1234` on a Makarov: one register keys it by shape, another by sound.
    let ix = index(&[
        ("RUS-1", "VS 1234", Some("Izhmash")),
        ("RUS-2", "BC 5678", Some("Baikal")),
        ("RUS-3", "KKH922186", Some("Molot")),
        // The same Latin letters on a firearm no Cyrillic marks.
        ("AUT-1", "BC 1234", Some("Glock")),
        ("AUT-2", "VS 5678", Some("Glock")),
    ]);
    // By shape, the register's spelling by sound; by sound, the register's by shape;
    // a digraph of BGN is one letter (`KH` is `Х`, read `X` by shape).
    for (q, make, id) in [
        ("BC-1234", Some("Izhmash"), "RUS-1"),
        ("VS5678", Some("Izhevsk Mechanical Plant"), "RUS-2"),
        ("KX 922186", Some("Molot"), "RUS-3"),
        ("BC1234", None, "RUS-1"),
    ] {
        let mut query = Query::new(q);
        if let Some(m) = make {
            query = query.make(m);
        }
        let hits = check(&ix, query);
        consistent(&hits);
        let h = hits.iter().find(|h| h.record.id == id).expect(q);
        assert_eq!(h.explanation.serial.kind, SerialMatch::Normalized, "{q}");
        assert!(h.explanation.serial.transliterated && h.explanation.serial.reading);
        assert!(h
            .explanation
            .to_string()
            .contains("other Latin spelling of a Cyrillic marking"));
        assert!(h.score > 0.9, "{q}: {h:?}");
        // Without a make, the Glock spelled as written ranks first; the reading of
        // the Izhmash is the other lead.
        if make.is_none() {
            assert_eq!(ids(&hits), ["AUT-1", "RUS-1"], "{q}");
        }
    }
    // A Latin serial as exports write it: a `№` label, a label word, a dash or a space
    // of another script.
    for q in ["№ VS5678", "SN VS5678", "VS\u{2013}5678", "VS\u{a0}5678"] {
        let hits = check(&ix, Query::new(q).make("Baikal"));
        assert_eq!(ids(&hits), ["RUS-2"], "{q}");
        assert!(hits[0].explanation.serial.reading, "{q}");
    }
    // A make text that names such a maker among other words may be a company that
    // marks in Latin letters (a Kalashnikov made in the USA): no reading.
    ix.insert(Record::new("USA-1", "BC 3141").make("Kalashnikov USA"))
        .unwrap();
    let opts0 = CheckOptions::default().threshold(0.0);
    let hits = ix
        .check(&Query::new("VS3141").make("Kalashnikov USA"), &opts0)
        .unwrap();
    assert!(hits
        .iter()
        .all(|h| !h.explanation.serial.reading && h.score < 0.01));
    // The other spelling of a Glock's serial is another firearm: no reading for a make
    // that marks in Latin letters, on either side.
    let opts = CheckOptions::default().threshold(0.0);
    for (q, make, other) in [("VS1234", "Glock", "AUT-1"), ("BC5678", "Glock", "AUT-2")] {
        let hits = ix.check(&Query::new(q).make(make), &opts).unwrap();
        let h = hits.iter().find(|h| h.record.id == other);
        assert!(h.is_none_or(|h| h.score < 0.01), "{q}: {h:?}");
    }
    // A check without a make reads `VS1234` as `BC1234`, which meets the Izhmash
    // spelled so but not the Glock spelled so.
    let hits = ix.check(&Query::new("VS5678"), &opts).unwrap();
    let glock = hits.iter().find(|h| h.record.id == "AUT-2").unwrap();
    assert_eq!(glock.explanation.serial.kind, SerialMatch::Normalized);
    assert!(!glock.explanation.serial.transliterated);
    assert!(hits
        .iter()
        .filter(|h| h.explanation.serial.transliterated)
        .all(|h| h.record.id == "RUS-2"));
    // A marking the register holds in Cyrillic meets a Latin check through its own
    // transliterations, not through a reading of the check.
    ix.insert(Record::new("RUS-5", "ВС 4321").make("Izhmash"))
        .unwrap();
    for q in ["VS4321", "BC4321"] {
        let hits = check(&ix, Query::new(q));
        assert_eq!(ids(&hits), ["RUS-5"], "{q}");
        assert!(!hits[0].explanation.serial.reading, "{q}");
    }
    // A register that could not type the marking copied its letters with no Latin twin
    // by shape (`Ч` → `4`); the check in Cyrillic finds it, but such a copy meets no
    // serial through a misreading besides (`ГБ5598` copied `G65598` is no `665598`).
    ix.insert(Record::new("RUS-6", "4H 4194").make("Kalashnikov"))
        .unwrap();
    ix.insert(Record::new("RUS-7", "665598").make("Izhevsk Mechanical Plant"))
        .unwrap();
    ix.insert(Record::new("AUT-3", "4H 4194").make("Glock"))
        .unwrap();
    let hits = check(&ix, Query::new("ЧН 4194").make("Izhmash"));
    assert_eq!(ids(&hits), ["RUS-6"]);
    assert!(hits[0].explanation.serial.reading && hits[0].score > 0.9);
    assert!(check(&ix, Query::new("ЧН 4194").make("Glock")).is_empty());
    assert!(check(&ix, Query::new("ГБ5598").make("Baikal")).is_empty());
    // A record added after the build is found the same way.
    ix.insert(Record::new("RUS-4", "ZHU 4411").make("Tula Arms Plant"))
        .unwrap();
    let hits = check(&ix, Query::new("ZHY4411").make("TOZ"));
    assert_eq!(ids(&hits), ["RUS-4"]);
}

#[test]
fn a_cyrillic_marking_copied_by_shape_in_the_check_finds_the_record_as_marked() {
    // The register holds the marking in Cyrillic; the officer copied it by shape,
    // letters without a Latin twin too (`Ю` as `IO`, `Ч` as `4`, `Л` as `JI`, `Б` as
    // `6`): found in the built index and in a record added after the build.
    let ix = index(&[
        ("RUS-1", "ЮР 7395", Some("Izhevsk Mechanical Plant")),
        ("RUS-2", "ЧН 4194", Some("KBP Instrument Design Bureau")),
        ("RUS-3", "ЛМ 017404", Some("Molot")),
        ("RUS-4", "УН1381", Some("Izhmash")),
        ("RUS-5", "ЦИ 1381", Some("Izhmash")),
    ]);
    ix.insert(Record::new("RUS-6", "АБ 2981").make("Baikal"))
        .unwrap();
    for (q, make, id) in [
        ("IOP7395", "Izhevsk Mechanical Plant", "RUS-1"),
        ("4H-4194", "KBP", "RUS-2"),
        ("JIM 017404", "Molot", "RUS-3"),
        ("A62981", "Baikal", "RUS-6"),
    ] {
        let hits = check(&ix, Query::new(q).make(make));
        consistent(&hits);
        assert_eq!(ids(&hits), [id], "{q}");
        let s = &hits[0].explanation.serial;
        assert_eq!(s.kind, SerialMatch::Normalized, "{q}");
        assert!(
            s.transliterated && hits[0].score > 0.9,
            "{q}: {:?}",
            hits[0]
        );
    }
    // `UN1381` spells `УН1381` by sound and `ЦИ 1381` by shape: both are found, the
    // transliteration first (a copy by shape of letters with no twin is one guess).
    let hits = check(&ix, Query::new("UN1381").make("Izhmash"));
    consistent(&hits);
    assert_eq!(ids(&hits), ["RUS-4", "RUS-5"]);
    assert!(hits[0].score > hits[1].score, "{hits:?}");
    // A copy by shape with a slip besides is chance, not a match: `IOP7396` meets
    // `ЮР 7395` through no key.
    assert!(check(&ix, Query::new("IOP7396").make("Izhevsk Mechanical Plant")).is_empty());
    // A partial serial meets the copy too.
    let hits = check(&ix, Query::new("IOP73?5").make("Izhevsk Mechanical Plant"));
    assert_eq!(ids(&hits), ["RUS-1"]);
}

/// A file written before records in Cyrillic were indexed by their copy by shape (by
/// armsmatch at a3b4a26, serial keys version 3) opens with those records re-keyed:
/// `ЮР 7395` and `ЧН 4194` are found as copied by shape; `ВС 1234` (every letter has a
/// Latin twin) and a Latin serial were not re-keyed. Its fifth record has a NUL byte in
/// its make, which a record coming in may no longer hold: the one stored is kept, as
/// stored, through re-keying, saving and compaction.
#[test]
fn an_index_written_before_copies_by_shape_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cyrillic-serials-a3b4a26.armsidx"
    );
    let index = Index::open(fixture).unwrap();
    assert_eq!((index.len(), index.info().live_added), (5, 2));
    let saved = dir.path().join("resaved.armsidx");
    index.save(&saved).unwrap();
    let compacted = Index::open(fixture).unwrap();
    compacted.compact().unwrap();
    let changed = Index::open(fixture).unwrap();
    changed.insert(Record::new("NEW-1", "ZZ 9999")).unwrap();
    let changed_path = dir.path().join("changed.armsidx");
    changed.save(&changed_path).unwrap();
    let reopened = Index::open(&changed_path).unwrap();
    assert_eq!(ids(&check(&reopened, Query::new("ZZ9999"))), ["NEW-1"]);
    for index in [&index, &Index::open(&saved).unwrap(), &compacted, &reopened] {
        for (serial, id) in [
            ("IOP7395", "OLD-1"),
            ("ЮР 7395", "OLD-1"),
            ("4H4194", "OLD-2"),
            ("BC1234", "OLD-3"),
            ("ABC123", "OLD-4"),
            ("NU5555", "OLD-5"),
        ] {
            assert_eq!(ids(&check(index, Query::new(serial))), [id], "{serial}");
        }
        assert_eq!(index.get("OLD-5").unwrap().make.as_deref(), Some("Glo\0ck"));
    }
    assert_eq!(Index::open(&saved).unwrap().info().live_added, 0);
    // The same record coming in now is refused.
    let again = index.get("OLD-5").unwrap();
    let fresh = Index::builder().build().unwrap();
    assert!(
        matches!(fresh.insert(again), Err(Error::InvalidInput { ref field, .. }) if field == "make")
    );
}

#[test]
fn a_model_written_as_the_make_reads_the_serial_as_its_makers_would_mark_it() {
    // `Saiga` and `SKS` are no makes but models of makers that mark in Cyrillic: a Latin
    // serial under such a make is read in its other Latin spelling too (`BC1234` spelled
    // by shape is `VS1234` by sound), on the check's side and on the record's.
    let ix = index(&[
        ("RUS-1", "VS 1234", Some("Izhmash")),
        ("RUS-2", "BC 5678", Some("Saiga")),
        ("AUT-1", "VS 9012", Some("Glock")),
    ]);
    let hits = check(&ix, Query::new("BC1234").make("Saiga"));
    consistent(&hits);
    assert_eq!(ids(&hits), ["RUS-1"]);
    assert!(hits[0].explanation.serial.reading, "{:?}", hits[0]);
    let hits = check(&ix, Query::new("VS5678").make("Izhmash"));
    assert_eq!(ids(&hits), ["RUS-2"]);
    assert!(hits[0].explanation.serial.reading, "{:?}", hits[0]);
    // A model of a maker marking in Latin letters reads nothing.
    let hits = check(&ix, Query::new("BC9012").make("Glock 17"));
    assert!(
        hits.iter().all(|h| !h.explanation.serial.reading),
        "{hits:?}"
    );
}
