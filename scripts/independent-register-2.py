#!/usr/bin/env python3
"""independent-register-2.py: an independent, labelled test register for firearm hit detection.

Python 3.11, standard library only. The output depends only on --seed, --records and --queries.

    python3 scripts/independent-register-2.py --seed 5 --records 300000 --queries 6000 --out DIR [--verify]

It writes three UTF-8 CSV files to DIR:

  records.csv  record_id,make,model,serial,calibre,type,country,status,reported_on
               A register of lost, stolen, trafficked and smuggled firearms, as several national
               registers together would hold it. Row order is record_id order.
  queries.csv  query_id,make,model,serial,calibre,country
               Checks: what an officer keyed for a firearm in hand. country = the checking country.
  truth.csv    query_id,label,noise,record_ids
               label "hit" or "non_hit". A hit gives the noise kinds joined by "|" and the ids of
               EVERY record of the same physical firearm. A non-hit gives "non_hit:<kind>" and no ids.

Everything here comes from general domain knowledge (public facts about makers, their models,
calibres and serial styles, and about how checks fail). Nothing is taken from armsmatch.

The register
------------
150 real maker families (US, Brazilian, Argentine, Austrian, German, Swiss, Belgian, Czech, Slovak,
Balkan, Hungarian, Polish, Soviet/Russian, Ukrainian, Chinese, Israeli, Turkish, Italian, Spanish,
French, British, Nordic, Canadian, Asian and African), each with the names registers give it
(aliases, some in Cyrillic for Cyrillic-writing countries), real models (with the ways their names
get written), calibres, and serial styles of the maker and era: Glock letter+digit serials,
Ruger NNN-NNNNN, S&W letter prefixes, Soviet Cyrillic serials ("ВС 1234"), wartime German serials
with a lower-case block letter ("4711a"), Zastava/Norinco pure digits, Turkish maker codes
("T6472-19 AB12345"), short Kel-Tec and Nambu serials, leading zeros ("K087532", "0012-34567").
A serial format is a string of tokens: D digit, N digit 1-9, L letter without I/O/Q, A any letter,
l lower-case letter, K Cyrillic letter, Y two-digit year of manufacture; other digits, separators
and {..} are literal.

A *firearm* (a truth group) is one physical weapon: maker family, model, marked serial. It has
one record (about 95%), or two or three when it was reported again, by another country or
another agency, with its make, model and calibre written differently and its Cyrillic serial
perhaps keyed in Latin (and a Greek register keys Latin serial letters with Greek capitals a
quarter of the time). Firearms of one maker family never share a serial, compared loosely
(upper case, separators dropped, Cyrillic/Greek look-alikes folded to Latin, O/Q->0, I->1,
leading zeros dropped, every transliteration of a Cyrillic serial), with one exception kept on
purpose: Ruger and the Japanese arsenals re-used serials across models (about 1%); a check of
such a firearm never lacks the model. Firearms of different makers do share serials (pure-digit
serials collide by chance, as in real life).
Production batches: about 12-35% of a maker's firearms (more for Soviet, Balkan and Chinese makers)
are siblings of an earlier firearm of the same model whose serial differs only in the last 1-3
digits, usually reported on the same day by the same country (a shop or armoury theft).
About 0.5% of records carry a placeholder serial ("UNK", "NONE", "000000" ...); they are never
the target of a check. Records lack the model about 10% and the calibre about 8% of the time;
some US records hold NCIC-style lossy calibres ("30" for .30-06); about 0.6% lack the make.

Checks
------
30% true hits, 70% hard non-hits (quotas, then shuffled). A hit copies one record of a firearm
(the "source record"; a field the record lacks, or holds as a lossy NCIC calibre, is filled from
the firearm, as the officer reads it from the weapon) and applies 1 to 3 noise kinds
(P = .45/.35/.20), or none ("exact", 10%). Kinds are drawn by weight among those that can apply,
never two of one exclusive group (typo1/typo2; the two Cyrillic kinds; the two obliterations;
the make kinds; the model kinds; the calibre kinds), at most two that destroy serial characters.
Deviation on purpose: a Cyrillic (Greek) serial checked in a country that does not write
Cyrillic (Greek) always gets one of the two Cyrillic kinds (an officer there cannot key it), and
a make, model or calibre the record writes in Cyrillic gets make_alias, model_variant or
calibre_synonym there.

  exact              nothing changed
  case_separators    lower case; separators (space - . /) added, removed or swapped
  ocr                1-2 of O/0/Q/D, I/1/L, S/5, B/8, Z/2, G/6, U/V
  rare_confusion     1 of A/4, T/7, E/F, C/G, 3/8, and (my additions, handwriting) 1/7, 4/9, 5/6,
                     M/N, P/R, K/X
  cyrillic_visual    Cyrillic keyed by shape (В->B, Н->H, Р->P, С->C, Х->X, У->Y ...; letters with
                     no Latin twin by sound, or by shape З->3, Б->6, Ч->4, И->N, Я->R); Greek
                     capitals in a Greek record keyed as Latin; or a Latin serial keyed with Greek
                     capitals (in Greece/Cyprus) or Cyrillic look-alikes (in a Cyrillic country)
  cyrillic_translit  by sound: BGN/PCGN, ISO 9 without and with diacritics, German (В->W, Ж->SCH,
                     Ч->TSCH), French (Ш->CH, Ж->J, У->OU), Bulgarian (Щ->SHT); chosen by country
  typo1 / typo2      one / two slips: QWERTY or numeric-keypad neighbour, transposition,
                     doubled or dropped character
  leading_zeros      padding zeros added or dropped, at the start or after a letter prefix
  embedded_letter    a letter between digits dropped or added (369J257 vs 369257, as NCIC ignores)
  obliterated_one    1-2 characters replaced by "?"
  obliterated_star   the start or the end lost, written with "*" ("AB12*", "*4471"); at least
                     half the characters, and 3, are kept ("?" is one character, "*" any run)
  make_alias         another name of the same maker
  make_misspelled    a misspelt make (common real misspellings, else one keyboard/vowel slip)
  make_missing       make empty
  model_variant      another way to write the model ("G19", "19", "Glock 19 Gen4", "Model 870")
  model_missing      model empty
  calibre_synonym    another name of the same calibre ("9x19" / "9mm Para"; "12/70" / "12 ga")
  calibre_missing    calibre empty
 Two kinds added here (not in the brief's list):
  importer_as_make   the make field holds the importer or distributor named on the firearm
                     (Century Arms for a Cugir WASR-10, Springfield Armory for an HS Produkt XD,
                     EAA for a Tanfoglio, Magnum Research for an IWI Jericho, CZ-USA for a Huglu)
                     -- ITI and ATF note that an imported firearm may carry several names.
  serial_label       the serial keyed with its label: "S/N 12345", "No. 12345", "Nr. 12345",
                     "#12345", "№ 12345" -- common when the serial is copied from a form field.
 A hit is re-drawn when its noisy serial equals (loosely, as above) the serial of ANOTHER firearm
 of the same maker (or of any maker when the make is missing, or of the importer's own family),
 so that every label is defensible; partial serials (? and *) are not re-drawn, they match
 several firearms by nature.

Hard non-hits (noise "non_hit:<kind>"), shares .35/.25/.25/.15:
  sibling            a registered firearm's serial with 2-3 of its last 4 digits changed, same
                     make (alias may differ), model and calibre; 40% drawn from production batches
  other_make         a registered serial keyed under a different, unrelated maker (not the same
                     family, not linked by import or licence), with a model and calibre of that
                     maker, preferably of the same type
  fresh              a new serial in a real format of a real maker, not in the register at all
  wildcard_nothing   a partial serial (? or *) from a new serial, or from a registered serial with
                     one digit changed, that matches no registered serial of any maker
 A non-hit serial never equals, loosely as above, the serial of a record of its make's family,
 of a family linked to it, or of any record without a make (and of any record at all for fresh,
 for wildcard_nothing, and when the non-hit has no make). Non-hits get the same light cosmetic
 variety as the register (aliases, model variants, calibre synonyms, separators, labels).

Assumptions (mine): country weights and maker weights are rough shares of stolen-firearm
registers; reported_on is uniform between max(year made, 1990) and 2024-12-31; record ids are
"<ISO3>-<year>-<7 digits>" increasing by date inside a country and year; Turkish maker codes are
illustrative; the IWI/IMI, Izhmash/Kalashnikov, Baikal/Izhmekh ("Makarov" written as make),
Jennings/Bryco/Jimenez and the Japanese wartime arsenals are each one family.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import math
import os
import random
import re
import sys
import time
import unicodedata

# ----------------------------------------------------------------------------------------------
# Countries
# ----------------------------------------------------------------------------------------------

COUNTRY_WEIGHTS = """
USA 20 CAN 2 MEX 3 BRA 4 ARG 2 COL 2 CHL 1 PER 1 VEN 1 ECU 0.5 AUS 2 NZL 0.5
DEU 6 FRA 5 GBR 5 ITA 4 ESP 4 NLD 2 BEL 1.5 AUT 1 CHE 1 SWE 1.5 NOR 0.8 FIN 0.8 DNK 0.8
PRT 1 IRL 0.5 GRC 1.2 CYP 0.3 LUX 0.2 POL 2.5 CZE 1.5 SVK 0.8 HUN 1 ROU 1 BGR 1 LTU 0.5
LVA 0.4 EST 0.3 SVN 0.4 SRB 2 BIH 1.5 HRV 1 MNE 0.5 MKD 0.6 ALB 0.8 RUS 4 UKR 3 BLR 0.6
KAZ 1 MDA 0.6 GEO 0.5 ARM 0.3 AZE 0.3 KGZ 0.3 TUR 3 ISR 1 EGY 0.6 MAR 0.6 TUN 0.4 JOR 0.3
LBN 0.4 IRQ 0.4 ZAF 3 NGA 1 KEN 1 UGA 0.4 TZA 0.4 CIV 0.3 SEN 0.3 CHN 0.3 PHL 1.2 THA 0.6
IND 0.5 PAK 0.5 KOR 0.3 JPN 0.3 IDN 0.5 MYS 0.3
"""
REGIONS = {
    "na": "USA CAN MEX",
    "latam": "BRA ARG COL CHL PER VEN ECU MEX",
    "west": "DEU FRA GBR ITA ESP NLD BEL AUT CHE SWE NOR FIN DNK PRT IRL GRC LUX AUS NZL",
    "east": "POL CZE SVK HUN ROU BGR LTU LVA EST SVN DEU AUT",
    "balkan": "SRB BIH HRV MNE MKD ALB SVN BGR ROU GRC AUT DEU",
    "exussr": "RUS UKR BLR KAZ MDA GEO ARM AZE KGZ LTU LVA EST POL",
    "asia": "CHN PHL THA IND PAK KOR JPN IDN MYS",
    "mena": "TUR ISR EGY MAR TUN JOR LBN IRQ CYP GRC",
    "africa": "ZAF NGA KEN UGA TZA CIV SEN",
}
ORIGIN_REGION = {
    "USA": "na", "CAN": "na", "BRA": "latam", "ARG": "latam", "COL": "latam", "AUT": "west",
    "DEU": "west", "CHE": "west", "BEL": "west", "ITA": "west", "ESP": "west", "FRA": "west",
    "GBR": "west", "FIN": "west", "SWE": "west", "NOR": "west", "CZE": "east", "SVK": "east",
    "HUN": "east", "POL": "east", "SRB": "balkan", "HRV": "balkan", "BGR": "balkan",
    "ROU": "balkan", "ALB": "balkan", "RUS": "exussr", "UKR": "exussr", "CHN": "asia",
    "PHL": "asia", "KOR": "asia", "JPN": "asia", "IND": "asia", "PAK": "asia", "ISR": "mena",
    "TUR": "mena", "EGY": "mena", "ZAF": "africa",
}
CYR_COUNTRIES = frozenset("RUS UKR BLR KAZ KGZ BGR SRB MKD".split())
GREEK_COUNTRIES = frozenset(("GRC", "CYP"))
GERMANIC = frozenset(("DEU", "AUT", "CHE", "LUX"))
FRANCOPHONE = frozenset(("FRA", "BEL", "MAR", "TUN", "CIV", "SEN"))

TYPES = ("pistol", "revolver", "rifle", "shotgun", "submachine_gun", "machine_gun", "other")
STATUSES = ("stolen", "lost", "trafficked", "smuggled")
RECORD_HEADER = ["record_id", "make", "model", "serial", "calibre", "type", "country", "status",
                 "reported_on"]
QUERY_HEADER = ["query_id", "make", "model", "serial", "calibre", "country"]
TRUTH_HEADER = ["query_id", "label", "noise", "record_ids"]

# ----------------------------------------------------------------------------------------------
# Characters: look-alikes, transliteration, reading confusions, keyboards
# ----------------------------------------------------------------------------------------------

SEPS = " -./"
DIGITS = "0123456789"
LAT = "ABCDEFGHJKLMNPRSTUVWXYZ"          # serial letters without I, O, Q
LAT_ALL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOW = "abcdefghijklmnopqrstuvwxyz"
# Cyrillic letters on Soviet-style serials; those with a Latin twin weigh more.
CYR_SERIAL = [(c, 3 if c in "АВЕКМНРСТУХ" else 1) for c in "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"]
CYR_TWINS = dict(zip("АВЕЁКМНОРСТУХЅІЈ", "ABEEKMHOPCTYXSIJ"))
GREEK_TWINS = dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"))
VISUAL = str.maketrans({**CYR_TWINS, **GREEK_TWINS})
STRONG = str.maketrans({"O": "0", "Q": "0", "I": "1"})
LATIN_TO_GREEK = {v: k for k, v in GREEK_TWINS.items()}
LATIN_TO_CYR = dict(zip("ABCEHKMOPTXY", "АВСЕНКМОРТХУ"))
SHAPE_ALT = {"З": "3", "Б": "6", "Ч": "4", "И": "N", "Я": "R"}


def _tmap(spec: str) -> dict[str, str]:
    out = {}
    for pair in spec.split():
        k, v = pair.split("=")
        out[k] = v
    return out


_BGN = _tmap("А=A Б=B В=V Г=G Д=D Е=E Ё=YO Ж=ZH З=Z И=I Й=Y К=K Л=L М=M Н=N О=O П=P Р=R С=S "
             "Т=T У=U Ф=F Х=KH Ц=TS Ч=CH Ш=SH Щ=SHCH Ъ= Ы=Y Ь= Э=E Ю=YU Я=YA")
TRANSLIT = {
    "bgn": _BGN,
    "iso": {**_BGN, **_tmap("Ж=Z Х=H Ц=C Ч=C Ш=S Щ=S Ю=U Я=A Й=J Ё=E")},
    "iso_dia": {**_BGN, **_tmap("Ж=Ž Х=H Ц=C Ч=Č Ш=Š Щ=Ŝ Ю=Û Я=Â Й=J Ё=Ë Э=È")},
    "german": {**_BGN, **_tmap("В=W Ж=SCH З=S Х=CH Ц=Z Ч=TSCH Ш=SCH Щ=SCHTSCH Й=I Ю=JU Я=JA Ё=JO")},
    "french": {**_BGN, **_tmap("Ж=J У=OU Ч=TCH Ш=CH Щ=CHTCH Й=I Ю=IOU Я=IA Ё=IO")},
    "bulgarian": {**_BGN, **_tmap("Щ=SHT Ъ=A Х=H")},
}
for _t in TRANSLIT.values():
    _t.update({"Ъ": _t.get("Ъ", ""), "Ь": ""})

OCR = {"O": "0QD", "0": "OQD", "Q": "O0", "D": "0O", "I": "1L", "1": "IL", "L": "1I", "S": "5",
       "5": "S", "B": "8", "8": "B", "Z": "2", "2": "Z", "G": "6", "6": "G", "U": "V", "V": "U"}
RARE = {"A": "4", "4": "A9", "T": "7", "7": "T1", "E": "F", "F": "E", "C": "G", "G": "C",
        "3": "8", "8": "3", "1": "7", "9": "4", "5": "6", "6": "5", "M": "N", "N": "M",
        "P": "R", "R": "P", "K": "X", "X": "K"}


def _keyboard_neighbours() -> dict[str, str]:
    rows = [("1234567890", 0.0), ("QWERTYUIOP", 0.5), ("ASDFGHJKL", 0.75), ("ZXCVBNM", 1.25)]
    pos = {c: (r, off + i) for r, (keys, off) in enumerate(rows) for i, c in enumerate(keys)}
    nb = {}
    for c, (r, x) in pos.items():
        nb[c] = "".join(d for d, (r2, x2) in pos.items() if d != c and abs(r2 - r) <= 1
                        and abs(x2 - x) <= (1.0 if r2 == r else 0.76))
    return nb


QWERTY_NB = _keyboard_neighbours()
_KP = {"7": (0, 0), "8": (1, 0), "9": (2, 0), "4": (0, 1), "5": (1, 1), "6": (2, 1),
       "1": (0, 2), "2": (1, 2), "3": (2, 2), "0": (0.5, 3)}
KEYPAD_NB = {c: "".join(d for d, q in _KP.items() if d != c and math.dist(p, q) <= 1.15)
             for c, p in _KP.items()}

LABELS = [("S/N ", 5), ("SN ", 3), ("SN: ", 2), ("S/N: ", 2), ("No. ", 4), ("No ", 2),
          ("Nr. ", 3), ("Nr ", 1), ("N° ", 2), ("#", 3), ("Ser. ", 1), ("Serial ", 2),
          ("SER NO ", 1), ("№ ", 2)]
PLACEHOLDERS = [("UNK", 4), ("UNKNOWN", 3), ("NONE", 3), ("N/A", 2), ("0", 1), ("000000", 1),
                ("NO SERIAL", 1), ("XXXX", 1), ("NSN", 1), ("NIL", 1)]


def is_cyr(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


def has_cyr(s: str) -> bool:
    return any(is_cyr(c) for c in s)


def has_greek(s: str) -> bool:
    return any("\u0370" <= c <= "\u03ff" for c in s)


def norm(s: str) -> str:
    """Upper-case alphanumerics without accents: how two names are compared."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).upper()


def fold(s: str) -> str:
    """Loose serial form: upper case, look-alikes to Latin, separators dropped, O/Q->0, I->1."""
    s = s.upper().translate(VISUAL)
    return "".join(c for c in s if c.isalnum() or c in "?*").translate(STRONG)


def zstrip(s: str) -> str:
    """Drop leading zeros at the start or after a leading run of letters."""
    i = 0
    while i < len(s) and not s[i].isdigit() and s[i] not in "?*":
        i += 1
    rest = s[i:]
    stripped = rest.lstrip("0")
    if rest and not stripped:
        stripped = "0"
    return s[:i] + stripped


def translit(s: str, scheme: str) -> str:
    table = TRANSLIT[scheme]
    out = []
    for c in s:
        u = c.upper()
        if u in table and is_cyr(u):
            r = table[u]
            out.append(r.lower() if c != u else r)
        else:
            out.append(c)
    return "".join(out)


def visual_latin(s: str) -> str:
    """Cyrillic keyed by shape where a Latin twin exists, by BGN sound elsewhere."""
    out = []
    for c in s:
        u = c.upper()
        if u in CYR_TWINS:
            out.append(CYR_TWINS[u] if c == u else CYR_TWINS[u].lower())
        elif is_cyr(c):
            out.append(_BGN.get(u, u))
        else:
            out.append(c)
    return "".join(out)


def serial_keys(s: str) -> list[str]:
    """Every loose form of a serial (and of each of its transliterations)."""
    forms = [fold(s)]
    if has_cyr(s):
        up = s.upper()
        forms += [fold(translit(up, sch)) for sch in TRANSLIT]
    out: list[str] = []
    for f in forms:
        for g in (f, zstrip(f)):
            if g and g not in out:
                out.append(g)
    return out


def strip_label(s: str) -> str:
    for lab, _ in sorted(LABELS, key=lambda x: -len(x[0])):
        if s.startswith(lab):
            return s[len(lab):]
    return s


def wchoice(rng: random.Random, pairs):
    """Weighted choice from a list of (item, weight)."""
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


# ----------------------------------------------------------------------------------------------
# Catalogue: calibres and makers (data at the end of the file)
# ----------------------------------------------------------------------------------------------

def parse_weighted(field: str):
    """'A@3; ^B@2; C' -> [(text, weight, cyrillic_only)]."""
    out = []
    for part in field.split(";"):
        part = part.strip()
        if not part:
            continue
        cyr = part.startswith("^")
        if cyr:
            part = part[1:]
        w = 1.0
        if "@" in part:
            part, ws = part.rsplit("@", 1)
            w = float(ws)
        out.append((part.strip(), w, cyr))
    return out


def compile_format(fmt: str):
    toks, i = [], 0
    while i < len(fmt):
        c = fmt[i]
        if c == "{":
            j = fmt.index("}", i)
            toks.append(("lit", fmt[i + 1:j]))
            i = j + 1
            continue
        if c in "DNLAlKY":
            toks.append(("tok", c))
        elif c in SEPS or c.isdigit():
            toks.append(("lit", c))
        else:
            raise ValueError(f"bad character {c!r} in serial format {fmt!r}")
        i += 1
    return tuple(toks)


_CYR_LETTERS = [c for c, _ in CYR_SERIAL]
_CYR_CW = []
for _c, _w in CYR_SERIAL:
    _CYR_CW.append((_CYR_CW[-1] if _CYR_CW else 0) + _w)


def gen_serial(rng: random.Random, toks, year: int) -> str:
    out = []
    for kind, v in toks:
        if kind == "lit":
            out.append(v)
        elif v == "D":
            out.append(rng.choice(DIGITS))
        elif v == "N":
            out.append(rng.choice("123456789"))
        elif v == "L":
            out.append(rng.choice(LAT))
        elif v == "A":
            out.append(rng.choice(LAT_ALL))
        elif v == "l":
            out.append(rng.choice(LOW))
        elif v == "K":
            out.append(rng.choices(_CYR_LETTERS, cum_weights=_CYR_CW)[0])
        elif v == "Y":
            out.append(f"{year % 100:02d}")
    return "".join(out)


class Calibre:
    def __init__(self, key, lossy, syns):
        self.key, self.lossy, self.syns = key, lossy, syns

    def choices(self, country, exclude=None):
        out = [(t, w * (2 if cyr else 1)) for t, w, cyr in self.syns
               if (not cyr or country in CYR_COUNTRIES)]
        if exclude is not None:
            out = [(t, w) for t, w in out if norm(t) != norm(exclude)]
        return out


class Model:
    def __init__(self, typ, names, cals, weight, formats, years):
        self.typ, self.names, self.cals = typ, names, cals
        self.weight, self.formats, self.years = weight, formats, years

    @property
    def canonical(self):
        return self.names[0][0]

    def variants(self, country):
        pool = [(t, 3.0) for t, _, cyr in self.names if not cyr or country in CYR_COUNTRIES]
        seen = {t for t, _ in pool}
        for v in auto_model_variants(self.canonical):
            if v not in seen:
                pool.append((v, 1.0))
                seen.add(v)
        return pool


def auto_model_variants(name: str) -> list[str]:
    out = []
    if re.search(r"[ \-]", name):
        out += [re.sub(r"[ \-]", "", name), name.replace(" ", "-"), name.replace("-", " ")]
    if name.startswith("Model "):
        out.append(name[6:])
    elif re.fullmatch(r"\d[\w/\-]*", name):
        out += ["Model " + name, "Mod. " + name]
    return [v for v in dict.fromkeys(out) if v != name]


class Family:
    def __init__(self, key, origin, weight, flags):
        self.key, self.origin, self.weight = key, origin, weight
        self.batch = float(flags.get("batch", 0.12))
        self.reuse = float(flags.get("reuse", 0.0))
        a, b = flags.get("years", "1975-2023").split("-")
        self.years = (int(a), int(b))
        self.aliases, self.formats, self.importers = [], [], []
        self.misspell, self.rel, self.models = [], [], []

    def alias_choices(self, country, exclude=None):
        out = [(t, w * (3 if cyr else 1)) for t, w, cyr in self.aliases
               if not cyr or country in CYR_COUNTRIES]
        if exclude is not None:
            out = [(t, w) for t, w in out if norm(t) != norm(exclude)]
        return out


class Catalogue:
    def __init__(self):
        self.calibres: dict[str, Calibre] = {}
        for line in CALIBRE_TABLE.strip().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                key, lossy, syns = (x.strip() for x in line.split("|"))
                self.calibres[key] = Calibre(key, lossy, parse_weighted(syns))
        self.families: list[Family] = []
        cur = None
        for raw in CATALOGUE.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                head, aliases, fmts = (x.strip() for x in line[1:].split("|"))
                parts = head.split()
                flags = dict(p.split("=") for p in parts[3:])
                cur = Family(parts[0], parts[1], float(parts[2]), flags)
                cur.aliases = parse_weighted(aliases)
                cur.formats = [(compile_format(t), w) for t, w, _ in parse_weighted(fmts)]
                self.families.append(cur)
            elif line[:4] in ("imp:", "mis:", "rel:"):
                items = [x.strip() for x in line[4:].split(";") if x.strip()]
                {"imp:": cur.importers, "mis:": cur.misspell, "rel:": cur.rel}[line[:4]].extend(items)
            else:
                f = [x.strip() for x in line.split("|")] + [""] * 6
                typ, names, cals = f[0], parse_weighted(f[1]), [c.strip() for c in f[2].split(",")]
                if typ not in TYPES:
                    raise ValueError(f"{cur.key}: bad type {typ!r}")
                for c in cals:
                    if c not in self.calibres:
                        raise ValueError(f"{cur.key}: unknown calibre {c!r}")
                fm = [(compile_format(t), w) for t, w, _ in parse_weighted(f[4])] if f[4] else None
                years = tuple(int(y) for y in f[5].split("-")) if f[5] else cur.years
                cur.models.append(Model(typ, names, cals, float(f[3] or 1), fm, years))
        # name tables
        self.alias_family: dict[str, int] = {}
        for i, fam in enumerate(self.families):
            for t, _, _ in fam.aliases:
                n = norm(t)
                if self.alias_family.get(n, i) != i:
                    raise ValueError(f"alias {t!r} of {fam.key} clashes with "
                                     f"{self.families[self.alias_family[n]].key}")
                self.alias_family[n] = i
        self.all_make_norms = set(self.alias_family)
        for fam in self.families:
            self.all_make_norms.update(norm(t) for t in fam.importers)
        keyidx = {f.key: i for i, f in enumerate(self.families)}
        self.related = [{i} for i in range(len(self.families))]
        for i, fam in enumerate(self.families):
            linked = [keyidx[k] for k in fam.rel]
            linked += [self.alias_family[norm(t)] for t in fam.importers
                       if norm(t) in self.alias_family]
            for j in linked:
                self.related[i].add(j)
                self.related[j].add(i)
        self.fam_cw = []
        for fam in self.families:
            self.fam_cw.append((self.fam_cw[-1] if self.fam_cw else 0) + fam.weight)

    def families_for_make(self, make: str):
        """Families a make text names, with their linked families; None when unknown/empty."""
        i = self.alias_family.get(norm(make))
        if i is None:
            return None
        return self.related[i]


# ----------------------------------------------------------------------------------------------
# The register
# ----------------------------------------------------------------------------------------------

RID, MAKE, MODEL, SERIAL, CAL, TYPE, COUNTRY, STATUS, DATE, FID = range(10)
LAST_DAY = dt.date(2024, 12, 31)


class Firearm:
    __slots__ = ("fam", "model", "cal", "marking", "base", "year", "recs", "batch", "placeholder")

    def __init__(self, fam, model, cal, marking, year, placeholder=False):
        self.fam, self.model, self.cal, self.marking, self.year = fam, model, cal, marking, year
        self.base = zstrip(fold(marking))
        self.recs: list[int] = []
        self.batch = False
        self.placeholder = placeholder


class Register:
    def __init__(self, rng: random.Random, cat: Catalogue, n_records: int):
        self.rng, self.cat = rng, cat
        cw = [(c, float(w)) for c, w in zip(COUNTRY_WEIGHTS.split()[::2], COUNTRY_WEIGHTS.split()[1::2])]
        self.countries = [c for c, _ in cw]
        self.country_cw = []
        for _, w in cw:
            self.country_cw.append((self.country_cw[-1] if self.country_cw else 0) + w)
        wmap = dict(cw)
        self.region_pairs = {r: [(c, wmap[c]) for c in cs.split()] for r, cs in REGIONS.items()}
        self.firearms: list[Firearm] = []
        self.records: list[list] = []
        self.key_index: dict[str, list[int]] = {}   # loose serial key -> firearm ids
        self.anon_index: dict[str, list[int]] = {}  # keys of records without a make
        self._build(n_records)
        self._assign_ids()
        self.sorted_keys = sorted(self.key_index)
        self.sorted_rev = sorted(k[::-1] for k in self.key_index)

    # -- random pieces ----------------------------------------------------------------------
    def any_country(self):
        return self.rng.choices(self.countries, cum_weights=self.country_cw)[0]

    def record_country(self, fam: Family):
        region = ORIGIN_REGION.get(fam.origin)
        if region and self.rng.random() < 0.4:
            return wchoice(self.rng, self.region_pairs[region])
        return self.any_country()

    def pick_family(self):
        return self.rng.choices(range(len(self.cat.families)), cum_weights=self.cat.fam_cw)[0]

    def pick_model(self, fam: Family):
        return self.rng.choices(range(len(fam.models)), weights=[m.weight for m in fam.models])[0]

    def pick_alias(self, fam: Family, country, exclude=None):
        ch = fam.alias_choices(country, exclude)
        return wchoice(self.rng, ch) if ch else None

    def pick_calibre_text(self, cal: Calibre, country, exclude=None):
        ch = cal.choices(country, exclude)
        return wchoice(self.rng, ch) if ch else None

    def new_marking(self, fam: Family, model: Model, year: int):
        fmts = model.formats or fam.formats
        return gen_serial(self.rng, wchoice(self.rng, fmts), year)

    def render_serial(self, marking: str, country: str) -> str:
        """A marking as one register keys it."""
        rng, s = self.rng, marking
        if has_cyr(s) and country not in CYR_COUNTRIES:
            r = rng.random()
            if r < 0.40:
                s = visual_latin(s)
            elif r < 0.60:
                s = translit(s, pick_scheme(rng, country))
        if country in GREEK_COUNTRIES and rng.random() < 0.25:   # a Greek keyboard
            s = "".join(LATIN_TO_GREEK.get(c, c) for c in s)
        r = rng.random()
        if r < 0.15:
            s = "".join(c for c in s if c not in SEPS)
        elif r < 0.20 and any(c in SEPS for c in s):
            s = s.replace(" ", "#").replace("-", " ").replace("#", "-")
        if any(c.islower() for c in s) and rng.random() < 0.5:
            s = s.upper()
        if rng.random() < 0.01:
            s = s.lower()
        return s

    def family_clash(self, keys, fi, ignore_base=None):
        for k in keys:
            for f in self.key_index.get(k, ()):
                g = self.firearms[f]
                if g.fam == fi and g.base != ignore_base:
                    return True
        return False

    def _index(self, keys, fid, anon=False):
        idx = self.anon_index if anon else self.key_index
        for k in keys:
            lst = idx.setdefault(k, [])
            if not lst or lst[-1] != fid:
                lst.append(fid)

    # -- building ---------------------------------------------------------------------------
    def _build(self, n_records: int):
        rng, cat = self.rng, self.cat
        pools: dict[tuple, list[int]] = {}
        fam_fids: list[list[int]] = [[] for _ in cat.families]
        while len(self.records) < n_records:
            fi = self.pick_family()
            fam = cat.families[fi]
            mi = self.pick_model(fam)
            model = fam.models[mi]
            year = rng.randint(*model.years)
            cal = rng.choice(model.cals)
            parent, marking, placeholder = None, None, False
            pool = pools.get((fi, mi))
            if rng.random() < 0.005:
                marking, placeholder = wchoice(rng, PLACEHOLDERS), True
            elif pool and rng.random() < fam.batch:
                parent = self.firearms[rng.choice(pool[-30:])]
                for _ in range(20):
                    m = perturb_tail(rng, parent.marking, rng.choice((1, 1, 2, 2, 3)))
                    if m and not self.family_clash(serial_keys(m), fi):
                        marking = m
                        break
                if marking is None:
                    continue
                cal, year = parent.cal, parent.year
            elif fam.reuse and fam_fids[fi] and rng.random() < fam.reuse:
                other = self.firearms[rng.choice(fam_fids[fi])]
                if other.model == mi:
                    continue
                marking, year = other.marking, other.year
            else:
                for _ in range(30):
                    m = self.new_marking(fam, model, year)
                    if not self.family_clash(serial_keys(m), fi):
                        marking = m
                        break
                if marking is None:
                    continue
            fid = len(self.firearms)
            fa = Firearm(fi, mi, cal, marking, year, placeholder)
            self.firearms.append(fa)
            if parent is not None:
                fa.batch = parent.batch = True
            n = rng.choices((1, 2, 3), weights=(949, 45, 6))[0]
            n = min(n, n_records - len(self.records))
            first = None
            for k in range(n):
                rec = self._record(fa, fid, first, parent)
                first = first or rec
                fa.recs.append(len(self.records))
                self.records.append(rec)
            if not placeholder:
                keys = serial_keys(marking)
                for ri in fa.recs:
                    for k in serial_keys(self.records[ri][SERIAL]):
                        if k not in keys:
                            keys.append(k)
                self._index(keys, fid)
                for ri in fa.recs:
                    if not self.records[ri][MAKE]:
                        self._index(serial_keys(self.records[ri][SERIAL]), fid, anon=True)
                pools.setdefault((fi, mi), []).append(fid)
                fam_fids[fi].append(fid)

    def _record(self, fa: Firearm, fid: int, first, parent):
        rng = self.rng
        fam = self.cat.families[fa.fam]
        model = fam.models[fa.model]
        cal = self.cat.calibres[fa.cal]
        if first is None:
            if parent is not None and rng.random() < 0.7:
                pr = self.records[parent.recs[0]]
                country, date = pr[COUNTRY], pr[DATE]
            else:
                country = self.record_country(fam)
                start = dt.date(max(fa.year, 1990), 1, 1).toordinal()
                date = dt.date.fromordinal(rng.randint(start, LAST_DAY.toordinal()))
            status = wchoice(rng, [("stolen", 60), ("lost", 25), ("trafficked", 10), ("smuggled", 5)])
        else:
            country = first[COUNTRY] if rng.random() < 0.4 else self.any_country()
            date = dt.date.fromordinal(min(first[DATE].toordinal() + rng.randint(0, 1500),
                                           LAST_DAY.toordinal()))
            status = wchoice(rng, [("stolen", 35), ("lost", 15), ("trafficked", 30), ("smuggled", 20)])
        make = "" if rng.random() < 0.006 else self.pick_alias(fam, country)
        r = rng.random()
        if r < 0.10:
            mtext = ""
        elif r < 0.72:
            mtext = model.canonical
        else:
            named = [(t, 1) for t, _, cyr in model.names if not cyr or country in CYR_COUNTRIES]
            mtext = wchoice(rng, named)
        r = rng.random()
        if r < 0.08:
            ctext = ""
        elif country == "USA" and r < 0.20:
            ctext = cal.lossy
        else:
            ctext = self.pick_calibre_text(cal, country)
        typ = "" if rng.random() < 0.01 else model.typ
        serial = fa.marking if fa.placeholder else self.render_serial(fa.marking, country)
        return [None, make, mtext, serial, ctext, typ, country, status, date, fid]

    def _assign_ids(self):
        groups: dict[tuple, list[int]] = {}
        for ri, r in enumerate(self.records):
            groups.setdefault((r[COUNTRY], r[DATE].year), []).append(ri)
        for key in sorted(groups):
            seq = self.rng.randint(1, 20000)
            for ri in sorted(groups[key], key=lambda i: (self.records[i][DATE], i)):
                self.records[ri][RID] = f"{key[0]}-{key[1]}-{seq:07d}"
                seq += self.rng.randint(1, 12)

    # -- look-ups used by the checks ----------------------------------------------------------
    def pattern_matches(self, pattern: str) -> bool:
        """Does a partial serial (? = one character, * = any run) match any registered serial?"""
        forms = [fold(pattern)]
        if has_cyr(pattern):
            forms += [fold(translit(pattern.upper(), s)) for s in TRANSLIT]
        cands = []
        for f in forms:
            for g in (f, zstrip(f)):
                if g not in cands:
                    cands.append(g)
        return any(self._pattern_one(p) for p in cands)

    def _pattern_one(self, p: str) -> bool:
        if p.endswith("*"):
            return _any_prefix(self.sorted_keys, p[:-1].replace("*", ""))
        if p.startswith("*"):
            return _any_prefix(self.sorted_rev, p[1:][::-1])
        rx = re.compile("".join("." if c == "?" else re.escape(c) for c in p))
        head, tail = p[:p.index("?")], p[p.rindex("?") + 1:]
        if len(head) >= len(tail):
            return _any_prefix(self.sorted_keys, head,
                               lambda k: len(k) == len(p) and rx.fullmatch(k) is not None)
        return _any_prefix(self.sorted_rev, tail[::-1],
                           lambda k: len(k) == len(p) and rx.fullmatch(k[::-1]) is not None)


def _any_prefix(sorted_list, prefix, pred=None) -> bool:
    i = bisect.bisect_left(sorted_list, prefix)
    while i < len(sorted_list) and sorted_list[i].startswith(prefix):
        if pred is None or pred(sorted_list[i]):
            return True
        i += 1
    return False


def perturb_tail(rng: random.Random, s: str, k: int):
    """Change the last k digits (a sibling of the same production batch)."""
    pos = [i for i, c in enumerate(s) if c.isdigit()][-k:]
    if len(pos) < k:
        return None
    chars = list(s)
    for i in pos:
        chars[i] = rng.choice([d for d in DIGITS if d != chars[i]])
    return "".join(chars)


def pick_scheme(rng: random.Random, country: str) -> str:
    if country in GERMANIC:
        opts = (("german", 5), ("bgn", 3), ("iso", 2))
    elif country in FRANCOPHONE:
        opts = (("french", 5), ("bgn", 3), ("iso", 2))
    elif country == "BGR":
        opts = (("bulgarian", 6), ("bgn", 3), ("iso", 1))
    elif country in CYR_COUNTRIES:
        opts = (("bgn", 5), ("iso", 4), ("iso_dia", 1))
    else:
        opts = (("bgn", 6), ("iso", 3), ("iso_dia", 1), ("german", 1), ("french", 1))
    return wchoice(rng, opts)


# ----------------------------------------------------------------------------------------------
# Serial noise: each function returns the changed serial, or None when it cannot apply
# ----------------------------------------------------------------------------------------------

def _alnum_idx(s):
    return [i for i, c in enumerate(s) if c.isalnum()]


def _insert_seps(rng, t):
    slots = [i for i in range(1, len(t)) if t[i - 1].isalnum() and t[i].isalnum()]
    if not slots:
        return t
    pref = [i for i in slots if t[i - 1].isalpha() != t[i].isalpha()]
    chosen = set()
    for _ in range(1 if rng.random() < 0.75 else 2):
        chosen.add(rng.choice(pref if pref and rng.random() < 0.6 else slots))
    sep = wchoice(rng, ((" ", 4), ("-", 4), (".", 1), ("/", 1)))
    for i in sorted(chosen, reverse=True):
        t = t[:i] + sep + t[i:]
    return t


def n_case_separators(rng, s, country):
    for _ in range(8):
        ops = []
        if any(c.isalpha() and c != c.lower() for c in s):
            ops.append("lower")
        if any(c in SEPS for c in s):
            ops += ["strip", "swap"]
        if len(_alnum_idx(s)) >= 2:
            ops.append("insert")
        if not ops:
            return None
        t = s
        for op in rng.sample(ops, min(len(ops), 1 if rng.random() < 0.7 else 2)):
            if op == "lower":
                t = t.lower()
            elif op == "strip":
                t = "".join(c for c in t if c not in SEPS)
            elif op == "swap":
                t = "".join(rng.choice([x for x in SEPS if x != c]) if c in SEPS else c for c in t)
            else:
                t = _insert_seps(rng, t)
        if t != s:
            return t
    return None


def _confuse(rng, s, table, n):
    pos = [i for i, c in enumerate(s) if c.upper() in table]
    if not pos:
        return None
    chars = list(s)
    for i in rng.sample(pos, min(n, len(pos))):
        chars[i] = rng.choice(table[chars[i].upper()])
    return "".join(chars)


def n_ocr(rng, s, country):
    return _confuse(rng, s, OCR, 2 if rng.random() < 0.35 else 1)


def n_rare(rng, s, country):
    return _confuse(rng, s, RARE, 1)


def n_cyr_visual(rng, s, country):
    if has_cyr(s) or has_greek(s):
        out = []
        for c in s:
            u = c.upper()
            if u in GREEK_TWINS:
                out.append(GREEK_TWINS[u])
            elif u in CYR_TWINS:
                out.append(CYR_TWINS[u] if c == u else CYR_TWINS[u].lower())
            elif is_cyr(c):
                alt = SHAPE_ALT.get(u)
                out.append(alt if alt and rng.random() < 0.4 else _BGN.get(u, u))
            else:
                out.append(c)
        return "".join(out)
    table = LATIN_TO_GREEK if country in GREEK_COUNTRIES else LATIN_TO_CYR
    t = "".join(table.get(c, c) for c in s)
    return t if t != s else None


def n_cyr_translit(rng, s, country):
    if not has_cyr(s):
        return None
    t = translit(s, pick_scheme(rng, country))
    return t if t != s else None


def one_slip(rng, s):
    idx = _alnum_idx(s)
    if len(idx) < 3:
        return None
    for _ in range(10):
        op = wchoice(rng, (("neighbour", 40), ("transpose", 25), ("double", 15), ("drop", 20)))
        if op == "neighbour":
            cands = [i for i in idx if s[i].upper() in QWERTY_NB]
            if not cands:
                continue
            i = rng.choice(cands)
            c = s[i].upper()
            pool = KEYPAD_NB[c] if c.isdigit() and rng.random() < 0.5 else QWERTY_NB[c]
            r = rng.choice(pool)
            return s[:i] + (r.lower() if s[i].islower() else r) + s[i + 1:]
        if op == "transpose":
            pairs = [i for i in range(len(s) - 1)
                     if s[i].isalnum() and s[i + 1].isalnum() and s[i] != s[i + 1]]
            if pairs:
                i = rng.choice(pairs)
                return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        elif op == "double":
            i = rng.choice(idx)
            return s[:i] + s[i] + s[i:]
        elif len(idx) >= 5:
            i = rng.choice(idx)
            return s[:i] + s[i + 1:]
    return None


def n_typo1(rng, s, country):
    return one_slip(rng, s)


def n_typo2(rng, s, country):
    if len(_alnum_idx(s)) < 5:
        return None
    t = one_slip(rng, s)
    t = one_slip(rng, t) if t else None
    return t if t and t != s else None


_LEAD = re.compile(r"^([^\W\d_]*[ \-./]?)(\d+)")


def n_leading_zeros(rng, s, country):
    m = _LEAD.match(s)
    if not m:
        return None
    head, digits, rest = m.group(1), m.group(2), s[m.end():]
    if digits.startswith("0") and len(digits) > 1:
        nz = len(digits) - len(digits.lstrip("0") or "0")
        new = digits[rng.randint(1, nz):]
    else:
        new = "0" * rng.choice((1, 1, 2, 3)) + digits
    return head + new + rest


def _embedded_slots(s):
    al = _alnum_idx(s)
    inner = [i for k, i in enumerate(al) if s[i].isalpha()
             and any(s[j].isdigit() for j in al[:k]) and any(s[j].isdigit() for j in al[k + 1:])]
    add = [i for i in range(1, len(s)) if s[i - 1].isdigit() and s[i].isdigit()]
    return inner, add


def n_embedded_letter(rng, s, country):
    inner, add = _embedded_slots(s)
    if inner and (not add or rng.random() < 0.6):
        i = rng.choice(inner)
        return s[:i] + s[i + 1:]
    if add:
        i = rng.choice(add)
        return s[:i] + rng.choice(LAT) + s[i:]
    return None


def n_obliterated_one(rng, s, country):
    idx = _alnum_idx(s)
    if len(idx) < 5:
        return None
    n = 2 if len(idx) >= 7 and rng.random() < 0.4 else 1
    chars = list(s)
    for i in rng.sample(idx, n):
        chars[i] = "?"
    return "".join(chars)


def n_obliterated_star(rng, s, country):
    idx = _alnum_idx(s)
    n = len(idx)
    if n < 5:
        return None
    keep = rng.randint(max(3, math.ceil(n * 0.5)), n - 1)
    if rng.random() < 0.5:        # the end is lost
        return s[:idx[keep - 1] + 1].rstrip(SEPS) + "*"
    return "*" + s[idx[n - keep]:].lstrip(SEPS)


def n_serial_label(rng, s, country):
    labs = [(t, w * (4 if t == "№ " and country in CYR_COUNTRIES else 1)) for t, w in LABELS]
    return wchoice(rng, labs) + s


SERIAL_NOISE = {
    "cyrillic_visual": n_cyr_visual, "cyrillic_translit": n_cyr_translit,
    "leading_zeros": n_leading_zeros, "embedded_letter": n_embedded_letter, "ocr": n_ocr,
    "rare_confusion": n_rare, "typo1": n_typo1, "typo2": n_typo2,
    "case_separators": n_case_separators, "obliterated_one": n_obliterated_one,
    "obliterated_star": n_obliterated_star,
}
SERIAL_ORDER = list(SERIAL_NOISE)  # the order in which serial kinds are applied
KIND_ORDER = ["exact", "case_separators", "ocr", "rare_confusion", "cyrillic_visual",
              "cyrillic_translit", "typo1", "typo2", "leading_zeros", "embedded_letter",
              "obliterated_one", "obliterated_star", "serial_label", "make_alias",
              "make_misspelled", "make_missing", "importer_as_make", "model_variant",
              "model_missing", "calibre_synonym", "calibre_missing"]
EXCLUSIVE = [{"typo1", "typo2"}, {"cyrillic_visual", "cyrillic_translit"},
             {"obliterated_one", "obliterated_star"},
             {"make_alias", "make_misspelled", "make_missing", "importer_as_make"},
             {"model_variant", "model_missing"}, {"calibre_synonym", "calibre_missing"}]
DESTRUCTIVE = {"ocr", "rare_confusion", "typo1", "typo2", "embedded_letter", "obliterated_one",
               "obliterated_star"}
P_EXACT = 0.10
NONHIT_SHARES = (("sibling", 0.35), ("other_make", 0.25), ("fresh", 0.25), ("wildcard_nothing", 0.15))


def generic_misspell(rng, name):
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if len(letters) < 4:
        return None
    op = rng.choice(("drop", "double", "swap", "vowel", "neighbour"))
    i = rng.choice(letters[1:])
    c = name[i]
    if op == "drop":
        return name[:i] + name[i + 1:]
    if op == "double":
        return name[:i] + c + name[i:]
    if op == "swap" and i + 1 < len(name) and name[i + 1].isalpha() and name[i + 1] != c:
        return name[:i] + name[i + 1] + c + name[i + 2:]
    if op == "vowel":
        vows = [j for j in letters[1:] if name[j].lower() in "aeiou"]
        if vows:
            j = rng.choice(vows)
            v = rng.choice([x for x in "aeiou" if x != name[j].lower()])
            return name[:j] + (v.upper() if name[j].isupper() else v) + name[j + 1:]
    if c.upper() in QWERTY_NB:
        r = rng.choice([x for x in QWERTY_NB[c.upper()] if x.isalpha()] or ["E"])
        return name[:i] + (r if c.isupper() else r.lower()) + name[i + 1:]
    return None


# ----------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------

class Checks:
    def __init__(self, reg: Register):
        self.reg, self.rng, self.cat = reg, reg.rng, reg.cat
        fas, recs = reg.firearms, reg.records
        self.all = [f for f, fa in enumerate(fas) if not fa.placeholder]
        self.cyr = [f for f in self.all if any(has_cyr(recs[r][SERIAL]) or has_greek(recs[r][SERIAL])
                                               for r in fas[f].recs)]
        self.multi = [f for f in self.all if len(fas[f].recs) > 1]
        self.batch = [f for f in self.all if fas[f].batch]
        self.latin = [f for f in self.all if not has_cyr(fas[f].marking)]

    # -- hits -------------------------------------------------------------------------------
    def pick_hit_firearm(self):
        r = self.rng.random()
        if r < 0.12 and self.cyr:
            return self.rng.choice(self.cyr)
        if r < 0.22 and self.multi:
            return self.rng.choice(self.multi)
        if r < 0.30 and self.batch:
            return self.rng.choice(self.batch)
        return self.rng.choice(self.all)

    def eligible(self, fam, model, cal, base, country):
        s = base["serial"]
        n = len(_alnum_idx(s))
        e = {"case_separators": 10, "serial_label": 5, "make_misspelled": 6, "make_missing": 4,
             "model_missing": 5, "calibre_missing": 4}
        if any(c.upper() in OCR for c in s):
            e["ocr"] = 10
        if any(c.upper() in RARE for c in s):
            e["rare_confusion"] = 5
        if has_cyr(s):
            w = 6 if country in CYR_COUNTRIES else 30
            e["cyrillic_visual"] = e["cyrillic_translit"] = w
        elif has_greek(s):
            e["cyrillic_visual"] = 6 if country in GREEK_COUNTRIES else 30
        elif (country in GREEK_COUNTRIES and any(c in LATIN_TO_GREEK for c in s)) or \
                (country in CYR_COUNTRIES and any(c in LATIN_TO_CYR for c in s)):
            e["cyrillic_visual"] = 8
        if n >= 3:
            e["typo1"] = 10
        if n >= 5:
            e["typo2"] = 4
            e["obliterated_one"] = e["obliterated_star"] = 5
        if _LEAD.match(s):
            e["leading_zeros"] = 5
        if any(_embedded_slots(s)):
            e["embedded_letter"] = 4
        if fam.alias_choices(country, base["make"]):
            e["make_alias"] = 10
        if fam.importers:
            e["importer_as_make"] = 12
        if self.model_variants(model, country, base["model"]):
            e["model_variant"] = 8
        if cal.choices(country, base["calibre"]):
            e["calibre_synonym"] = 8
        return e

    @staticmethod
    def model_variants(model, country, base):
        pool = [(t, w) for t, w in model.variants(country) if t != base]
        better = [(t, w) for t, w in pool if norm(t) != norm(base)]
        return better or pool

    def forced_kinds(self, elig, base, country):
        """Kinds a check cannot avoid: an officer outside a script's countries cannot key it."""
        forced = []
        s = base["serial"]
        if (has_cyr(s) and country not in CYR_COUNTRIES) or \
                (has_greek(s) and country not in GREEK_COUNTRIES):
            forced.append(wchoice(self.rng, [(x, elig[x]) for x in ("cyrillic_visual", "cyrillic_translit")
                                             if x in elig]))
        if country not in CYR_COUNTRIES:
            for field, kind in (("make", "make_alias"), ("model", "model_variant"),
                                ("calibre", "calibre_synonym")):
                if has_cyr(base[field]):
                    forced.append(kind)
        return forced

    def choose_kinds(self, elig, forced):
        rng = self.rng
        if not forced and rng.random() < P_EXACT:
            return ["exact"]
        k = max(len(forced), wchoice(rng, ((1, 45), (2, 35), (3, 20))))
        chosen = list(forced)
        while len(chosen) < k:
            cands = []
            for x in KIND_ORDER:
                if x not in elig or x in chosen:
                    continue
                if any(x in g and g & set(chosen) for g in EXCLUSIVE):
                    continue
                if x in DESTRUCTIVE and len(DESTRUCTIVE & set(chosen)) >= 2:
                    continue
                cands.append((x, elig[x]))
            if not cands:
                break
            chosen.append(wchoice(rng, cands))
        return chosen

    def hit(self):
        rng, reg, cat = self.rng, self.reg, self.cat
        for _ in range(200):
            fid = self.pick_hit_firearm()
            fa = reg.firearms[fid]
            fam = cat.families[fa.fam]
            model = fam.models[fa.model]
            cal = cat.calibres[fa.cal]
            rec = reg.records[rng.choice(fa.recs)]
            country = rec[COUNTRY] if rng.random() < 0.4 else reg.any_country()
            base = {
                "make": rec[MAKE] or reg.pick_alias(fam, country),
                "model": rec[MODEL] or model.canonical,
                "calibre": rec[CAL] if rec[CAL] and rec[CAL] != cal.lossy
                else reg.pick_calibre_text(cal, country),
                "serial": rec[SERIAL],
            }
            elig = self.eligible(fam, model, cal, base, country)
            forced = self.forced_kinds(elig, base, country)
            if len(forced) > 3 or any(k not in elig for k in forced):
                continue
            for _ in range(6):
                kinds = self.choose_kinds(elig, forced)
                q = self.apply(kinds, fa, fam, model, cal, base, country)
                if q is not None:
                    q.update(label="hit", noise="|".join(k for k in KIND_ORDER if k in kinds),
                             record_ids="|".join(sorted(reg.records[r][RID] for r in fa.recs)))
                    return q
        raise RuntimeError("could not make a hit check")

    def apply(self, kinds, fa, fam, model, cal, base, country):
        rng, reg = self.rng, self.reg
        s = base["serial"]
        for k in SERIAL_ORDER:
            if k in kinds:
                s = SERIAL_NOISE[k](rng, s, country)
                if s is None:
                    return None
        serial_kinds = [k for k in kinds if k in SERIAL_NOISE]
        if serial_kinds and s == base["serial"]:
            return None
        q = dict(base, country=country)
        if "make_alias" in kinds:
            q["make"] = reg.pick_alias(fam, country, base["make"])
        elif "make_misspelled" in kinds:
            q["make"] = self.misspell(fam, base["make"])
            if q["make"] is None:
                return None
        elif "make_missing" in kinds:
            q["make"] = ""
        elif "importer_as_make" in kinds:
            q["make"] = rng.choice(fam.importers)
        if "model_variant" in kinds:
            q["model"] = wchoice(rng, self.model_variants(model, country, base["model"]))
        elif "model_missing" in kinds:
            q["model"] = ""
        if "calibre_synonym" in kinds:
            q["calibre"] = reg.pick_calibre_text(cal, country, base["calibre"])
        elif "calibre_missing" in kinds:
            q["calibre"] = ""
        if "?" not in s and "*" not in s:
            extra = set()
            if "importer_as_make" in kinds:
                extra = self.cat.families_for_make(q["make"]) or set()
            if self.collides(serial_keys(s), fa, "make_missing" in kinds, extra,
                             "model_missing" in kinds):
                return None
        if "serial_label" in kinds:
            s = n_serial_label(rng, s, country)
        q["serial"] = s
        return q

    def collides(self, keys, fa, cross_family, extra_fams, model_missing=False):
        reg = self.reg
        for k in keys:
            for f in reg.key_index.get(k, ()):
                g = reg.firearms[f]
                if g is fa or (g.fam == fa.fam and g.base == fa.base and not model_missing):
                    continue
                if g.fam == fa.fam or cross_family or g.fam in extra_fams:
                    return True
            for f in reg.anon_index.get(k, ()):
                if reg.firearms[f].base != fa.base:
                    return True
        return False

    def misspell(self, fam, make):
        rng, cat = self.rng, self.cat
        for _ in range(10):
            if fam.misspell and rng.random() < 0.5:
                t = rng.choice(fam.misspell)
            else:
                src = make if len(norm(make)) >= 4 else max((a[0] for a in fam.aliases if not a[2]), key=len)
                t = generic_misspell(rng, src)
            if t and len(norm(t)) >= 3 and norm(t) not in cat.all_make_norms:
                return t
        return None

    # -- non-hits ---------------------------------------------------------------------------
    def nonhit_fields(self, fam, model, cal, rec, country, allow_empty_make=False):
        rng, reg = self.rng, self.reg
        if allow_empty_make and rng.random() < 0.03:
            make = ""
        elif rec is not None and rec[MAKE] and rng.random() < 0.7 and \
                (country in CYR_COUNTRIES or not has_cyr(rec[MAKE])):
            make = rec[MAKE]
        else:
            make = reg.pick_alias(fam, country)
        r = rng.random()
        if r < 0.10:
            mtext = ""
        elif r < 0.25:
            mtext = wchoice(rng, model.variants(country))
        else:
            mtext = (rec[MODEL] if rec is not None else "") or model.canonical
            if has_cyr(mtext) and country not in CYR_COUNTRIES:
                mtext = model.canonical
        r = rng.random()
        if r < 0.10:
            ctext = ""
        elif r < 0.70 and rec is not None and rec[CAL] and rec[CAL] != cal.lossy and \
                (country in CYR_COUNTRIES or not has_cyr(rec[CAL])):
            ctext = rec[CAL]
        else:
            ctext = reg.pick_calibre_text(cal, country)
        return make, mtext, ctext

    def clash(self, keys, fams):
        """Would this serial be a registered serial of these families (None: of any)?"""
        reg = self.reg
        for k in keys:
            if k in reg.anon_index:
                return True
            for f in reg.key_index.get(k, ()):
                if fams is None or reg.firearms[f].fam in fams:
                    return True
        return False

    def keyable(self, s, country):
        """A serial as an officer in this country can key it (no foreign script)."""
        if has_cyr(s) and country not in CYR_COUNTRIES:
            f = n_cyr_visual if self.rng.random() < 0.5 else n_cyr_translit
            s = f(self.rng, s, country)
        if has_greek(s) and country not in GREEK_COUNTRIES:
            s = n_cyr_visual(self.rng, s, country)
        return s

    def cosmetic(self, s, country):
        r = self.rng.random()
        if r < 0.10:
            s = n_case_separators(self.rng, s, country) or s
        elif r < 0.13:
            s = n_serial_label(self.rng, s, country)
        return s

    def _source(self, pool=None):
        reg = self.reg
        fid = self.rng.choice(pool or self.all)
        fa = reg.firearms[fid]
        fam = self.cat.families[fa.fam]
        return fa, fam, fam.models[fa.model], self.cat.calibres[fa.cal], \
            reg.records[self.rng.choice(fa.recs)]

    def sibling(self):
        rng, reg = self.rng, self.reg
        for _ in range(500):
            fa, fam, model, cal, rec = self._source(self.batch if rng.random() < 0.4 else None)
            country = rec[COUNTRY] if rng.random() < 0.4 else reg.any_country()
            s = self.keyable(rec[SERIAL], country)
            digits = [i for i, c in enumerate(s) if c.isdigit()]
            if len(digits) < 2:
                continue
            near = digits[-4:]
            pos = rng.sample(near, rng.choice((2, 3)) if len(near) >= 3 else 2)
            chars = list(s)
            for i in pos:
                chars[i] = rng.choice([d for d in DIGITS if d != chars[i]])
            t = "".join(chars)
            make, mtext, ctext = self.nonhit_fields(fam, model, cal, rec, country, True)
            fams = self.cat.families_for_make(make) if make else None
            if self.clash(serial_keys(t), fams):
                continue
            return dict(make=make, model=mtext, serial=self.cosmetic(t, country), calibre=ctext,
                        country=country)
        raise RuntimeError("could not make a sibling non-hit")

    def other_make(self):
        rng, reg, cat = self.rng, self.reg, self.cat
        for _ in range(500):
            fa, fam, model, cal, rec = self._source(self.latin if rng.random() < 0.85 else None)
            related = cat.related[fa.fam]
            fib = None
            for _ in range(15):
                j = reg.pick_family()
                if j in related:
                    continue
                fib = j
                if any(m.typ == model.typ for m in cat.families[j].models):
                    break
            if fib is None:
                continue
            famb = cat.families[fib]
            same = [m for m in famb.models if m.typ == model.typ] or famb.models
            modelb = rng.choices(same, weights=[m.weight for m in same])[0]
            calb = cat.calibres[rng.choice(modelb.cals)]
            country = rec[COUNTRY] if rng.random() < 0.4 else reg.any_country()
            make, mtext, ctext = self.nonhit_fields(famb, modelb, calb, None, country)
            fams = cat.families_for_make(make)
            s = self.keyable(rec[SERIAL], country)
            if fams is None or fa.fam in fams or self.clash(serial_keys(rec[SERIAL]) + serial_keys(s), fams):
                continue
            return dict(make=make, model=mtext, serial=self.cosmetic(s, country),
                        calibre=ctext, country=country)
        raise RuntimeError("could not make an other_make non-hit")

    def _fresh_serial(self):
        reg = self.reg
        fi = reg.pick_family()
        fam = self.cat.families[fi]
        model = fam.models[reg.pick_model(fam)]
        year = self.rng.randint(*model.years)
        marking = reg.new_marking(fam, model, year)
        country = reg.any_country()
        return fam, model, self.cat.calibres[self.rng.choice(model.cals)], marking, \
            self.keyable(reg.render_serial(marking, country), country), country

    def fresh(self):
        for _ in range(500):
            fam, model, cal, marking, s, country = self._fresh_serial()
            if self.clash(serial_keys(marking) + serial_keys(s), None):
                continue
            make, mtext, ctext = self.nonhit_fields(fam, model, cal, None, country, True)
            return dict(make=make, model=mtext, serial=self.cosmetic(s, country), calibre=ctext,
                        country=country)
        raise RuntimeError("could not make a fresh non-hit")

    def wildcard_nothing(self):
        rng, reg = self.rng, self.reg
        for _ in range(500):
            if rng.random() < 0.5:
                fam, model, cal, _, s, country = self._fresh_serial()
                rec = None
            else:
                fa, fam, model, cal, rec = self._source()
                country = reg.any_country()
                s = self.keyable(rec[SERIAL], country)
                s = perturb_tail(rng, s, 1) if rng.random() < 0.5 else s
                if s is None:
                    continue
                digits = [i for i, c in enumerate(s) if c.isdigit()]
                if not digits:
                    continue
                i = rng.choice(digits)
                s = s[:i] + rng.choice([d for d in DIGITS if d != s[i]]) + s[i + 1:]
            p = (n_obliterated_one if rng.random() < 0.5 else n_obliterated_star)(rng, s, country)
            if p is None or len([c for c in p if c.isalnum()]) < 4 or reg.pattern_matches(p):
                continue
            make, mtext, ctext = self.nonhit_fields(fam, model, cal, rec, country)
            return dict(make=make, model=mtext, serial=p, calibre=ctext, country=country)
        raise RuntimeError("could not make a wildcard non-hit")

    def make_all(self, n_queries: int, hit_share: float):
        n_hits = round(n_queries * hit_share)
        n_non = n_queries - n_hits
        plan = ["hit"] * n_hits
        remaining = n_non
        for i, (kind, share) in enumerate(NONHIT_SHARES):
            n = remaining if i == len(NONHIT_SHARES) - 1 else round(n_non * share)
            plan += [kind] * n
            remaining -= n
        self.rng.shuffle(plan)
        out = []
        for kind in plan:
            if kind == "hit":
                q = self.hit()
            else:
                q = getattr(self, kind)()
                q.update(label="non_hit", noise=f"non_hit:{kind}", record_ids="")
            out.append(q)
        for i, q in enumerate(out, 1):
            q["query_id"] = f"Q{i:06d}"
        return out


# ----------------------------------------------------------------------------------------------
# Output and verification
# ----------------------------------------------------------------------------------------------

def write_all(outdir: str, reg: Register, queries):
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "records.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(RECORD_HEADER)
        for r in sorted(reg.records, key=lambda r: r[RID]):
            w.writerow([r[RID], r[MAKE], r[MODEL], r[SERIAL], r[CAL], r[TYPE], r[COUNTRY],
                        r[STATUS], r[DATE].isoformat()])
    with open(os.path.join(outdir, "queries.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(QUERY_HEADER)
        for q in queries:
            w.writerow([q[k] for k in QUERY_HEADER])
    with open(os.path.join(outdir, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(TRUTH_HEADER)
        for q in queries:
            w.writerow([q["query_id"], q["label"], q["noise"], q["record_ids"]])


def _read(path, header):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if rows[0] != header:
        raise AssertionError(f"{path}: header {rows[0]} != {header}")
    return [dict(zip(header, r)) for r in rows[1:]]


def verify(outdir: str, cat: Catalogue) -> dict:
    """Re-read the files and check them without the generator's state. Returns kind counts."""
    recs = _read(os.path.join(outdir, "records.csv"), RECORD_HEADER)
    qs = _read(os.path.join(outdir, "queries.csv"), QUERY_HEADER)
    truth = _read(os.path.join(outdir, "truth.csv"), TRUTH_HEADER)
    ids = [r["record_id"] for r in recs]
    assert len(set(ids)) == len(ids), "record ids not unique"
    idset = set(ids)
    index: dict[str, set] = {}
    for r in recs:
        assert r["type"] in TYPES or r["type"] == "", r
        assert r["status"] in STATUSES, r
        assert re.fullmatch(r"[A-Z]{3}", r["country"]), r
        dt.date.fromisoformat(r["reported_on"])
        fi = cat.alias_family.get(norm(r["make"]), -1) if r["make"] else -1
        for k in serial_keys(r["serial"]):
            index.setdefault(k, set()).add(fi)
    keys = sorted(index)
    rev = sorted(k[::-1] for k in index)
    assert [q["query_id"] for q in qs] == [t["query_id"] for t in truth], "query/truth ids differ"
    assert len({q["query_id"] for q in qs}) == len(qs), "query ids not unique"
    counts: dict[str, int] = {}
    probe = Register.__new__(Register)
    probe.sorted_keys, probe.sorted_rev = keys, rev
    for q, t in zip(qs, truth):
        if t["label"] == "hit":
            rids = t["record_ids"].split("|")
            assert rids and all(r in idset for r in rids), t
            kinds = t["noise"].split("|")
            assert all(k in KIND_ORDER for k in kinds), t
            for k in kinds:
                counts[k] = counts.get(k, 0) + 1
        else:
            assert t["label"] == "non_hit" and t["record_ids"] == "", t
            kind = t["noise"]
            assert kind.startswith("non_hit:") and kind[8:] in dict(NONHIT_SHARES), t
            counts[kind] = counts.get(kind, 0) + 1
            s = strip_label(q["serial"])
            if "?" in s or "*" in s:
                assert not probe.pattern_matches(s), (q, t)
                continue
            fams = cat.families_for_make(q["make"]) if q["make"] else None
            for k in serial_keys(s):
                hit_fams = index.get(k, set())
                bad = -1 in hit_fams or (hit_fams if fams is None else hit_fams & fams)
                assert not bad, (q, t, k)
    missing = [k for k in KIND_ORDER if k not in counts] + \
        [f"non_hit:{k}" for k, _ in NONHIT_SHARES if f"non_hit:{k}" not in counts]
    if missing:
        print(f"warning: kinds that never occur: {missing}", file=sys.stderr)
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=int, default=300000)
    ap.add_argument("--queries", type=int, default=6000)
    ap.add_argument("--hit-share", type=float, default=0.30)
    ap.add_argument("--out", required=True)
    ap.add_argument("--verify", action="store_true", help="re-read and check the written files")
    args = ap.parse_args(argv)
    t0 = time.time()
    cat = Catalogue()
    rng = random.Random(args.seed)
    reg = Register(rng, cat, args.records)
    t1 = time.time()
    queries = Checks(reg).make_all(args.queries, args.hit_share)
    write_all(args.out, reg, queries)
    t2 = time.time()
    print(f"{len(cat.families)} maker families, {len(reg.firearms)} firearms, "
          f"{len(reg.records)} records ({t1 - t0:.1f}s); {len(queries)} checks ({t2 - t1:.1f}s) "
          f"-> {args.out}", file=sys.stderr)
    if args.verify:
        counts = verify(args.out, cat)
        for k in KIND_ORDER + [f"non_hit:{k}" for k, _ in NONHIT_SHARES]:
            print(f"  {k:28s} {counts.get(k, 0)}", file=sys.stderr)
        print(f"verified ({time.time() - t2:.1f}s)", file=sys.stderr)


# ----------------------------------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------------------------------

# key | NCIC-style lossy form | synonyms (^ = written so only in Cyrillic-writing countries)
CALIBRE_TABLE = """
9x19      | 9   | 9mm Luger@6; 9x19@5; 9mm Para@3; 9 mm Parabellum@2; 9x19mm@2; 9mm Parabellum@2; 9mm NATO@1; 9mm@1; ^9х19@3
9x18      | 9   | 9x18 Makarov@5; 9mm Makarov@4; 9x18@4; 9 mm PM@1; 9x18mm@2; 9mm Mak@1; ^9х18@3; ^9 мм ПМ@1
380       | 380 | .380 ACP@6; 9mm Kurz@3; 9x17@3; 9mm Browning Short@2; .380 Auto@3; 380@2; 9 mm K@1; 9mm Short@1
32acp     | 32  | .32 ACP@5; 7.65mm Browning@4; 7.65x17@2; 7,65 mm@2; 7.65 Browning@3; .32 Auto@2; 7.65mm@2
25acp     | 25  | .25 ACP@5; 6.35mm Browning@3; 6.35x15@1; 6,35 mm@2; .25 Auto@2; 6.35mm@2
40sw      | 40  | .40 S&W@6; 40 S&W@3; .40 Smith & Wesson@2; .40@1; 10x22mm@1
45acp     | 45  | .45 ACP@6; .45 Auto@3; 45 ACP@2; 11.43x23@1; .45@1; 11,43 mm@1
10mm      | 10  | 10mm Auto@4; 10mm@3; 10x25mm@1
357sig    | 357 | .357 SIG@4; 357 SIG@2; 9x22 SIG@1
57x28     | 57  | 5.7x28mm@4; 5.7x28@3; 5,7x28 FN@1
38spl     | 38  | .38 Special@6; .38 Spl@3; 38 SPL@2; .38 S&W Special@1; 9x29R@1; .38@1
357mag    | 357 | .357 Magnum@6; .357 Mag@3; 357MAG@2; 9x33R@1; .357@1
44mag     | 44  | .44 Magnum@5; .44 Mag@3; .44 Rem Mag@2; 44MAG@1
44spl     | 44  | .44 Special@5; .44 Spl@2; 44 SPL@1
45colt    | 45  | .45 Colt@5; .45 Long Colt@3; .45 LC@2; 45 LC@1
22lr      | 22  | .22 LR@6; .22 Long Rifle@3; 22LR@3; .22@2; 5.6mm lfB@1; 5,6 mm l.f.B.@1
22wmr     | 22  | .22 WMR@4; .22 Magnum@3; .22 Win Mag@2; .22 WMRF@1
17hmr     | 17  | .17 HMR@4; 17 HMR@2
762x25    | 762 | 7.62x25 Tokarev@5; 7.62x25@4; 7.62 Tokarev@2; 7,62 mm TT@1; 7.62x25mm@2; ^7,62х25@3; ^7,62 мм ТТ@1
763mauser | 763 | 7.63x25 Mauser@4; .30 Mauser@3; 7.63 Mauser@3
762x38r   | 762 | 7.62x38R Nagant@4; 7.62 Nagant@3; 7.62x38R@3; ^7,62х38@2
762x39    | 762 | 7.62x39@6; 7.62x39mm@4; 7.62 x 39@2; 7,62x39 M43@1; 7.62 Soviet@1; ^7,62х39@4
545x39    | 545 | 5.45x39@5; 5.45x39mm@3; 5,45x39@2; 5.45 Soviet@1; ^5,45х39@4
762x54r   | 762 | 7.62x54R@5; 7.62x54mmR@3; 7.62x54@2; 7,62x54R@2; 7.62 Russian@1; ^7,62х54R@3
556       | 556 | 5.56x45 NATO@5; 5.56mm@3; 5.56x45@4; 5,56 NATO@2; 5.56@2
223       | 223 | .223 Rem@5; .223 Remington@4; 223@2; .223@2
308       | 308 | .308 Win@5; .308 Winchester@4; 308@2; .308@2
762x51    | 762 | 7.62x51 NATO@5; 7.62 NATO@3; 7.62x51@3; 7,62x51@2
3006      | 30  | .30-06 Springfield@5; .30-06@4; 30-06@3; 7.62x63@1; .30-06 Sprg@1
3030      | 30  | .30-30 Win@4; .30-30@4; 30-30 Winchester@2; 30 WCF@1
303       | 303 | .303 British@5; .303@3; 303 Brit@2; 7.7x56R@1
8mauser   | 8   | 8x57 IS@4; 8mm Mauser@5; 7.92x57@3; 7.92x57mm Mauser@2; 8x57JS@2; 8 mm@1
8x56r     | 8   | 8x56R@4; 8x56mmR@2; 8mm Steyr@1
65x55     | 65  | 6.5x55 Swedish@4; 6.5x55@4; 6.5x55 SE@2; 6,5x55@2
270       | 270 | .270 Win@5; .270 Winchester@4; 270@2
7mmrm     | 7   | 7mm Rem Mag@5; 7mm Remington Magnum@3; 7mm RM@1
300wm     | 300 | .300 Win Mag@5; .300 Winchester Magnum@3; 300WM@2
243       | 243 | .243 Win@5; .243 Winchester@4; 243@1
93x62     | 93  | 9.3x62@5; 9,3x62@3; 9.3x62mm@1
93x74r    | 93  | 9.3x74R@5; 9,3x74R@3
7x64      | 7   | 7x64@5; 7x64 Brenneke@2; 7 x 64@1
338lm     | 338 | .338 Lapua Magnum@5; .338 LM@3; 8.6x70@1
127x108   | 127 | 12.7x108@5; 12,7x108@2; ^12,7х108@3
30carbine | 30  | .30 Carbine@5; 7.62x33@2; .30 M1@1
50ae      | 50  | .50 AE@5; .50 Action Express@3
765para   | 765 | 7.65 Parabellum@4; 7.65x21@3; .30 Luger@3; 7,65 Para@1
4570      | 45  | .45-70 Govt@5; .45-70@4; 45-70 Government@1
4440      | 44  | .44-40 Win@4; .44-40@3; .44 WCF@2
32lng     | 32  | .32 S&W Long@5; .32 Long@3; .32 S&W L@1
455webley | 455 | .455 Webley@5; .455@2; .455 Mk II@1
38sw      | 38  | .38 S&W@5; .38/200@3; 9x20R@1; .38 S&W Short@1
9x21      | 9   | 9x21 IMI@4; 9x21@4; 9 x 21@1
46x30     | 46  | 4.6x30@4; 4.6x30mm@2; 4,6x30@1
65cm      | 65  | 6.5 Creedmoor@5; 6.5 CM@2; 6.5mm Creedmoor@1
12ga      | 12  | 12 ga@5; 12GA@4; 12/70@4; 12 bore@2; 12 gauge@3; 12/76@2; Cal. 12@1; ^12 калибр@3
20ga      | 20  | 20 ga@5; 20GA@3; 20/70@2; 20 bore@1; 20 gauge@3; 20/76@1
16ga      | 16  | 16 ga@4; 16/70@3; 16 bore@1; 16 gauge@2; 16GA@1
410       | 410 | .410 bore@4; .410@4; 410 ga@2; 36 ga@1
28ga      | 28  | 28 ga@4; 28 gauge@2; 28GA@1
23mm      | 23  | 23mm KS-23@3; 23x75mmR@3; 4 ga@1; ^23 мм@2
9pak      | 9   | 9mm P.A.K.@4; 9 mm PAK@3; 9mm R.K.@2; 9mm blank@1
9x23steyr | 9   | 9mm Steyr@4; 9x23 Steyr@3; 9x23@1
792x33    | 792 | 7.92x33 Kurz@4; 7.92 Kurz@3; 8mm Kurz@2; 7,92x33@1
65carcano | 65  | 6.5x52 Carcano@4; 6.5 Carcano@3; 6,5x52@2; 6.5mm Mannlicher-Carcano@1
75fr      | 75  | 7.5x54 French@4; 7.5x54 MAS@3; 7,5 mm MAS@1; 7.5 French@1
765long   | 765 | 7.65mm Long@4; 7.65 French Long@2; 7.65x20 Longue@2
8x27r     | 8   | 8mm French Ordnance@3; 8x27R@3; 8mm Lebel revolver@2
75swiss   | 75  | 7.5x55 Swiss@4; 7.5 Swiss@3; GP11@2; 7,5x55@2
77jap     | 77  | 7.7x58 Arisaka@4; 7.7 Jap@3; 7.7mm Japanese@2; 7,7x58@1
65jap     | 65  | 6.5x50 Arisaka@4; 6.5 Jap@3; 6.5x50SR@2; 6.5mm Arisaka@1
8nambu    | 8   | 8mm Nambu@4; 8x22 Nambu@3; 8x22@1
38super   | 38  | .38 Super@5; .38 Super Auto@3; 38 Super@2; 9x23SR@1
375hh     | 375 | .375 H&H Magnum@4; .375 H&H@4; 375 HH@1; 9.5x72@1
9largo    | 9   | 9mm Largo@5; 9x23 Largo@4; 9mm Bergmann-Bayard@1
762x17    | 762 | 7.62x17 Type 64@3; 7.62x17@4; 7.62 Chinese@1
545x18    | 545 | 5.45x18@5; 5,45x18@2; 5.45x18 MPTs@1; ^5,45х18@3
44bp      | 44  | .44 percussion@4; .44 cap & ball@3; .44 BP@2; .451@1
36bp      | 36  | .36 percussion@4; .36 Navy@3; .36 cap & ball@2
"""

CATALOGUE = r"""# @key ORIGIN weight [batch=p reuse=p years=a-b] | aliases (^ = Cyrillic-writing countries only) | serial formats
#   imp: importers/distributors named on the firearm   mis: real misspellings   rel: linked families
#   type | model names (first = canonical) | calibres | weight | serial formats | years made
# ---- United States ----
@smith_wesson USA 60 batch=.15 | Smith & Wesson@10; S&W@8; Smith and Wesson@3; SMITH AND WESSON INC@2; Smith & Wesson Corp.@1; S & W@1; Smith&Wesson@1 | LLLDDDD@4; LDDDDDD@3; LLDDDDD@2; AAADDDD@1; DDDDDDD@1
 mis: Smith & Weston; Smith Wesson; Smith & Wessen; Smith & Wesen; Smit & Wesson
 pistol | M&P9; M&P 9; MP9; M&P 9mm; M&P9 M2.0 | 9x19 | 6
 pistol | M&P Shield; Shield; M&P9 Shield; M&P Shield 9 | 9x19 | 6
 pistol | M&P40; M&P 40; MP40 | 40sw | 3
 pistol | SD9VE; SD9 VE; SD9 | 9x19 | 4
 pistol | SW40VE; SW40; Sigma 40; SW40F | 40sw | 2
 pistol | Bodyguard 380; BG380; M&P Bodyguard 380 | 380 | 3
 pistol | Model 59; 59; M59 | 9x19 | 1 | {A}DDDDDD@1; DDDDDDD@1 | 1971-1982
 pistol | Model 915; 915 | 9x19 | 1 | LLLDDDD@1 | 1992-1994
 revolver | Model 686; 686; M686; 686 Plus | 357mag | 3
 revolver | Model 10; M10; 10; Military & Police | 38spl | 3 | LDDDDD@2; DDDDDD@1 | 1950-2000
 revolver | Model 36; 36; Chiefs Special; M36 | 38spl | 2 | LDDDDD@2; LLLDDDD@1 | 1950-2000
 revolver | Model 642; 642; 642 Airweight | 38spl | 3
 revolver | Model 29; 29; M29 | 44mag | 1
 rifle | M&P15; M&P 15; MP15; M&P 15 Sport | 556, 223 | 3 | {S}DDDDDDD@1; LLDDDDD@1
@ruger USA 55 batch=.15 reuse=.01 | Ruger@10; Sturm Ruger@5; Sturm, Ruger & Co.@3; STURM RUGER & CO INC@2; Sturm Ruger and Company@1 | NDD-DDDDD@7; DD-DDDDD@2; NDDDDDDD@1
 mis: Rugar; Rueger; Sturm Rugger; Ruger Sturn
 pistol | LCP; LCP II; Ruger LCP; LCP 380 | 380 | 6
 pistol | LC9; LC9s; LC 9 | 9x19 | 3
 pistol | P95; P-95; P95DC | 9x19 | 3
 pistol | P89; P-89; P 89 | 9x19 | 2 | | 1986-2007
 pistol | SR9; SR9c; SR 9 | 9x19 | 3
 pistol | Security-9; Security 9; SEC9 | 9x19 | 2 | | 2019-2023
 pistol | Mark II; MK II; Mark 2; MKII | 22lr | 2 | DD-DDDDD@1 | 1982-2004
 pistol | Mark IV; MK IV; Mark 4 | 22lr | 1 | | 2016-2023
 revolver | GP100; GP 100; GP-100 | 357mag | 3
 revolver | SP101; SP 101; SP-101 | 357mag, 38spl | 2
 revolver | LCR; LCR 38; LCR-357 | 38spl, 357mag | 3
 revolver | New Model Blackhawk; Blackhawk; NM Blackhawk | 357mag, 45colt | 2 | NN-DDDDD@1
 revolver | Super Redhawk; Redhawk | 44mag | 1
 rifle | 10/22; 10-22; 1022; 10/22 Carbine | 22lr | 6 | DDDD-DDDDD@2; NDD-DDDDD@1
 rifle | Mini-14; Mini 14; Mini14; Ranch Rifle | 223, 556 | 3
 rifle | American Rifle; American; Ruger American | 308, 3006, 243 | 2
 shotgun | Red Label | 12ga, 20ga | 1 | DDD-DDDDD@1
@colt USA 30 | Colt@10; Colt's Manufacturing@3; Colt's Patent Firearms@2; Colt's Mfg Co@2; COLT INDUSTRIES@1; Colts@1 | DDDDDD@2; LLDDDDD@2; DDDDDDL@1
 mis: Kolt; Coltt; Colt's Manufactoring
 pistol | Government; 1911; M1911; Government Model; Series 70 | 45acp | 4 | {70G}DDDDD@1; {FG}DDDDD@1; {SN}DDDDD@1; {C}DDDDDD@1
 pistol | M1911A1; 1911A1; M1911 A1 | 45acp | 2 | DDDDDDD@1 | 1924-1945
 pistol | Commander; Combat Commander; Lightweight Commander | 45acp, 9x19 | 2 | {CJ}DDDDD@1; DDDDD{LW}@1
 pistol | Mustang; Mustang Pocketlite | 380 | 1 | {MU}DDDDD@1
 pistol | 1903 Pocket Hammerless; 1903; Pocket Hammerless; Model M | 32acp | 1 | DDDDDD@1 | 1903-1945
 pistol | Woodsman; Woodsman Sport | 22lr | 1 | DDDDDD{S}@1 | 1915-1977
 revolver | Python; Colt Python | 357mag | 2 | DDDDD{E}@2; {T}DDDDD@1
 revolver | Detective Special; Det. Special; DS | 38spl | 2 | DDDDDD@1; {H}DDDDD@1
 revolver | Official Police; OP | 38spl | 1 | DDDDDD@1 | 1927-1969
 revolver | Single Action Army; SAA; Peacemaker | 45colt | 1 | DDDDD{SA}@1
 rifle | AR-15; AR15; Colt AR-15; SP1; AR-15 Sporter | 223 | 2 | {SP}DDDDDD@1; {LGC}DDDDDD@1
 rifle | M4 Carbine; M4; LE6920; 6920 | 556 | 2 | {LE}DDDDDD@2; {A}DDDDDDD@1
 rifle | M16A2; M16; M16A1 | 556 | 1 | DDDDDDD@1; {A}DDDDDDD@1
@remington USA 30 | Remington@10; Remington Arms@4; Remington Arms Co.@2; REMINGTON ARMS COMPANY LLC@1; Rem@1; Remington Arms Company, Inc.@1 | LDDDDDDL@3; LLDDDDDDL@2; LDDDDDDD@2
 mis: Remmington; Remingtom; Reminton; Remington Arm
 shotgun | 870; Model 870; 870 Express; 870 Wingmaster; M870; 870 Police | 12ga, 20ga | 8
 shotgun | 1100; Model 1100; 1100 LT-20 | 12ga, 20ga | 2
 shotgun | 11-87; Model 11-87; 1187; 11-87 Premier | 12ga | 2
 shotgun | Versa Max; VersaMax | 12ga | 1
 rifle | 700; Model 700; 700 BDL; 700 ADL; M700; 700 SPS | 308, 3006, 270, 243, 7mmrm | 5 | {E}DDDDDDD@1; {G}DDDDDDD@1; {RR}DDDDDD@1
 rifle | 7400; Model 7400 | 3006, 270 | 1
 rifle | Model 742; 742 Woodsmaster; 742 | 3006 | 1 | | 1960-1980
 rifle | 597; Model 597 | 22lr | 2
 pistol | 1911 R1; R1; R1 Enhanced | 45acp | 1 | {RH}DDDDD@1
 pistol | R51 | 9x19 | 1 | {H}DDDDD@1 | 2014-2017
 pistol | RM380; RM 380 | 380 | 1
@mossberg USA 28 | Mossberg@10; O.F. Mossberg & Sons@3; OF Mossberg@2; Mossberg & Sons@2; O F MOSSBERG & SONS INC@1 | LDDDDDD@4; LLDDDDD@2; LLDDDDDD@2
 mis: Mosberg; Mossburg; Moosberg
 shotgun | 500; Model 500; 500A; 500 Persuader; M500; Mossberg 500 | 12ga, 20ga, 410 | 8
 shotgun | 590; Model 590; 590A1; M590 | 12ga | 3
 shotgun | Maverick 88; 88; Maverick | 12ga | 3 | {MV}DDDDD@1
 shotgun | 835; 835 Ulti-Mag; Ulti-Mag | 12ga | 1
 shotgun | 930; Model 930 | 12ga | 1
 shotgun | Shockwave; 590 Shockwave | 12ga | 1
 rifle | Patriot; Patriot Synthetic | 308, 270, 3006 | 1
 rifle | MVP; MVP Patrol | 556, 308 | 1
 rifle | 702 Plinkster; Plinkster | 22lr | 1
 pistol | MC1sc; MC1 | 9x19 | 1 | | 2019-2023
@winchester USA 22 | Winchester@10; Winchester Repeating Arms@4; U.S. Repeating Arms@2; USRAC@1; Winchester Arms@1; W.R.A. Co.@1; Olin Winchester@1 | DDDDDDD@3; LDDDDDDD@2; DDDDDD@2
 mis: Winchestor; Winchster; Winshester
 rifle | Model 94; 94; 1894; Model 1894; 94AE | 3030 | 4 | DDDDDDD@2; DDDDDD@1 | 1940-2006
 rifle | Model 70; 70; M70; Model 70 Featherweight | 3006, 270, 308, 300wm | 3 | {G}DDDDDDD@1; DDDDDDD@1
 shotgun | Model 12; 12; M12 | 12ga, 16ga, 20ga | 1 | DDDDDDD@1 | 1912-1964
 shotgun | 1300; Model 1300; 1300 Defender | 12ga | 2 | {L}DDDDDDD@1
 shotgun | SXP; SXP Defender; SXP Field | 12ga | 2
 shotgun | SX3; Super X3; Super X 3 | 12ga | 1
 shotgun | Model 1897; 1897; M97 | 12ga | 1 | DDDDDD@1 | 1897-1957
 rifle | Model 1873; 1873; 73 | 4440, 357mag | 1 | DDDDDD{A}@1; DDDDDD@1
 rifle | Model 1892; 1892; 92 | 357mag, 4440 | 1
 rifle | M1 Garand; M1; Garand; US Rifle M1 | 3006 | 1 | DDDDDDD@1 | 1940-1945
 rifle | Model 190; 190 | 22lr | 1 | {B}DDDDDD@1
@marlin USA 14 | Marlin@10; Marlin Firearms@4; Marlin Firearms Co.@2; MARLIN FIREARMS COMPANY@1 | DDDDDDDD@4; 0DDDDDDD@1; {MR}DDDDD@2; {MR}DDDDDD@1
 mis: Marlim; Marline
 rifle | 336; Model 336; 336C; 336W | 3030 | 4
 rifle | Model 60; 60; Glenfield 60 | 22lr | 4
 rifle | 1894; Model 1894; 1894C | 44mag, 357mag | 2
 rifle | 1895; Model 1895; 1895G | 4570 | 1
 rifle | 795; Model 795 | 22lr | 2
 rifle | XT-22; XT22 | 22lr | 1
@savage USA 10 | Savage@10; Savage Arms@5; Savage Arms Inc@1; SAVAGE ARMS CO@1; Stevens@2; Savage/Stevens@1 | LDDDDDD@3; DDDDDDD@3; {G}DDDDDD@1
 mis: Savge; Savage Arm
 rifle | Axis; Axis II; Axis XP | 308, 243, 270 | 4
 rifle | Model 110; 110; 110 Hunter | 3006, 270, 308 | 2
 rifle | Mark II; Mark II FV; MKII | 22lr | 2
 rifle | Model 93; 93R17; 93 | 22wmr, 17hmr | 2
 rifle | Model 64; 64F | 22lr | 2
 rifle | Model 99; 99 | 3030, 308 | 1 | DDDDDD@1 | 1920-1984
 shotgun | Stevens 320; 320 | 12ga | 2
@springfield USA 14 | Springfield Armory@10; Springfield@4; Springfield Inc.@2; SPRINGFIELD ARMORY INC@1 | {NM}DDDDD@2; {N}DDDDDD@2; LLDDDDDD@2
 mis: Springfeild Armory; Springfield Armoury
 pistol | 1911-A1; 1911A1; 1911; Mil-Spec; 1911 Mil-Spec | 45acp | 4
 pistol | Hellcat; Hellcat OSP | 9x19 | 3 | {BA}DDDDDD@1; {BY}DDDDDD@1 | 2019-2023
 pistol | Echelon | 9x19 | 1 | | 2023-2023
 rifle | M1A; M1A Standard; M1A Scout | 308 | 2
 rifle | Saint; SAINT AR-15; Saint AR | 556 | 2 | {ST}DDDDDD@1
@kimber USA 6 | Kimber@10; Kimber Mfg@3; Kimber Manufacturing Inc@1; KIMBER AMERICA@1 | {K}DDDDDD@3; {K0}DDDDD@1; {KU}DDDDD@1; {KR}DDDDD@1; {KH}DDDDDD@1
 mis: Kimbre; Kimbar
 pistol | Custom II; Custom; Custom 2 | 45acp | 3
 pistol | Ultra Carry II; Ultra Carry | 45acp | 2
 pistol | Micro 9; Micro9 | 9x19 | 2
 pistol | Pro Carry II; Pro Carry | 45acp, 9x19 | 1
 revolver | K6s; K6 | 357mag | 1 | | 2016-2023
@keltec USA 6 | Kel-Tec@10; Kel Tec@4; KelTec@3; Kel-Tec CNC Industries@2; KEL-TEC CNC@1 | LLLDD@5; LLDDD@2; LLLDDD@1
 mis: Keltek; Kel-Teck
 pistol | P-3AT; P3AT; P3-AT | 380 | 5
 pistol | PF-9; PF9 | 9x19 | 3
 pistol | P-11; P11 | 9x19 | 2
 pistol | P-32; P32 | 32acp | 2
 pistol | PMR-30; PMR30 | 22wmr | 1
 shotgun | KSG | 12ga | 1
 rifle | SUB-2000; SUB2000; Sub 2000 | 9x19, 40sw | 2
 rifle | SU-16; SU16 | 223 | 1
@hipoint USA 8 batch=.2 | Hi-Point@10; Hi Point@4; HiPoint@2; Hi-Point Firearms@3; Beemiller@1; Haskell Manufacturing@1; Iberia Firearms@1 | {P}DDDDDDD@3; {X}DDDDD@2; LDDDDDD@2; {F}DDDDDDD@1
 imp: MKS Supply
 mis: High Point; Hi-Piont; Hipointe
 pistol | C9; C-9; Model C9 | 9x19 | 5
 pistol | CF380; CF-380 | 380 | 3
 pistol | JCP; JCP 40; 40 S&W JCP | 40sw | 2
 pistol | JHP; JHP 45 | 45acp | 2
 rifle | 995; 995TS; Model 995 | 9x19 | 2
 rifle | 4095; 4095TS | 40sw | 1
@bushmaster USA 6 | Bushmaster@10; Bushmaster Firearms@4; Bushmaster Firearms International@2; BFI@1; Bushmaster Firearms Inc@1 | {L}DDDDDD@4; {BFI}DDDDDD@2; {BF}DDDDDD@1
 mis: Bushmeister; Bush Master
 rifle | XM-15; XM15; XM-15 E2S | 556, 223 | 5
 rifle | ACR | 556 | 1 | | 2010-2015
 rifle | Carbon 15; Carbon-15 | 556 | 1
@armalite USA 3 | ArmaLite@10; Armalite Inc@3; Eagle Arms@1 | {US}DDDDD@3; {AR}DDDDDD@1
 mis: Armilite; Armalight
 rifle | AR-10; AR10 | 308 | 2
 rifle | M-15; M15; M15A4 | 556 | 2
 rifle | AR-180; AR180 | 223 | 1 | DDDDD@1 | 1969-1985
@dpms USA 3 | DPMS@10; DPMS Panther Arms@4; Panther Arms@2; Defense Procurement Manufacturing Services@1 | {F}DDDDDDD@3; {FH}DDDDDD@2; {FFH}DDDDDD@1
 rifle | A-15; A15; Panther AR-15; Oracle | 556, 223 | 3
 rifle | LR-308; LR308; Panther LR-308 | 308 | 2
@rockriver USA 2 | Rock River Arms@10; Rock River@3; RRA@3 | {KT}DDDDDD@3; {CM}DDDDDD@1
 rifle | LAR-15; LAR15 | 556 | 3
 rifle | LAR-8; LAR8 | 308 | 1
@danieldefense USA 2 | Daniel Defense@10; Daniel Defence@2; DANIEL DEFENSE INC@1; DD@1 | {DDM4}DDDDDD@2; DDDDDDD@2
 rifle | DDM4 V7; DDM4; M4 V7; V7 | 556 | 3 | | 2008-2023
 rifle | DD5 V1; DD5 | 308 | 1 | | 2016-2023
@psa USA 3 | Palmetto State Armory@10; PSA@5; Palmetto State@2 | {PA}DDDDDD@3; {SCD}DDDDDD@1; {PSA}DDDDDD@1
 rifle | PA-15; PA15 | 556 | 4 | | 2010-2023
 pistol | Dagger; PSA Dagger | 9x19 | 2 | | 2021-2023
 rifle | AK-47 GF3; GF3; PSAK-47 | 762x39 | 2 | | 2018-2023
@harrington USA 5 | Harrington & Richardson@10; H&R@6; H & R@2; Harrington and Richardson@2; H&R 1871@2 | LLDDDDDD@2; DDDDDD@2; LDDDDD@1
 mis: Harington & Richardson; Harrington & Richards
 shotgun | Pardner; Pardner Pump | 12ga, 20ga | 2
 shotgun | Topper; Topper 158; Model 158 | 12ga, 20ga, 410 | 3
 revolver | Model 929; 929 Sidekick; Sidekick | 22lr | 2 | DDDDDD@1 | 1956-1986
 revolver | Model 732; 732 | 32lng | 1 | {AU}DDDDD@1 | 1958-1986
 rifle | Handi-Rifle; Handi Rifle | 223, 243 | 1
@ithaca USA 3 | Ithaca@10; Ithaca Gun Company@4; Ithaca Gun Co@2 | DDDDDDDDD@2; DDDDDD@2
 mis: Itaca; Ithica
 shotgun | Model 37; 37; M37; 37 Featherlight; Ithaca 37 | 12ga, 20ga | 5 | {37}DDDDDDD@1; DDDDDD@1
 pistol | M1911A1; 1911A1; 1911 | 45acp | 1 | DDDDDDD@1 | 1943-1945
 rifle | Model 49; 49 Saddlegun | 22lr | 1 | DDDDDD@1 | 1961-1978
@highstandard USA 2 | High Standard@10; Hi-Standard@4; High Standard Manufacturing@2 | DDDDDD@3; {G}DDDDD@1; {ML}DDDDD@1
 pistol | Supermatic Trophy; Supermatic | 22lr | 2 | | 1951-1984
 pistol | Sport King | 22lr | 2 | | 1951-1984
 revolver | Double-Nine; Double Nine; W-100 | 22lr | 1 | | 1959-1984
@charter USA 4 | Charter Arms@10; Charter@3; Charter 2000@2; CHARTER ARMS CORP@1 | DDDDDD@2; DD-DDDDD@3; DDDDDDD@1
 mis: Charter Arm; Chartar Arms
 revolver | Undercover; Undercover 38; 13820 | 38spl | 4
 revolver | Bulldog; 44 Bulldog; Bulldog 44 | 44spl | 2
 revolver | Pathfinder | 22lr | 1
 revolver | Off Duty | 38spl | 1
 revolver | Mag Pug; Mag Pug 357 | 357mag | 1
@bryco USA 5 years=1978-2004 | Bryco@6; Bryco Arms@4; Jennings@5; Jennings Firearms@3; Jimenez Arms@3 | DDDDDD@3; DDDDDDD@3
 mis: Brico; Jenings
 pistol | J-22; J22; Jennings J-22 | 22lr | 4
 pistol | Model 38; Bryco 38; M38 | 380, 32acp | 3
 pistol | Model 48; Bryco 48 | 380 | 1
 pistol | Model 59; Bryco 59; Jennings Nine; Nine | 9x19 | 2
 pistol | JA-380; JA380; JA 380 | 380 | 1 | | 2004-2020
@lorcin USA 3 years=1989-1999 | Lorcin@10; Lorcin Engineering@4; LORCIN ENG CO@1 | LDDDDD@4; LDDDDDD@1
 pistol | L380; L-380 | 380 | 3
 pistol | L25; L-25; LT25 | 25acp | 3
 pistol | L9mm; L9 | 9x19 | 1
 pistol | L32; L-32 | 32acp | 1
@raven USA 3 years=1970-1991 | Raven Arms@10; Raven@5 | DDDDDDD@3; DDDDDD@2
 pistol | MP-25; MP25; P-25; P25 | 25acp | 5
@phoenix USA 2 | Phoenix Arms@10; Phoenix@4 | DDDDDDD@2; {4}DDDDDD@1
 pistol | HP22; HP-22; HP22A | 22lr | 2
 pistol | HP25; HP-25 | 25acp | 2
@sccy USA 3 years=2005-2023 | SCCY@10; SCCY Industries@4 | {C}DDDDDD@3; DDDDDD@1
 pistol | CPX-1; CPX1; CPX-1 CB | 9x19 | 3
 pistol | CPX-2; CPX2 | 9x19 | 3
 pistol | DVG-1; DVG1 | 9x19 | 1
@naa USA 2 | North American Arms@10; NAA@5; North American Arms Inc@2 | {E}DDDDD@2; {L}DDDDD@2; {W}DDDDD@1
 revolver | Mini Revolver; Mini; NAA-22LR; 22LR Mini | 22lr, 22wmr | 3
 pistol | Guardian; Guardian 380 | 380, 32acp | 1
 revolver | Pug; NAA Pug | 22wmr | 1
@autoordnance USA 2 | Auto-Ordnance@10; Auto Ordnance@4; Auto-Ordnance Corp@2 | {KC}DDDDDD@2; {AO}DDDDDD@1; DDDDDD@1
 submachine_gun | Thompson M1A1; M1A1; Thompson; Tommy Gun | 45acp | 1 | DDDDDD@1 | 1942-1944
 rifle | 1927A1; Thompson 1927A1; 27A1 | 45acp | 2
 pistol | 1911A1; M1911A1; 1911 | 45acp | 2
@intratec USA 3 years=1985-2001 | Intratec@10; Intratec USA@3; Interdynamic@2 | DDDDD@2; DDDDDD@3; {D}DDDDDD@1
 pistol | TEC-9; TEC9; Tec 9; KG-9 | 9x19 | 4
 pistol | TEC-DC9; DC9; TEC-DC-9; AB-10 | 9x19 | 2
 pistol | TEC-22; TEC22; Scorpion 22 | 22lr | 1
@cobray USA 2 years=1970-1998 | Cobray@8; Military Armament Corporation@4; MAC@4; RPB Industries@2; SWD@3; Sylvia Wilson Distributors@1 | DD-DDDDDDD@1; {A}DDDDDD@1; DDDDDD@2
 submachine_gun | M-10; MAC-10; MAC 10; M10 | 45acp, 9x19 | 2
 pistol | M-11/9; M11/9; MAC-11; M-11 | 9x19, 380 | 2
@magnumresearch USA 3 | Magnum Research@10; Magnum Research Inc@3; MRI@2 | {DK}DDDDD@2; {DE}DDDDD@1; {DB}DDDDD@1; DDDDDDD@1
 rel: imi
 pistol | Desert Eagle; Desert Eagle Mark XIX; Mark XIX; DE50; Desert Eagle .50 | 50ae, 44mag, 357mag | 4
 revolver | BFR; Biggest Finest Revolver | 4570, 45colt | 1
@century USA 4 | Century Arms@10; Century International Arms@4; Century Arms International@2; CAI@2 | {CA}DDDDDD@1; {C39}DDDDD@1; DDDDDDD@1
 rifle | C39V2; C39; C39 V2 | 762x39 | 2 | | 2016-2023
 rifle | Centurion 39; Centurion 39 Sporter | 762x39 | 1 | | 2007-2012
 rifle | VSKA; VSKA AK | 762x39 | 2 | | 2020-2023
@kahr USA 3 | Kahr@10; Kahr Arms@5; KAHR ARMS INC@1 | LLDDDD@3; LLLDDDD@1
 mis: Karh Arms; Khar
 pistol | CM9; CM-9 | 9x19 | 3
 pistol | PM9; PM-9 | 9x19 | 2
 pistol | P380 | 380 | 1
 pistol | CW45; CW-45 | 45acp | 1
@henry USA 4 | Henry Repeating Arms@10; Henry@6; Henry Repeating Arms Co@2; HENRY RIFLES@1 | DDDDDD{H}@2; {GB}DDDDDD@1; {US}DDDDDD{H}@1
 rifle | H001; Classic Lever Action .22; Lever Action 22 | 22lr | 4
 rifle | Golden Boy; H004; Golden Boy .22 | 22lr | 2
 rifle | Big Boy; H006; Big Boy Steel | 44mag, 357mag, 45colt | 2
 rifle | AR-7; U.S. Survival AR-7; Survival Rifle | 22lr | 1
 rifle | H009; Side Gate; Lever Action 30-30 | 3030 | 1
@thompsoncenter USA 2 | Thompson/Center@10; Thompson Center@4; T/C Arms@2; Thompson/Center Arms@2 | DDDDDD@2; {K}DDDDDD@1
 pistol | Contender; G2 Contender | 223, 22lr, 3030 | 2
 rifle | Encore; Encore Pro Hunter | 3006, 243, 270, 308 | 2
 rifle | Compass | 308, 3006 | 1
@heritage USA 3 | Heritage Manufacturing@10; Heritage@5; Heritage Mfg Inc@1 | {H}DDDDDD@2; LDDDDDD@2
 revolver | Rough Rider; Rough Rider 22; RR22 | 22lr, 22wmr | 5
 revolver | Barkeep | 22lr | 1
@danwesson USA 2 | Dan Wesson@10; Dan Wesson Firearms@4; Dan Wesson Arms@2 | DDDDDD@2; {DW}DDDDD@1
 rel: cz
 revolver | Model 15; 15-2; Model 15-2 | 357mag | 2
 pistol | Valor; DW Valor | 45acp | 1
 pistol | Specialist | 45acp, 9x19 | 1
@iverjohnson USA 2 years=1894-1975 | Iver Johnson@10; Iver Johnson's Arms & Cycle Works@3; Iver Johnson Arms@3 | DDDDD@3; {}LDDDD@1; DDDDDD@1
 revolver | Safety Automatic; Safety Hammerless; Hammerless | 32lng, 38sw | 3
 revolver | Model 1900; Iver Johnson 1900 | 32lng, 22lr | 1
 shotgun | Champion; Champion 36 | 12ga, 20ga, 410 | 1
# ---- Brazil, Argentina, Colombia ----
@taurus BRA 40 batch=.2 | Taurus@10; Forjas Taurus@4; Taurus International@2; Taurus Armas@2; TAURUS BRASIL@1; Taurus USA@1 | LLLDDDDD@4; LLLDDDDDD@2; LLDDDDDD@2; AAADDDDD@1
 mis: Tauras; Torus; Taurus Armes
 pistol | PT92; PT-92; PT 92; PT92AF; 92 | 9x19 | 4
 pistol | PT111 G2; PT111; G2; Millennium G2; PT111G2 | 9x19 | 5
 pistol | G2C; G2c | 9x19 | 6 | {}LLLDDDDDD@1 | 2016-2023
 pistol | G3; G3c | 9x19 | 3 | | 2019-2023
 pistol | PT24/7; 24/7 | 9x19, 40sw | 1
 pistol | PT738 TCP; TCP; PT738 | 380 | 2
 pistol | PT58; PT-58 | 380 | 1
 revolver | Model 85; 85; M85 | 38spl | 4
 revolver | Model 66; 66 | 357mag | 2
 revolver | Judge; 4510; Public Defender | 45colt, 410 | 2
 revolver | Model 605; 605 | 357mag | 1
 revolver | Model 82; 82 | 38spl | 2
 revolver | Raging Bull | 44mag | 1
@rossi BRA 8 | Rossi@10; Amadeo Rossi@4; Amadeo Rossi S.A.@2; ROSSI BRAZIL@1 | LDDDDDD@3; LLDDDDDD@2; DDDDDDD@1
 imp: Braztech; BrazTech International; Interarms
 mis: Rosi; Amadeo Rosi
 revolver | Model 68; 68; M68 | 38spl | 3
 revolver | R461; 461 | 357mag | 2
 rifle | R92; Model 92; Puma | 357mag, 4440, 44mag | 2
 rifle | Circuit Judge | 45colt, 410 | 1
 rifle | RS22; RS 22 | 22lr | 1
 shotgun | Overland | 12ga, 20ga | 1
@imbel BRA 4 | IMBEL@10; Indústria de Material Bélico do Brasil@2; Industria de Material Belico@2; Fabrica de Itajuba@1 | LDDDDDD@3; DDDDDD@2; LLDDDDD@1
 imp: Springfield Armory
 rifle | MD97; MD-97 | 556 | 2
 rifle | IA2; IA-2 | 556, 762x51 | 2 | | 2012-2023
 rifle | FAL M964; M964; FAL | 762x51 | 2 | | 1964-2000
 pistol | M973; Imbel 1911; GC MD1; MD1 | 45acp, 9x19 | 2
@cbc BRA 4 | CBC@10; Companhia Brasileira de Cartuchos@3; Cia Brasileira de Cartuchos@2; CBC Brasil@1 | DDDDDDDD@3; LLDDDDDD@1
 shotgun | Model 151; 151; 151 SB | 12ga, 20ga, 410 | 3
 shotgun | 586.2; 586; Pump Military 3.0 | 12ga | 2
 rifle | Model 7022; 7022; 7022 Way | 22lr | 2
 rifle | Model 122; 122 | 22lr | 1
@boito BRA 2 | Boito@10; E.R. Amantino@3; Amantino@3 | DDDDDD@2; LLDDDDD@1
 imp: Stoeger
 shotgun | Miura; Boito Miura | 12ga, 20ga | 2
 shotgun | Reuna; Boito Reuna | 12ga, 16ga, 410 | 2
 shotgun | A680; Boito A680 | 12ga | 1
@bersa ARG 8 | Bersa@10; BERSA S.A.@2; Bersa SA@2 | DDDDDD@4; LDDDDDD@2; LLDDDDD@1
 imp: Eagle Imports; Eagle Imports Inc
 mis: Berza; Bersa SA Argentina
 pistol | Thunder 380; Thunder 380 Plus; Thunder; TH380 | 380 | 6
 pistol | Thunder 9; Thunder 9 Pro; TH9 | 9x19 | 2
 pistol | BP9CC; BP9 CC | 9x19 | 1 | | 2010-2023
 pistol | Model 83; 83 | 380 | 1 | | 1988-1994
 pistol | Thunder 22 | 22lr | 1
@fmap ARG 2 | Fabricaciones Militares@10; FM@3; FMAP@2; DGFM@2; Dirección General de Fabricaciones Militares@1 | DDDDDD@3; LDDDDD@1
 rel: fn
 pistol | FM Hi-Power; FM90; M90; M95 Detective | 9x19 | 3
 rifle | FAL; FSL; FM FAL; FAP | 762x51 | 2 | | 1960-1990
 pistol | Ballester-Molina; Ballester Molina | 45acp | 1 | DDDDD@1 | 1938-1953
@indumil COL 1 | Indumil@10; Industria Militar@3; INDUMIL Colombia@1 | DDDDDD@2; LDDDDDD@1
 rel: imi
 pistol | Córdova; Cordova; Indumil Cordova | 9x19 | 2 | | 2013-2023
 rifle | Galil ACE; ACE 23; ACE 21 | 556 | 2 | | 2008-2023
# ---- Austria, Germany, Switzerland ----
@glock AUT 70 batch=.25 | Glock@10; GLOCK@5; Glock GmbH@3; Glock Ges.m.b.H.@2; Glock Inc.@2; GLOCK INC@1; Glock Austria@1 | AAADDD@6; AADDD@2; AAAADDD@2
 mis: Glok; Gloch; Glocke; Glock's
 pistol | Glock 17; G17; 17; Glock 17 Gen4; G17 Gen5; G 17; Glock17 | 9x19 | 9
 pistol | Glock 19; G19; 19; Glock 19 Gen4; G19 Gen5; G 19 | 9x19 | 12
 pistol | Glock 26; G26; 26; Glock 26 Gen4 | 9x19 | 4
 pistol | Glock 22; G22; 22; Glock 22 Gen4 | 40sw | 4
 pistol | Glock 23; G23; 23 | 40sw | 3
 pistol | Glock 21; G21; 21; G21SF | 45acp | 2
 pistol | Glock 43; G43; 43 | 9x19 | 3 | | 2015-2023
 pistol | Glock 43X; G43X; 43X | 9x19 | 2 | | 2019-2023
 pistol | Glock 42; G42; 42 | 380 | 2 | | 2014-2023
 pistol | Glock 27; G27; 27 | 40sw | 2
 pistol | Glock 30; G30; 30 | 45acp | 1
 pistol | Glock 34; G34; 34 | 9x19 | 1
 pistol | Glock 48; G48; 48 | 9x19 | 1 | | 2019-2023
 pistol | Glock 18; G18; 18 | 9x19 | 0.2
@steyr AUT 8 | Steyr@10; Steyr Mannlicher@5; Steyr Arms@2; Steyr-Daimler-Puch@2; Oesterreichische Waffenfabriks-Gesellschaft@1; OEWG@1 | DDDDDDD@2; LLDDDDD@2; DDDDDD@1
 mis: Stayr; Steyer
 rifle | AUG; Steyr AUG; StG 77; AUG A3 | 556 | 3
 pistol | M9-A1; M9A1; M9; M-A1 | 9x19 | 2
 rifle | Scout; Steyr Scout | 308 | 1
 rifle | SSG 69; SSG69; SSG | 308 | 1
 rifle | Pro Hunter | 308, 3006, 270 | 2
 rifle | M1895; M95; Mannlicher M95 | 8x56r | 1 | DDDD{}l@2; DDDDD@1 | 1895-1918
 pistol | M1912; Steyr-Hahn; Steyr Hahn M12; M12 | 9x23steyr, 9x19 | 1 | DDDD{}l@3; DDDDD@1 | 1912-1945
@walther DEU 30 batch=.2 | Walther@10; Carl Walther@5; Carl Walther GmbH@3; WALTHER ARMS@2; Carl Walther Sportwaffen@1; Walther Arms Inc@1 | LLLDDDD@3; LLDDDDDD@2; DDDDDDD@1
 imp: Interarms; Smith & Wesson; Umarex USA
 mis: Walter; Walthers; Whalter
 rel: manurhin; umarex; hammerli
 pistol | P38; P.38; P 38; Walther P38; HP | 9x19 | 3 | DDDDl@5; DDDDD@1 | 1939-1945
 pistol | P1; P.1; P 1 | 9x19 | 2 | DDDDDD@1 | 1957-1995
 pistol | PP; Walther PP | 32acp, 380 | 2 | DDDDDD{P}@2; DDDDDD@1 | 1929-1999
 pistol | PPK; Walther PPK; PPK/S; PPK-S | 380, 32acp | 5 | DDDDDD{K}@2; DDDDD{}L@1; {}LLDDDDD@1
 pistol | P99; P 99; P99 AS; P99C | 9x19, 40sw | 3 | {FA}LDDDD@2; LLLDDDD@1 | 1997-2023
 pistol | PPQ; PPQ M2; PPQ M1 | 9x19 | 4 | {FA}LDDDD@1; LLLDDDD@1 | 2011-2023
 pistol | P22; P 22 | 22lr | 3 | {L}DDDDDD@1; {WA}DDDDDD@1 | 2002-2023
 pistol | PDP; PDP Compact | 9x19 | 2 | | 2021-2023
 pistol | PPS; PPS M2 | 9x19 | 2 | | 2007-2023
 rifle | Gewehr 43; G43; K43 | 8mauser | 0.5 | DDDDl@3; DDDD@1 | 1943-1945
 rifle | KK500; KK 500 | 22lr | 1
@hk DEU 18 | Heckler & Koch@10; H&K@6; HK@5; Heckler und Koch@2; Heckler & Koch GmbH@2; H & K@1; Heckler and Koch@2; HECKLER & KOCH INC@1 | DD-DDDDDD@4; DDD-DDDDDD@2; DDDDDDD@1
 mis: Heckler & Coch; Hekler & Koch; Heckler Koch; Heckler & Kock
 rel: pof
 pistol | USP; USP 9; USP9; USP Compact | 9x19, 40sw, 45acp | 4
 pistol | P30; P30L; P30SK; P 30 | 9x19 | 3 | | 2006-2023
 pistol | VP9; VP 9; SFP9 | 9x19 | 3 | | 2014-2023
 pistol | P2000; P 2000; P2000SK | 9x19, 40sw | 2
 pistol | P7; P7M8; P7M13; PSP | 9x19 | 2 | DDDDDD@1 | 1979-2008
 pistol | HK45; HK 45; HK45C | 45acp | 1 | | 2006-2023
 submachine_gun | MP5; MP 5; MP5A3; MP5K; MP5-N | 9x19 | 3
 submachine_gun | UMP; UMP45; UMP 45 | 45acp | 1 | | 1999-2023
 submachine_gun | MP7; MP7A1 | 46x30 | 1 | | 2001-2023
 rifle | G3; G3A3; G 3 | 762x51 | 2 | DDDDDD@1 | 1959-1995
 rifle | HK33; HK 33 | 556 | 1 | | 1968-1995
 rifle | G36; G 36; G36K | 556 | 2 | | 1997-2023
 rifle | HK416; HK 416; 416 | 556 | 1 | | 2005-2023
 rifle | HK91; HK 91 | 308 | 1 | | 1974-1989
@mauser DEU 8 batch=.25 | Mauser@10; Mauserwerke@3; Mauser-Werke Oberndorf@3; Mauser Werke AG@2; Waffenfabrik Mauser@2; MAUSER OBERNDORF@1 | DDDDDD@2; LDDDDDD@1
 mis: Mauzer; Mouser; Mauser Werk
 rifle | Kar98k; K98k; K98; Karabiner 98k; 98k; Mauser 98 | 8mauser | 6 | DDDDl@6; DDDDD@1 | 1935-1945
 pistol | C96; C 96; Broomhandle; M1896; Schnellfeuer | 763mauser, 9x19 | 2 | DDDDDD@1 | 1896-1937
 pistol | HSc; HSC; Mauser HSc | 32acp, 380 | 2 | DDDDDD@1 | 1940-1977
 rifle | M03; M 03; Mauser M03 | 3006, 308, 93x62 | 1 | | 2003-2023
 rifle | M18; Mauser M18 | 308, 3006, 65x55 | 1 | | 2018-2023
 rifle | Gewehr 98; Gew 98; G98 | 8mauser | 1 | DDDDl@3; DDDD@1 | 1898-1918
 pistol | Model 1914; M1914; 1914 | 32acp, 25acp | 1 | DDDDDD@1 | 1914-1934
@sauer DEU 6 | J.P. Sauer & Sohn@10; Sauer@6; JP Sauer@3; Sauer & Sohn@2; J. P. SAUER & SOHN GMBH@1 | LDDDDD@2; DDDDDD@2
 rel: sig
 pistol | 38H; 38 H; Sauer 38H; Model 38H | 32acp | 2 | DDDDDD@1 | 1938-1945
 rifle | Sauer 100; S100; 100 Classic | 308, 3006, 65x55 | 2 | | 2014-2023
 rifle | Sauer 202; 202; S202 | 308, 3006, 7x64, 300wm | 2
 rifle | Sauer 404; 404 | 308, 93x62 | 1 | | 2016-2023
 other | M30 Drilling; Drilling; Luftwaffe Drilling | 16ga | 0.3 | DDDDDD@1 | 1941-1945
@anschutz DEU 5 | Anschütz@10; Anschutz@6; J.G. Anschütz@3; JG Anschutz@2; ANSCHUETZ@2 | DDDDDDD@3; DDDDDD@2
 mis: Anshutz; Anschuts
 rifle | 1416; Model 1416; 1416 D HB | 22lr | 3
 rifle | 1710; 1710 D | 22lr | 2
 rifle | 1907; Match 1907 | 22lr | 1
 rifle | 1827 Fortner; Fortner; 1827F | 22lr | 1
 rifle | 1517; 1517 D | 22wmr | 1
@merkel DEU 5 | Merkel@10; Suhler Waffen Merkel@2; Gebrüder Merkel@2; Gebr. Merkel@2; VEB Ernst Thälmann@1 | DDDDDD@3; DDDDD@2
 shotgun | 303E; Merkel 303E | 12ga | 1
 shotgun | Merkel 2000; 2000E; 2000 CL | 12ga, 20ga | 2
 shotgun | 147E; Merkel 147E | 12ga, 16ga | 2
 other | 96K; Merkel 96K; Drilling 96K | 12ga | 1
 rifle | Helix; Merkel Helix; RX Helix | 308, 3006, 93x62 | 2 | | 2011-2023
 rifle | 140-2; Merkel 140 | 93x74r | 1
@blaser DEU 5 | Blaser@10; Blaser Jagdwaffen@4; BLASER GMBH@1 | LLDDDDD@2; DDDDDD@3; {R}DDDDDD@1
 mis: Blazer; Blasser
 rifle | R8; R 8; R8 Professional | 308, 3006, 93x62, 300wm | 4 | | 2008-2023
 rifle | R93; R 93; R93 Professional | 308, 3006, 300wm | 3 | | 1993-2010
 shotgun | F3; F 3; F3 Competition | 12ga | 1 | | 2004-2023
 rifle | K95; K 95 | 7x64, 308 | 1
@haenel DEU 3 batch=.2 | Haenel@10; C.G. Haenel@5; CG Haenel@3; Haenel Suhl@2 | DDDDl@3; DDDDDD@2
 rifle | StG 44; Sturmgewehr 44; MP44; MP 44; StG44 | 792x33 | 1 | DDDDl@3; DDDD@1 | 1943-1945
 submachine_gun | MP 40; MP40; Maschinenpistole 40 | 9x19 | 1 | DDDDl@3 | 1940-1945
 rifle | Jäger 10; Jaeger 10; Haenel Jager 10 | 308, 3006 | 1 | | 2008-2023
 rifle | CR 223; CR223 | 223 | 1 | | 2016-2023
@erma DEU 3 batch=.2 | Erma@10; Erma-Werke@4; ERMA Werke@2; Erfurter Maschinenfabrik@2 | DDDDl@3; DDDDDD@2
 submachine_gun | MP 40; MP40; MP 40/I | 9x19 | 2 | DDDDl@3 | 1940-1945
 pistol | EP 22; EP22 | 22lr | 1 | | 1964-1986
 pistol | KGP 68; KGP-68; KGP | 380, 32acp | 1 | | 1968-1993
 revolver | ER 777; ER777; Erma 777 | 357mag | 1 | | 1978-1996
 rifle | EM1; EM-1; M1 Carbine 22 | 22lr | 1 | | 1966-1997
@umarex DEU 3 | Umarex@10; Umarex GmbH@3; UMAREX SPORTWAFFEN@1 | DDDDDD@2; LDDDDDD@1
 rel: walther
 other | Reck Miami 92F; Miami 92F; Miami | 9pak | 2
 other | Walther P22 PAK; P22 PAK | 9pak | 1
 other | Walther PP PAK; PP PAK | 9pak | 1
@krieghoff DEU 2 | Krieghoff@10; H. Krieghoff@3; Krieghoff GmbH@2; Heinrich Krieghoff@1 | DDDDD@3; DDDDDD@1
 shotgun | K-80; K80 | 12ga | 2
 pistol | Luger P08; P08; Krieghoff Luger | 9x19 | 0.5 | DDDD@1 | 1935-1945
 rifle | Classic Big Five; Classic | 93x74r, 375hh | 1
 other | Ultra; Ultra TS | 12ga | 1
@dwm DEU 5 batch=.2 years=1900-1930 | DWM@10; Deutsche Waffen- und Munitionsfabriken@3; D.W.M.@2; Deutsche Waffen und Munitionsfabriken@2 | DDDDl@4; DDDD@2; DDDDD@1
 pistol | P08; P.08; Luger P08; Parabellum; Luger; Pistole 08 | 9x19, 765para | 5
 pistol | LP08; LP 08; Artillery Luger; Lange Pistole 08 | 9x19 | 1 | | 1914-1918
@weihrauch DEU 3 | Weihrauch@10; Hermann Weihrauch@4; Arminius@5; HW@2; Hermann Weihrauch Revolver GmbH@1 | DDDDDD@3; LDDDDDD@1
 imp: European American Armory; EAA
 revolver | HW 357; Arminius HW357; HW357 | 357mag | 2
 revolver | HW 9; HW9 | 22lr, 32lng | 2
 revolver | HW 5; HW5 | 22lr | 1
 revolver | Windicator; HW 38 | 38spl | 1
@rohm DEU 4 years=1960-2010 | Röhm@10; Rohm@6; Roehm@3; RG@4; Röhm GmbH@2; RG Industries@2 | DDDDDD@3; DDDDD@2
 revolver | RG 14; RG14; RG-14 | 22lr | 3
 revolver | RG 10; RG10 | 22lr | 2
 revolver | RG 38S; RG 38 | 38spl | 2
 pistol | RG 26; RG26 | 25acp | 2
 revolver | RG 88 | 357mag | 1
@sig DEU 35 batch=.2 | SIG Sauer@10; Sig Sauer@6; SIG@4; SIG-Sauer@3; SIG SAUER INC@2; SIGARMS@2; Sig Arms@1; Schweizerische Industrie-Gesellschaft@1; SIG Sauer GmbH@1 | LDDDDDD@3; LLDDDDDD@2; LLLDDDDDD@2; DDLDDDDDD@2
 mis: Sig Sour; Sig Saur; Sig Sauers; Sieg Sauer
 rel: hammerli; wfbern
 pistol | P226; P 226; P-226; P226 Legion | 9x19, 40sw, 357sig | 4
 pistol | P228; P 228 | 9x19 | 1 | | 1988-1997
 pistol | P229; P 229 | 9x19, 40sw, 357sig | 3
 pistol | P220; P 220 | 45acp, 9x19 | 2
 pistol | P225; P6; P 225 | 9x19 | 1 | DDDDDD@1 | 1975-1998
 pistol | P320; P 320; P320 Full Size; P320 Compact | 9x19 | 6 | {58}LDDDDDD@2; LLLDDDDDD@1 | 2014-2023
 pistol | M17; P320-M17; M18 | 9x19 | 1 | {M17-}DDDDDD@1 | 2017-2023
 pistol | P365; P 365; P365 XL; P365X | 9x19 | 6 | {66}LDDDDDD@2 | 2018-2023
 pistol | P238; P 238 | 380 | 2 | {27}LDDDDDD@1 | 2009-2023
 pistol | P210; SIG P210; P49 | 9x19 | 1 | {P}DDDDD@1 | 1949-2005
 pistol | P230; P232; P 230 | 380, 32acp | 1 | {S}DDDDDD@1 | 1977-2014
 rifle | SG 550; SG550; Stgw 90; STGW 90 | 556 | 1 | | 1990-2023
 rifle | MCX; SIG MCX; MCX Virtus | 556 | 1 | | 2015-2023
 rifle | SIG516; 516 | 556 | 1 | | 2010-2016
 submachine_gun | MPX; SIG MPX | 9x19 | 1 | | 2013-2023
@sphinx CHE 1 | Sphinx@10; Sphinx Systems@3 | {A}DDDDDD@1; LDDDDD@1
 pistol | SDP; SDP Compact | 9x19 | 2
 pistol | AT 380; AT380 | 380 | 1
 pistol | 3000; Sphinx 3000 | 9x19 | 1
@wfbern CHE 2 years=1911-1958 | W+F Bern@8; Eidgenössische Waffenfabrik Bern@4; Waffenfabrik Bern@3; Eidg. Waffenfabrik@1 | DDDDDD@3; DDDDD@2
 rifle | K31; Karabiner 31; K 31; Schmidt-Rubin K31 | 75swiss | 5 | | 1933-1958
 rifle | Stgw 57; Stgw. 57; SG 510; SIG 510 | 75swiss | 1 | | 1957-1983
 pistol | P06/29; Luger 06/29; Swiss Luger | 765para | 1 | DDDDD@1 | 1929-1947
 rifle | K11; Karabiner 11; G11 | 75swiss | 1
@hammerli CHE 2 | Hämmerli@10; Hammerli@6; Haemmerli@2 | DDDDDD@3; LDDDDD@1
 pistol | Hämmerli 208; 208; 208S | 22lr | 2
 pistol | X-Esse; X Esse; XE | 22lr | 1
 pistol | Hämmerli 280; 280 | 22lr | 1
# ---- Belgium ----
@fn BEL 20 | FN Herstal@10; FN@6; Fabrique Nationale@5; Fabrique Nationale d'Herstal@3; FN Herstal SA@2; Fabrique Nationale Herstal@1; FNH USA@1 | DDDDDD@3; {245}LLDDDDD@2; LLDDDDDD@1
 mis: Fabrique National; FN Herstall; Fabrique Nationale d'Herstall; FN Hersal
 rel: browning; inglis; longbranch; enfield; bsa
 pistol | Hi-Power; High Power; HP; GP35; P35; BHP; HP-35 | 9x19 | 5 | {245}LLDDDDD@2; {T}DDDDDD@1; DDDDD@1
 pistol | Five-seveN; Five-Seven; FiveSeven; FN 57 | 57x28 | 2 | {386}DDDDDD@2 | 2000-2023
 pistol | FNX-45; FNX 45; FNX45 | 45acp | 1 | | 2010-2023
 pistol | FNX-9; FNX 9 | 9x19 | 1 | | 2010-2023
 pistol | FNS-9; FNS 9 | 9x19 | 2 | | 2012-2023
 pistol | 509; FN 509; FN509 | 9x19 | 2 | | 2017-2023
 pistol | Model 1910; M1910; 1910; Model 10 | 32acp, 380 | 2 | DDDDDD@1 | 1910-1983
 pistol | Model 1922; M1922; 1922 | 32acp, 380 | 1 | DDDDDD@1; DDDDD{a}@1 | 1922-1983
 pistol | Model 1906; M1906; Vest Pocket; Baby Browning | 25acp | 2 | DDDDDD@1 | 1906-1983
 rifle | FAL; FN FAL; LAR; FN LAR | 762x51 | 2 | | 1953-1988
 submachine_gun | P90; PS90; FN P90 | 57x28 | 1 | {FN}DDDDDD@1 | 1990-2023
 rifle | SCAR 16S; SCAR 16; SCAR-L; SCAR | 556 | 1 | | 2009-2023
 rifle | SCAR 17S; SCAR 17; SCAR-H | 308 | 1 | | 2009-2023
 machine_gun | Minimi; M249; FN Minimi | 556 | 0.3 | | 1974-2023
 machine_gun | MAG; FN MAG; M240; MAG 58 | 762x51 | 0.3 | | 1958-2023
 rifle | FNC; FN FNC | 556 | 1 | | 1976-2000
 rifle | Model 49; FN49; SAFN | 3006, 8mauser | 0.5 | | 1949-1961
@browning USA 16 | Browning@10; Browning Arms@4; Browning Arms Company@2; BAC@1; BROWNING ARMS CO@1 | DDDDDLLDDD@3; DDDLLDDDDD@3; DDDDDD@1
 mis: Brownig; Browing; Browining
 shotgun | Auto-5; A5; Auto 5; Browning A5 | 12ga, 16ga, 20ga | 3
 shotgun | Citori; Citori 725; 725 | 12ga, 20ga | 3
 shotgun | BPS; Browning BPS | 12ga, 20ga | 2
 shotgun | Gold; Gold Hunter | 12ga | 1
 shotgun | Maxus; Maxus II | 12ga | 1 | | 2009-2023
 shotgun | Superposed; B25; B-25 | 12ga | 1 | | 1931-1986
 rifle | BAR; BAR Mark II; BAR Safari | 3006, 308, 270, 300wm | 2
 rifle | X-Bolt; XBolt | 308, 270, 300wm, 65cm | 2 | | 2008-2023
 rifle | A-Bolt; ABolt; A-Bolt II | 270, 3006, 243 | 2 | | 1985-2012
 rifle | BLR | 308, 243 | 1
 pistol | Buck Mark; Buckmark | 22lr | 2
 pistol | Hi-Power; High Power; Browning Hi-Power | 9x19 | 2
 pistol | 1911-22; 1911-380 | 22lr, 380 | 1 | | 2011-2023
 rifle | T-Bolt | 22lr | 1
# ---- Czech Republic, Slovakia ----
@cz CZE 25 batch=.2 | CZ@10; Česká zbrojovka@4; Ceska Zbrojovka@4; CZUB@3; Česká zbrojovka Uherský Brod@2; CZ-USA@2; Ceska Zbrojovka Uhersky Brod@1; C.Z.@1 | LDDDDDD@4; LLDDDDD@2; DDDDDD@1
 mis: Ceska Zbrojovca; Ceska Zbrojowka; Cheska Zbrojovka; Ceska Zbrojvka
 pistol | CZ 75; CZ75; 75; CZ 75 B; CZ 75B; CZ-75 | 9x19, 40sw | 6
 pistol | CZ 75 SP-01; SP-01; SP01; SP-01 Shadow | 9x19 | 3 | | 2005-2023
 pistol | P-07; P07; CZ P-07 | 9x19 | 3 | | 2009-2023
 pistol | P-09; P09 | 9x19 | 2 | | 2013-2023
 pistol | P-10 C; P10C; P-10 | 9x19 | 3 | | 2017-2023
 pistol | CZ 83; CZ83; 83 | 380, 32acp | 2 | | 1983-2012
 pistol | vz. 82; vz 82; CZ 82 | 9x18 | 2 | | 1983-1991
 pistol | vz. 52; vz 52; CZ 52 | 762x25 | 1 | LDDDDD@1 | 1952-1958
 pistol | vz. 27; CZ 27; vz 27 | 32acp | 1 | DDDDDD@1 | 1927-1951
 pistol | vz. 24; CZ 24 | 380 | 0.5 | DDDDDD@1 | 1924-1937
 rifle | vz. 58; vz 58; Sa vz. 58; Sa58 | 762x39 | 2 | LDDDDD@2; LLDDDD@1 | 1958-1984
 submachine_gun | vz. 61; Skorpion; vz 61; Scorpion | 32acp | 1 | LDDDDD@1 | 1961-1990
 submachine_gun | Scorpion EVO 3; Scorpion Evo; EVO 3 S1; Evo3 | 9x19 | 2 | | 2009-2023
 rifle | CZ 455; 455 | 22lr | 2 | | 2010-2021
 rifle | CZ 457; 457 | 22lr | 2 | | 2019-2023
 rifle | CZ 550; 550 | 308, 3006, 93x62 | 2
 rifle | CZ 527; 527 | 223 | 1
 rifle | Bren 2; CZ Bren 2 | 556 | 1 | | 2016-2023
 pistol | Shadow 2; CZ Shadow 2 | 9x19 | 1 | | 2017-2023
@zb CZE 3 | Zbrojovka Brno@10; ZB@4; Zbrojovka Brno a.s.@2; Brno@3; Brno Arms@1 | DDDDDD@3; LDDDD@1
 rel: cz
 rifle | ZKK 600; ZKK600 | 7x64, 3006 | 2 | | 1961-1980
 rifle | ZKK 601; ZKK601 | 308, 243 | 1 | | 1961-1980
 machine_gun | ZB vz. 26; vz. 26; ZB-26; ZB26 | 8mauser | 0.3 | DDDDD@1 | 1926-1945
 rifle | vz. 24; ZB vz. 24; VZ24 | 8mauser | 1 | {}LDDDD@2; DDDD{}l@1 | 1924-1942
 shotgun | ZH 301; ZH-301 | 12ga, 16ga | 2
 shotgun | ZP 49; ZP49; ZP-49 | 12ga | 1
@alfaproj CZE 1 | Alfa-Proj@10; Alfa Proj@5; ALFA PROJ spol. s r.o.@1 | DDDDDD@2; {A}DDDDD@1
 revolver | Alfa 2231; 2231 | 22lr | 1
 revolver | Alfa 3541; 3541 | 357mag | 1
 revolver | Alfa 3820; 3820 | 38spl | 1
@grandpower SVK 3 | Grand Power@10; GRAND POWER s.r.o.@2 | {K}DDDDDD@2; LDDDDDD@1
 pistol | K100; K 100; K100 Mk12 | 9x19 | 3 | | 2002-2023
 pistol | P1; P-1; P1 Ultra | 9x19 | 1 | | 2012-2023
 submachine_gun | Stribog; SP9A1; Stribog SP9 | 9x19 | 1 | | 2015-2023
 pistol | Q100 | 9x19 | 1 | | 2012-2023
# ---- Balkans ----
@hsprodukt HRV 6 | HS Produkt@10; HS-Produkt@4; HS Produkt d.o.o.@2; I.M. Metal@2; IM Metal@2; HS Produkt Karlovac@1 | {HR}DDDDDD@2; {XD}DDDDDD@2; {AT}DDDDDD@1; {BA}DDDDDD@1; {S}DDDDDDD@1
 imp: Springfield Armory; Springfield
 mis: HS Product; HS Prodcut
 pistol | HS2000; HS 2000; HS-2000 | 9x19, 40sw | 2 | | 1999-2005
 pistol | XD-9; XD9; XD 9; XD Service; XD Subcompact | 9x19, 40sw | 4 | | 2002-2023
 pistol | XD-45; XD45; XD 45 | 45acp | 2 | | 2006-2023
 pistol | XD-S; XDS; XD-S 9 | 9x19, 45acp | 2 | | 2012-2023
 pistol | XD-M; XDM; XD(M) | 9x19, 40sw | 2 | | 2008-2023
 rifle | VHS-2; VHS 2; VHS | 556 | 1 | | 2013-2023
@zastava SRB 18 batch=.3 | Zastava@10; Zastava Arms@5; Crvena Zastava@4; Zavodi Crvena Zastava@2; ZCZ@2; Zastava Oružje@2; Zastava Oruzje@1; Kragujevac@1; ^Застава@3; ^Застава оружје@1 | DDDDDD@6; DDDDD@2; DDDDDDD@1
 imp: Century Arms; Zastava USA; Mitchell's Mausers; Yugoimport
 mis: Zastawa; Sastava; Zastva; Zastavaa
 rifle | M70; M70 AB2; M70AB2; Zastava M70; M 70 | 762x39 | 8 | | 1970-2010
 pistol | M57; M 57; M57 Tokarev; Zastava M57 | 762x25 | 4 | | 1957-2012
 pistol | Pistol M70; M70 7.65; M70(k); M70 pistolj | 32acp, 380 | 3 | | 1970-2010
 pistol | CZ 99; CZ99; Zastava CZ99; CZ 999 | 9x19, 40sw | 2 | | 1990-2010
 pistol | M88; M 88; M88A | 9x19 | 2 | | 1988-2010
 rifle | M59/66; SKS M59/66; M59; PAP M59/66 | 762x39 | 3 | | 1959-1989
 rifle | M76; M 76; Zastava M76 | 8mauser | 0.5 | | 1976-1995
 machine_gun | M84; M 84 | 762x54r | 0.3 | | 1984-2010
 machine_gun | M72; M72 RPK; M72B1 | 762x39 | 0.5 | | 1972-2000
 rifle | M48; M48 Mauser; M48A; M48B | 8mauser | 2 | DDDDD@2; {}LDDDD@1 | 1948-1965
 rifle | PAP M92; M92 PAP; M92 | 762x39 | 2 | | 2005-2023
 rifle | M85; M85 PV | 556 | 0.5 | | 1985-2005
 pistol | EZ9; EZ 9 | 9x19 | 1 | | 2006-2023
 submachine_gun | M56; M 56 | 762x25 | 0.5 | | 1956-1970
@arsenal BGR 8 batch=.25 | Arsenal@10; Arsenal AD@4; Arsenal JSCo@2; Arsenal Kazanlak@2; Arsenal Ltd Bulgaria@1; ^Арсенал@3; ^Арсенал АД@1 | DDDDDDDD@3; KK DDDD@2; DDDDDD@1
 imp: Arsenal Inc; K-Var; Century Arms
 mis: Arsenall; Arsenal Kazanluk
 rifle | AR-M1; ARM1; AR M1 | 762x39, 556 | 2
 rifle | SLR-95; SLR95 | 762x39 | 2 | | 1996-2010
 rifle | SLR-107; SLR107; SLR-107FR | 762x39 | 2 | | 2004-2023
 pistol | Makarov; PM; Bulgarian Makarov; Makarov PM | 9x18 | 4 | KK DDDD@2; DDDDDD@1 | 1970-1995
 rifle | AKK; AK-47 Bulgarian; AKKS | 762x39 | 3 | KK DDDD@3; DDDDDD@1 | 1958-1990
 submachine_gun | Shipka; Shipka SMG | 9x19, 9x18 | 0.5 | | 1996-2010
 machine_gun | PKM; PK; MG-1M | 762x54r | 0.3
@arcus BGR 1 | Arcus@10; Arcus Co@3 | DDDDDD@2; LLDDDDD@1
 pistol | Arcus 94; 94; Arcus 94C; 94C | 9x19 | 3
 pistol | Arcus 98DA; 98DA; 98 DA | 9x19 | 2
@cugir ROU 8 batch=.3 | Cugir@10; Uzina Mecanica Cugir@4; UM Cugir@3; Cugir Arms Factory@2; RomArm@2; ROMARM Cugir@2; Fabrica de Arme Cugir@1 | LL DDDD@3; LLDDDD@2; LL DDDD Y@1
 imp: Century Arms; Century International Arms; I.O. Inc.
 mis: Cujir; Cugr; Uzina Mecanica Cujir
 rifle | WASR-10; WASR10; WASR 10; WASR-10/63 | 762x39 | 6 | N-LL-DDDD-Y@2; LL-DDDD-Y@1 | 1997-2023
 rifle | PM md. 63; md. 63; AIM; AKM md. 63 | 762x39 | 3 | | 1963-1990
 rifle | PM md. 65; md. 65; AIMS | 762x39 | 1 | | 1965-1990
 rifle | PM md. 86; md. 86; AK-74 Romanian | 545x39 | 1 | | 1986-2000
 pistol | Carpati md. 74; Carpati; md. 74 | 32acp, 380 | 2 | | 1974-1995
 pistol | Draco; Mini Draco; Micro Draco | 762x39 | 3 | | 2000-2023
 rifle | PSL; PSL-54C; FPK; Romak 3 | 762x54r | 1 | | 1974-2010
 pistol | Md. 2000; Cugir md. 2000; Md 2000 | 9x19 | 1 | | 2000-2010
 pistol | TTC; Tokarev TTC; Cugir TTC | 762x25 | 1 | | 1950-1960
@polican ALB 2 years=1978-1997 batch=.3 | Uzina Mekanike Poliçan@5; Poliçan@5; UM Polican@3; KM Poliçan@2 | DDDDDD@2; DDDDD@1
 rifle | ASh-78; ASH-78; Tip 1; Type 56 Albanian | 762x39 | 5
 rifle | ASh-82; ASH-82 | 762x39 | 2
# ---- Hungary, Poland ----
@feg HUN 5 batch=.2 | FEG@10; Fegyver- és Gépgyár@3; Fegyver es Gepgyar@3; FÉG@2; Femaru@2; Femaru Fegyver es Gepgyar@1 | LDDDDD@4; LLDDDDD@1; DDDDDD@2
 imp: Kassnar; KBI; Century Arms; Interarms
 mis: Fegyver es Gepyar; Femeru
 pistol | PA-63; PA 63; PA63; Pa. 63 | 9x18, 32acp | 4 | | 1963-1990
 pistol | P9R; PJK-9HP; FEG Hi-Power | 9x19 | 2
 rifle | AMD-65; AMD 65; AMD65 | 762x39 | 2 | | 1965-1990
 rifle | AK-63; AK 63; AK-63D; AKM-63 | 762x39 | 2 | | 1963-1990
 pistol | 37M; Model 37; 37 M; P37 | 380, 32acp | 1 | DDDDDD@1; DDDDD@1 | 1937-1945
 rifle | SA-85M; SA85M | 762x39 | 1 | | 1985-1990
 pistol | SMC-380; SMC 380 | 380 | 1
@radom POL 5 batch=.25 | Radom@8; Fabryka Broni Radom@4; FB Radom@4; Łucznik@3; Lucznik@3; ZM Łucznik@2; Z.M. Lucznik-Radom@1; F.B. Radom@2 | LL DDDD@2; LLDDDD@2; LDDDD@2; DDDDDD@1
 imp: Century Arms
 mis: Radon; Fabryka Bronii Radom; Lucnik
 pistol | Vis wz. 35; Vis; wz. 35; VIS 35; P35(p); Pistole 35(p) | 9x19 | 3 | {}LDDDD@3; DDDDD@1 | 1935-1945
 pistol | P-64; P64; wz. 64; P 64 | 9x18 | 4 | LL DDDD@2; LLDDDD@1 | 1965-1990
 pistol | P-83; P83; Wanad; P-83 Wanad | 9x18 | 2 | | 1983-2005
 submachine_gun | PM-63 RAK; PM-63; RAK; wz. 63 | 9x18 | 1 | | 1965-1977
 rifle | Beryl; wz. 96; kbs wz. 96 | 556 | 1 | | 1997-2020
 rifle | Tantal; wz. 88 | 545x39 | 1 | | 1991-1997
 rifle | kbk AKM; AKM; PMK | 762x39 | 2 | | 1960-1990
 pistol | Vis 100; VIS 100; Vis-100 | 9x19 | 1 | | 2017-2023
 rifle | MSBS Grot; Grot; MSBS | 556 | 1 | | 2017-2023
# ---- Russia, Ukraine ----
@izhmash RUS 14 batch=.3 | Izhmash@10; Kalashnikov Concern@5; Kalashnikov@4; IZH@3; Izhevsk@2; Izhevsk Machine Works@2; Izhevsky Mashinostroitelny Zavod@1; Kalashnikov Group@1; ^Ижмаш@4; ^Концерн Калашников@3; ^Калашников@2; ^ИЖ@1 | DDDDDDD@3; KK DDDD@3; DDDDDDDDD@2; KKDDDD@1
 imp: Russian American Armory; RAAC; Kalashnikov USA; Interarms; K-Var
 mis: Ishmash; Izmash; Kalashnikow; Kalaschnikov; Kalashnikov Consern
 rel: baikal
 rifle | AK-47; AK 47; AK47; Kalashnikov; Avtomat Kalashnikova | 762x39 | 4 | KK DDDD@3; DDDDD@1 | 1949-1959
 rifle | AKM; AKMS; AKM 47; AK-M | 762x39 | 5 | KK DDDD@4; KKDDDD@1 | 1959-1977
 rifle | AK-74; AK 74; AK74; AKS-74 | 545x39 | 4 | DDDDDDD@2; KK DDDD@1 | 1974-1995
 rifle | AKS-74U; AKS74U; Krinkov; AK-74U | 545x39 | 1 | DDDDDDD@1 | 1979-1993
 rifle | AK-74M; AK74M; AK 74M | 545x39 | 2 | DDDDDDDDD@1; DDDDDDD@1 | 1991-2015
 rifle | AK-12; AK12; AK 12 | 545x39 | 0.5 | | 2012-2023
 shotgun | Saiga-12; Saiga 12; S-12; ^Сайга-12 | 12ga | 3 | DDDDDDDD@2; {H}DDDDDDD@1 | 1997-2014
 rifle | Saiga; Saiga 7.62x39; Saiga rifle; ^Сайга | 762x39, 545x39 | 3 | DDDDDDDD@2 | 1995-2014
 rifle | SVD; Dragunov; SVD Dragunov; ^СВД | 762x54r | 1 | DDDDDDD@1; KK DDDD@1 | 1963-2010
 rifle | Biathlon 7-3; BI-7-3; Izhmash Biathlon | 22lr | 1
 submachine_gun | PP-19 Bizon; Bizon; PP-19; Bizon-2 | 9x18 | 0.5 | | 1996-2010
 rifle | Mosin-Nagant; M91/30; M1891/30; Mosin; 91/30; ^Мосина | 762x54r | 4 | KK DDDD@2; KDDDD@2; KKDDDD@1 | 1930-1945
 rifle | M44; M1944; Mosin M44 | 762x54r | 1 | KK DDDD@1; KDDDD@1 | 1943-1949
@baikal RUS 10 batch=.35 | Baikal@10; Izhmekh@3; Izhevsk Mechanical Plant@3; IZHMEKH Baikal@1; Izhevsky Mekhanichesky Zavod@1; Makarov@3; ^Байкал@4; ^Ижмех@2; ^Ижевский механический завод@2 | DDDDDDDDD@3; DDDDDDDD@2; KK DDDD@1
 imp: European American Armory; EAA; K-Var; Interarms; Century Arms
 mis: Baykal; Bajkal; Baical; Makarow; Makharov
 rel: izhmash
 pistol | PM; Makarov; Makarov PM; Pistolet Makarova; ^ПМ | 9x18 | 8 | KK DDDD@6; KKDDDD@1; KK DDD@1 | 1951-1995
 pistol | IJ-70; IZH-70; IJ70; IZH 70 | 9x18, 380 | 2 | DDDDDDDD@1; KK DDDD@1 | 1992-2007
 pistol | MP-446 Viking; MP446; Viking; ^Викинг | 9x19 | 1 | | 2004-2014
 pistol | PSM; PSM 5.45; ^ПСМ | 545x18 | 0.5 | KK DDDD@1 | 1973-1995
 other | MP-654K; MP654K; MP-654 | 9x18 | 2 | DDDDDDDD@1; KK DDDD@1 | 1998-2015
 shotgun | IZH-27; IJ-27; IZH27; MP-27; ^ИЖ-27 | 12ga, 20ga | 4 | DDDDDDDD@2; DD DDDDDD@1
 shotgun | IZH-43; IJ-43; MP-43; ^ИЖ-43 | 12ga | 3
 shotgun | MP-153; IZH-153; MP153 | 12ga | 3 | | 2000-2018
 shotgun | IZH-18; IJ-18; MP-18 | 12ga, 20ga, 410 | 2
 shotgun | MP-155; MP155 | 12ga | 1 | | 2015-2023
 shotgun | MP-133; IZH-81; MP133 | 12ga | 1
@tula RUS 10 batch=.3 | Tula@6; TOZ@5; Tula Arms Plant@4; Tulsky Oruzheiny Zavod@2; Tula Arsenal@2; Tula Arms Factory@2; Vostok@1; ^ТОЗ@3; ^Тульский оружейный завод@2 | KK DDDD@3; KKDDDD@1; DDDDDD@2; KDDDD@2
 imp: Century Arms; Interarms; Tula USA
 mis: Tulla; Tula Arms Plan; Tulsky Oruzheyny Zavod
 pistol | TT-33; TT; Tokarev; TT33; Tokarev TT-33; TT 33; ^ТТ | 762x25 | 6 | KK DDDD@3; KKDDDD@1; KK DDD@2 | 1933-1954
 rifle | Mosin-Nagant; M91/30; 91/30; Mosin; M1891/30; Mosin Nagant; ^Мосина | 762x54r | 6 | KK DDDD@3; KDDDD@2; KKDDD@1 | 1930-1945
 rifle | SKS; SKS-45; Simonov; SKS 45; Simonov SKS; ^СКС | 762x39 | 5 | KK DDDD@3; KKDDD@1; KK DDD@1 | 1949-1958
 revolver | Nagant M1895; Nagant; M1895 Nagant; Nagant revolver; M1895; ^Наган | 762x38r | 3 | DDDDD@2; KK DDD@1; DDDDDD@1 | 1895-1945
 shotgun | TOZ-34; TOZ 34; TOZ34; ^ТОЗ-34 | 12ga | 3 | DDDDDD@1; DDDDDDD@1
 rifle | TOZ-8; TOZ 8; TOZ-8M | 22lr | 1
 rifle | TOZ-17; TOZ 17 | 22lr | 1
 shotgun | TOZ-106; TOZ 106 | 20ga | 1
 rifle | SVT-40; SVT40; Tokarev SVT-40; SVT | 762x54r | 1 | KK DDDD@2 | 1940-1945
@molot RUS 5 batch=.3 | Molot@10; Molot-Oruzhie@3; Vyatskie Polyany@3; VPMZ Molot@2; Vyatskiye Polyany Machine-Building Plant@1; ^Молот@3; ^Вятско-Полянский машиностроительный завод@1 | DDDDDDDD@2; KK DDDD@2; KKDDDDD@1
 imp: Robinson Armament; K-Var; Century Arms
 mis: Mollot; Molot Oruzhiye
 shotgun | Vepr-12; Vepr 12; VPR-12; ^Вепрь-12 | 12ga | 2 | | 2003-2023
 rifle | Vepr; VEPR; Vepr Super; ^Вепрь | 762x39, 308, 545x39 | 2 | | 1995-2023
 machine_gun | RPK; RPK-74; RPK74; RPKS; ^РПК | 762x39, 545x39 | 1 | KK DDDD@1; DDDDDDD@1 | 1961-2000
 submachine_gun | PPSh-41; PPSh; PPSH-41; PPSh 41; Shpagin; ^ППШ | 762x25 | 3 | KK DDD@2; KKDDD@1; KK DDDD@1 | 1941-1947
 submachine_gun | PPS-43; PPS; PPS 43; Sudaev | 762x25 | 1 | KK DDD@2; KKDDD@1 | 1943-1946
 pistol | APS; Stechkin; Stechkin APS; ^АПС | 9x18 | 1 | KK DDDD@1; DDDDDD@1 | 1951-1975
@degtyarev RUS 2 | Degtyarev Plant@6; ZiD@5; Kovrov@4; Zavod imeni Degtyareva@2; ^ЗиД@3; ^Завод им. Дегтярёва@1 | KK DDD@3; KK DDDD@2; DDDDDD@1
 machine_gun | DP-27; DP; DP 27; Degtyarev DP; ^ДП | 762x54r | 2 | KK DDD@2; DDDDD@1 | 1928-1945
 machine_gun | RPD; RPD-44; RPD 44; ^РПД | 762x39 | 1 | | 1944-1960
 machine_gun | PKM; PK; PKM 7.62; ^ПКМ | 762x54r | 1 | | 1969-2010
 machine_gun | DShK; DShKM; ^ДШК | 127x108 | 0.3 | | 1938-1980
 shotgun | KS-23; KS23; ^КС-23 | 23mm | 0.5 | | 1985-2010
@kbp RUS 1 | KBP@10; KBP Instrument Design Bureau@4; Tula KBP@2; ^КБП@3 | DDDDDDD@2; KK DDDD@1
 pistol | GSh-18; GSh18; GSh 18; ^ГШ-18 | 9x19 | 2 | | 2000-2023
 pistol | OTs-33 Pernach; OTs-33; Pernach | 9x18 | 1 | | 1996-2010
 submachine_gun | PP-2000; PP2000 | 9x19 | 1 | | 2004-2023
@fort UKR 3 | Fort@10; RPC Fort@4; Fort Vinnytsia@2; NPO Fort@2; ^Форт@4; ^НВО Форт@1 | KK DDDD@2; DDDDDD@2; LL DDDD@1
 mis: Fort Vinnitsa; Forte
 pistol | Fort-12; Fort 12; ^Форт-12 | 9x18, 380 | 4 | | 1998-2023
 pistol | Fort-14; Fort 14; Fort-14TP; ^Форт-14 | 9x18, 9x19 | 2 | | 2000-2023
 pistol | Fort-17; Fort 17; ^Форт-17 | 9x18 | 2 | | 2003-2023
 rifle | Fort-221; Fort 221; Fort-224 | 545x39, 556 | 1 | | 2009-2023
 shotgun | Fort-500; Fort 500 | 12ga | 1 | | 2005-2023
# ---- China ----
@norinco CHN 14 batch=.3 | Norinco@10; NORINCO@4; China North Industries@4; China North Industries Corp.@2; China North Industries Corporation@2; North China Industries@1 | DDDDDDD@4; DDDDDDDD@3; DDLDDDDD@1
 imp: Century Arms; Interstate Arms; Keng's Firearms Specialty; Poly Technologies; Polytech; CJA
 mis: Norinko; Norinc; Norinco China; Norinco Corp
 rel: jianshe
 pistol | Type 54; T54; Type 54 Tokarev; 54-1 | 762x25 | 4 | DDDDDDD@2; DDDDDD@1 | 1954-2000
 pistol | Model 213; NP-15; 213 | 9x19 | 2 | | 1988-2005
 rifle | Type 56; Type 56 AK; T56; Type 56-1 | 762x39 | 5 | DDDDDDDD@2; DDDDDDD@1 | 1956-1990
 rifle | MAK-90; MAK 90; MAK90 Sporter | 762x39 | 2 | | 1990-1994
 rifle | Type 56 SKS; SKS; Type 56 carbine; Norinco SKS | 762x39 | 4 | DDDDDDD@1; DDDDDDDD@1 | 1956-1995
 pistol | Type 59; Makarov Type 59; Type 59 Makarov | 9x18 | 1 | | 1959-1990
 pistol | NP-29; 1911A1; Norinco 1911; M1911A1 | 45acp | 2 | | 1990-2023
 rifle | Type 81; T81; Type 81-1 | 762x39 | 1 | | 1981-2000
 shotgun | Model 97; Norinco 97; M97 Hammer Pump | 12ga | 2 | | 2000-2023
 shotgun | HP9-1; HP 9-1; Norinco 982 | 12ga | 2 | | 2000-2023
 rifle | JW-15; JW15 | 22lr | 1
 pistol | QSZ-92; QSZ 92; Type 92; CF98 | 9x19 | 1 | | 1998-2023
 pistol | NZ-75; NZ75 | 9x19 | 1 | | 1994-2010
@jianshe CHN 2 | Jianshe@10; Jianshe Industries@3; State Factory 296@2; Factory 296@2; Chongqing Jianshe@1 | DDDDDD@2; DDDDDDD@2
 imp: Norinco; China North Industries
 pistol | Type 77B; Model 77B; 77B | 9x19 | 2 | | 1980-2005
 pistol | Type 54; T54; Type 54 Tokarev | 762x25 | 2 | | 1954-1990
 pistol | Type 59; T59 | 9x18 | 1 | | 1959-1990
 pistol | Type 77; T77 | 762x17 | 1 | | 1977-1990
@polytech CHN 2 | Poly Technologies@10; Polytech@8; PolyTech Legend@1 | {P}DDDDDD@2; DDDDDDD@2
 rel: norinco
 rifle | AK-47/S Legend; Legend; AKS Legend | 762x39 | 3 | | 1986-1994
 rifle | M14S; Polytech M14S; M14 | 308 | 2 | | 1988-1994
# ---- Israel ----
@imi ISR 5 batch=.2 | IWI@10; Israel Weapon Industries@4; IMI@8; Israel Military Industries@4; TAAS@1; Ta'as@1; Israel Weapon Industries Ltd@1 | DDDDDD@3; {SA}DDDDD@1; LDDDDDD@1
 imp: Magnum Research; Action Arms; IWI US
 mis: Israeli Military Industries; Isreal Weapon Industries
 submachine_gun | Uzi; UZI; Uzi SMG; Uzi Model A; Uzi Model B | 9x19 | 3 | {SA}DDDDD@1; DDDDDD@1 | 1954-2005
 submachine_gun | Mini Uzi; Mini-Uzi; MiniUzi | 9x19 | 1 | | 1980-2005
 pistol | Jericho 941; Jericho; J941; Baby Eagle; Jericho 941F | 9x19, 40sw | 4
 rifle | Galil; Galil ARM; Galil SAR; AR Galil | 556, 762x51 | 2 | | 1972-2010
 rifle | Tavor; TAR-21; Tavor SAR; X95; Tavor X95 | 556 | 2 | {T}DDDDDDD@1 | 2001-2023
 machine_gun | Negev; IWI Negev | 556 | 0.3 | | 1997-2023
 pistol | Masada; IWI Masada | 9x19 | 1 | | 2019-2023
# ---- Turkey ----
@canik TUR 12 batch=.3 years=2010-2023 | Canik@10; Canik Arms@3; Samsun Yurt Savunma@3; Samsun Yurt Savunma Sanayi@1; Canik55@2; CANIK SAMSUN@1 | {T6472-}Y LLDDDDD@3; {T6472-}YLLDDDDD@2; {T6472 }Y LL DDDDD@1
 imp: Century Arms; Century International Arms
 mis: Canick; Kanik; Canic
 pistol | TP9SF; TP9 SF; TP9; TP-9SF | 9x19 | 5
 pistol | TP9SA; TP9 SA; TP9 SA Mod.2 | 9x19 | 3
 pistol | TP9 Elite; TP9SF Elite; TP9 Elite SC | 9x19 | 3
 pistol | METE SFT; Mete SFT; Mete | 9x19 | 2 | | 2021-2023
 pistol | TP9SFx; TP9 SFX | 9x19 | 2
 pistol | Rival; TP9 Rival | 9x19 | 1 | | 2020-2023
@sarsilmaz TUR 8 batch=.2 | Sarsilmaz@10; Sarsılmaz@5; SAR Arms@3; SAR@3; Sarsilmaz Silah Sanayi@2; SARSILMAZ A.S.@1 | {T1102-}Y LDDDDD@3; {T1102-}YLLDDDDD@2; LDDDDDD@1
 imp: SAR USA; European American Armory; EAA
 mis: Sarsilmas; Sarsilmaz Silah; Sarsilmatz
 pistol | SAR 9; SAR9; SAR9 T; SAR 9 Gen 3 | 9x19 | 3 | | 2016-2023
 pistol | B6; B6P; SAR B6P; B6C | 9x19 | 3 | | 2012-2023
 pistol | K2P; SAR K2P; K2-45 | 9x19, 45acp | 2 | | 2012-2023
 pistol | Kilinc 2000; Kılınç 2000; Kilinc; K2000 | 9x19 | 2 | | 2000-2015
 pistol | CM9; SAR CM9 | 9x19 | 1 | | 2008-2020
 pistol | ST10; SAR ST10 | 9x19 | 1 | | 2016-2023
@girsan TUR 5 years=2005-2023 | Girsan@10; Girsan Makine@3; GİRSAN@2; Girsan Machine & Light Weapon Industry@1 | {T0620-}Y LLDDDDD@3; {T0620-}YLDDDDD@1
 imp: European American Armory; EAA; Zenith Firearms
 mis: Girsam; Gyrsan
 pistol | MC28SA; MC 28 SA; MC28 | 9x19 | 2
 pistol | Regard MC; Regard; MC Regard | 9x19 | 3
 pistol | MC1911; MC 1911; MC1911S | 45acp | 2
 pistol | Yavuz 16; Yavuz; Yavuz 16 Compact | 9x19 | 2
 pistol | MC14; MC 14 | 380 | 1
@tisas TUR 4 years=2005-2023 | Tisas@10; TİSAŞ@3; Trabzon Silah Sanayi@2; TISAS TRABZON@1 | {T1104-}Y LLDDDDD@2; {T1104-}YLDDDDDD@1
 imp: SDS Imports; SDS; Century Arms
 mis: Tissas; Tisaş Trabzon
 pistol | Zigana; Zigana F; Zigana K; Zigana T | 9x19 | 3
 pistol | 1911 A1 Service; Tisas 1911; ZIG M1911 | 45acp | 2
 pistol | PX-9; PX9 | 9x19 | 2
 pistol | Fatih 13; Fatih | 380 | 1
@hatsan TUR 5 | Hatsan@10; Hatsan Arms@4; HATSAN ARMS CO@1; Escort@5 | DDDDDD@3; DDDDDDD@2; LDDDDDD@1
 imp: Legacy Sports; Legacy Sports International; Hatsan USA
 mis: Hatson; Hatzan
 shotgun | Escort; Escort Pump; Escort MP; Escort Magnum | 12ga, 20ga | 5
 shotgun | Escort Xtreme; Xtreme; Optima 12 | 12ga | 1
 shotgun | MPA; MPA 12 | 12ga | 1
@akkar TUR 2 | Akkar@10; Akkar Silah Sanayi@3 | DDDDDDD@2; LLDDDDD@1
 imp: Charles Daly; Tristar
 shotgun | Churchill 206; Churchill 612; Churchill | 12ga, 20ga | 2
 shotgun | Altay; Akkar Altay | 12ga | 1
 shotgun | Karatay | 12ga | 1
@huglu TUR 2 | Huglu@10; Hüglü@4; Huglu Hunting Firearms Cooperative@2; Huglu Av Tufekleri@1 | DDDDDD@2; YDDDDD@1
 imp: CZ-USA; Charles Daly
 shotgun | Bobwhite; CZ Bobwhite | 12ga, 20ga, 410 | 2
 shotgun | Redhead; CZ Redhead | 12ga, 20ga | 2
 shotgun | Ringneck | 12ga | 1
@armsan TUR 2 | Armsan@10; Armsan Silah@3 | DDDDDDD@2; {A}DDDDDD@1
 shotgun | RS-X2; RSX2 | 12ga | 1
 shotgun | A612; Armsan A612 | 12ga | 1
@stoeger TUR 4 | Stoeger@10; Stoeger Industries@4; Stoeger Silah@2 | DDDDDDDD@2; LLDDDDDD@1
 rel: beretta; boito
 mis: Stoger; Steoger
 shotgun | M3000; Stoeger M3000 | 12ga | 2
 shotgun | P3000; Stoeger P3000 | 12ga | 2
 shotgun | Coach Gun; Coach; Uplander | 12ga, 20ga | 2
 pistol | Cougar; Stoeger Cougar; 8000 | 9x19, 40sw | 2
@zoraki TUR 4 years=2005-2023 | Zoraki@10; Atak Arms@5; ATAK ARMS LTD@1 | DDDDDDDD@2; LLDDDDDD@1
 mis: Zorakki; Zoraky
 other | Zoraki 914; 914; M914 | 9pak | 3
 other | Zoraki 917; 917; M917 | 9pak | 3
 other | Zoraki 2914; 2914 | 9pak | 1
@ekol TUR 3 years=2008-2023 | Ekol@10; Voltran@5; Ekol Voltran@3 | DDDDDDD@2; {EK}DDDDDD@1
 other | Jackal Dual; Ekol Jackal; Jackal | 9pak | 2
 other | Firat Compact; Ekol Firat; Firat | 9pak | 2
@retay TUR 2 years=2010-2023 | Retay@10; Retay Arms@3 | DDDDDDD@2; {R}DDDDDDD@1
 other | Retay 84FS; 84FS; Mod 84 | 9pak | 2
 other | Retay G17; G17 Blank | 9pak | 1
 shotgun | Masai Mara; Retay Masai Mara | 12ga | 1
# ---- Italy ----
@beretta ITA 40 batch=.2 | Beretta@10; Pietro Beretta@3; Fabbrica d'Armi Pietro Beretta@3; P. Beretta@2; Beretta USA@2; BERETTA U.S.A. CORP@1; Beretta Gardone@1 | LDDDDD{Z}@3; LLDDDDDD{L}@1; DDDDDD@1
 mis: Baretta; Berreta; Beretta Pietro; Beretto; Berretta
 rel: stoeger; benelli; franchi; sako; tikka; uberti
 pistol | 92FS; 92 FS; 92F; Model 92; 92; 92A1 | 9x19 | 6 | {BER}DDDDDD{Z}@2; LDDDDD{Z}@3; {BER}DDDDDD@1
 pistol | M9; M9A1; M9A3; Beretta M9 | 9x19 | 1 | {M9-}DDDDDD@1; {1}DDDDDD@1
 pistol | Px4 Storm; PX4; Px4; Px4 Storm Compact | 9x19, 40sw | 3 | {PX}DDDDD@2; {PY}DDDDD@2 | 2004-2023
 pistol | APX; APX Carry; APX A1 | 9x19 | 2 | {A}DDDDDD{X}@1 | 2017-2023
 pistol | Model 84; 84; 84FS; Cheetah; 84 Cheetah | 380 | 2 | LDDDDD{Y}@1
 pistol | Tomcat; 3032; 3032 Tomcat | 32acp | 2 | {DAA}DDDDDD@1 | 1996-2023
 pistol | Bobcat; 21A; 21 Bobcat | 22lr, 25acp | 2 | {BES}DDDDD{U}@1; {DAA}DDDDDD@1
 pistol | Model 950; 950 Jetfire; Jetfire; Minx | 25acp | 1 | {BR}DDDDD@1; DDDDDD@1 | 1952-2002
 pistol | Model 1934; M1934; 1934 | 380 | 2 | DDDDDD@3; {G}DDDDD@1 | 1934-1980
 pistol | Model 1935; M1935; 1935 | 32acp | 1 | DDDDDD@1 | 1935-1967
 pistol | 8000 Cougar; Cougar; 8000; 8045 | 9x19, 40sw | 1 | | 1994-2005
 pistol | Nano; BU9; BU9 Nano | 9x19 | 1 | | 2011-2018
 pistol | Model 70; M70; Puma; 70S | 380, 32acp | 1 | DDDDDD@1 | 1958-1985
 shotgun | 686; 686 Silver Pigeon; Silver Pigeon; 686 Onyx; 686E | 12ga, 20ga | 4 | LDDDDD{B}@2; LLDDDDD@1
 shotgun | A400; A400 Xtreme; A 400; A400 Xplor | 12ga | 2 | | 2010-2023
 shotgun | A300; A300 Outlander; A 300 | 12ga | 2 | | 2006-2023
 shotgun | AL391; AL 391; Urika; AL391 Urika | 12ga, 20ga | 2 | | 1999-2013
 shotgun | DT11; DT-11; DT 11 | 12ga | 1 | | 2011-2023
 shotgun | 1301; 1301 Tactical; 1301 Comp | 12ga | 1 | | 2013-2023
 rifle | ARX160; ARX 160; ARX-160 | 556 | 0.5 | | 2008-2023
 rifle | CX4 Storm; CX4; Cx4 Storm | 9x19, 40sw | 1 | | 2003-2023
 submachine_gun | PM12; PM12S; M12; Model 12 | 9x19 | 0.5 | DDDDDD@1 | 1959-2005
 rifle | BM59; BM 59 | 762x51 | 0.5 | | 1959-1990
 submachine_gun | MAB 38; MAB38; Moschetto Automatico Beretta 38; M38A | 9x19 | 0.5 | DDDDD{}l@1; DDDDD@1 | 1938-1961
@benelli ITA 10 | Benelli@10; Benelli Armi@4; Benelli Armi Urbino@2; BENELLI ARMI SPA@1; Benelli USA@1 | {M}DDDDDD@2; {U}DDDDDD@2; LLDDDDDD@1; LDDDDDD{C}@1
 mis: Benneli; Benelly; Bennelli
 rel: beretta
 shotgun | M4; M4 Super 90; M1014; M4 Tactical | 12ga | 2
 shotgun | M2; M2 Field; M2 Tactical | 12ga, 20ga | 3
 shotgun | Super Black Eagle; SBE; SBE II; SBE 3 | 12ga | 3
 shotgun | Nova; Nova Pump; Nova Tactical | 12ga, 20ga | 3
 shotgun | Supernova; SuperNova; Super Nova | 12ga | 2
 shotgun | Montefeltro | 12ga, 20ga | 2
 shotgun | M1 Super 90; M1; M1 Entry; Super 90 | 12ga | 1 | | 1985-2005
 rifle | R1; MR1; Benelli R1 | 308, 3006, 300wm | 1
 pistol | B76; B 76; B-76 | 9x19 | 0.3 | | 1976-1990
@franchi ITA 5 | Franchi@10; Luigi Franchi@4; L. Franchi@2; Luigi Franchi S.p.A.@1 | DDDDDD@2; {F}DDDDDD@1; LLDDDDD@1
 mis: Franci; Franchie
 rel: beretta; benelli
 shotgun | SPAS-12; SPAS 12; SPAS12 | 12ga | 2 | | 1979-2000
 shotgun | SPAS-15; SPAS 15 | 12ga | 0.5 | | 1986-2005
 shotgun | Affinity; Affinity 3; Affinity 3.5 | 12ga, 20ga | 3 | | 2012-2023
 shotgun | Instinct; Instinct L; Instinct SL | 12ga, 20ga | 2 | | 2012-2023
 shotgun | 48AL; 48 AL; Model 48 | 12ga, 20ga | 2
 rifle | Momentum | 308, 3006 | 1 | | 2017-2023
@fabarm ITA 2 | Fabarm@10; FABARM S.p.A.@2; Fabbrica Bresciana Armi@2 | DDDDDD@2; LDDDDDD@1
 shotgun | SDASS; SDASS Tactical | 12ga | 1
 shotgun | Elos; Elos N2; Elos D2 | 12ga | 2
 shotgun | XLR5; XLR5 Velocity | 12ga | 1
 shotgun | Axis; Fabarm Axis | 12ga | 1
@tanfoglio ITA 5 | Tanfoglio@10; Fratelli Tanfoglio@4; F.lli Tanfoglio@3; Tanfoglio Giuseppe@1 | {AB}DDDDD@1; {AE}DDDDD@1; {T}DDDDDD@1; LLDDDDDD@1; {EA}DDDDD@1
 imp: European American Armory; EAA
 mis: Tanfolio; Tanfoglia
 pistol | Witness; EAA Witness; TA90; TZ75; Force 99 | 9x19, 40sw, 45acp, 10mm | 4
 pistol | Stock II; Stock 2; Stock III; Witness Stock | 9x19 | 2
 pistol | GT 27; GT27; TA 27 | 25acp | 1 | | 1970-1990
 pistol | Combat; Tanfoglio Combat | 9x19 | 1
@bernardelli ITA 2 | Bernardelli@10; Vincenzo Bernardelli@4; V. Bernardelli@2 | DDDDDD@2; DDDDD@1
 pistol | Model 60; M60; 60 | 32acp, 380 | 2 | | 1959-1990
 pistol | P018; P-018; P 018 | 9x19 | 1 | | 1985-1997
 shotgun | Hemingway; Roma 6; Roma | 12ga | 2
@uberti ITA 4 | Uberti@10; A. Uberti@4; Aldo Uberti@3; Uberti S.r.l.@1 | DDDDDD@3; {}LDDDDD@1
 imp: Cimarron; Cimarron Firearms; Taylor's & Co; Beretta USA
 revolver | 1873 Cattleman; Cattleman; 1873 SAA | 45colt, 357mag, 4440 | 3
 rifle | 1873 Rifle; 1873; Model 1873 | 357mag, 4440, 45colt | 2
 rifle | 1866 Yellowboy; Yellowboy; 1866 | 4440, 38spl | 1
@pietta ITA 3 | Pietta@10; F.lli Pietta@3; Fratelli Pietta@3; F.A.P. F.lli Pietta@1 | DDDDDD@3; LLDDDDD@1
 imp: Cimarron; Taylor's & Co; EMF; Navy Arms
 revolver | 1873 Great Western II; Great Western II; GWII | 45colt, 357mag | 2
 revolver | 1858 Remington New Army; 1858; 1858 Remington | 44bp | 3
 revolver | 1851 Navy; 1851; Navy Colt | 36bp, 44bp | 2
@chiappa ITA 3 | Chiappa@10; Chiappa Firearms@4; Armi Sport Chiappa@2; Armi Sport@2 | LLDDDDD@2; DDDDDD@1
 imp: MKS Supply; Chiappa USA
 revolver | Rhino; Rhino 60DS; 60DS; Rhino 40DS; 200DS | 357mag, 9x19 | 2 | | 2009-2023
 shotgun | 1887; Model 1887; 1887 Lever | 12ga | 1
 rifle | M1-22; M1 Carbine 22 | 22lr | 1
 rifle | Little Badger; Badger | 22lr, 22wmr | 1
 pistol | 1911-22; 1911 22 | 22lr | 2
@perazzi ITA 2 | Perazzi@10; Armi Perazzi@4; Daniele Perazzi@1 | DDDDDD@3; DDDDD@1
 shotgun | MX8; MX 8; MX-8 | 12ga | 2
 shotgun | MX2000; MX 2000 | 12ga | 1
 shotgun | MX12; MX 12 | 12ga | 1
@breda ITA 2 | Breda@10; Breda Meccanica Bresciana@2; Breda Armi@2; Ernesto Breda@1 | DDDDDD@2; {}LDDDD@1
 machine_gun | Breda M30; M30; Modello 30 | 65carcano | 0.3 | DDDD@1 | 1930-1945
 shotgun | Altair; Breda Altair | 12ga | 1
 shotgun | Echo; Breda Echo | 12ga | 1
 shotgun | Grizzly | 12ga | 1
@terni ITA 3 batch=.2 years=1891-1945 | Terni@6; Fabbrica d'Armi Terni@3; FAT@2; Carcano@5; Mannlicher-Carcano@3; FNA Brescia@2 | {}LLDDDD@3; {}LDDDD@3
 mis: Carcanno; Karkano
 rifle | M91; Carcano M91; Modello 91; M1891; Mod. 91 | 65carcano | 4
 rifle | M38; Carcano M38; Mod. 38; M1938 | 65carcano | 2 | | 1938-1945
 rifle | M91/38; 91/38 | 65carcano | 2 | | 1938-1945
# ---- Spain ----
@star ESP 5 years=1924-1997 | Star@10; Star Bonifacio Echeverria@4; Bonifacio Echeverría@2; Star Echeverria@2; STAR ARMS@1; Echeverria@1 | DDDDDD@3; DDDDDDD@2; {}LDDDDD@1
 pistol | Star B; Model B; Star Model B; Super B | 9x19 | 3
 pistol | Star BM; BM; Model BM; BKM | 9x19 | 2 | | 1972-1992
 pistol | Star 30M; 30M; 30PK; Model 30 | 9x19 | 1 | | 1986-1997
 pistol | Firestar; Firestar M43; M43; M40 | 9x19, 40sw | 1 | | 1990-1997
 pistol | Megastar | 10mm, 45acp | 0.5 | | 1992-1997
 submachine_gun | Z-62; Z62; Z-70; Z70 | 9x19 | 0.5 | | 1962-1990
 pistol | Star S; Super S; Model S | 380 | 1
@llama ESP 5 years=1931-2000 | Llama@10; Gabilondo y Cía@4; Gabilondo@4; Gabilondo y Compañía@2; Llama Gabilondo@2 | DDDDDD@3; DDDDDDD@2; {}LDDDDD@1
 mis: Lama; Gabilondo y Cia.
 pistol | Model IX-A; IX-A; IXA; Especial | 45acp, 9x19 | 2
 pistol | Model III-A; III-A; IIIA; Micro-Max | 380 | 2
 pistol | Max-I; Max I; Llama Max | 45acp, 9x19 | 1 | | 1995-2000
 pistol | Model XV; XV | 22lr | 1
 revolver | Comanche; Comanche III; Martial | 357mag, 38spl | 2
 pistol | M82; Llama M82 | 9x19 | 1 | | 1985-1993
 pistol | Ruby; Gabilondo Ruby | 32acp | 1 | DDDDD@1 | 1914-1920
@astra ESP 5 years=1921-1997 | Astra@10; Astra Unceta@4; Unceta y Cía@3; Astra-Unceta y Cía@2; Esperanza y Unceta@1 | DDDDDD@3; DDDDD@2; {}LDDDDD@1
 pistol | Astra 600; 600; Model 600; Astra 600/43 | 9x19 | 2 | | 1943-1946
 pistol | Astra 400; 400; Model 400; Model 1921 | 9largo | 2 | | 1921-1946
 pistol | Astra 300; 300; Model 300 | 380, 32acp | 2 | | 1922-1947
 pistol | Constable; Astra Constable | 380, 32acp | 2 | | 1965-1991
 pistol | A-100; A100; Panther | 9x19, 45acp | 1 | | 1990-1997
 pistol | A-70; A70; A-75; A75 | 9x19 | 1 | | 1991-1997
 pistol | Astra 900; M900; Model 900 | 763mauser | 0.5 | | 1928-1937
 revolver | Astra 357 Police; Police; 960 | 357mag | 1
@aya ESP 3 | AYA@10; Aguirre y Aranzabal@4; Aguirre y Aranzábal@2; A.Y.A.@2 | DDDDDD@3; DDDDD@2
 shotgun | No. 2; AYA No 2; Number 2 | 12ga, 20ga, 16ga | 3
 shotgun | No. 4; AYA 4; Number 4 | 12ga | 2
 shotgun | Yeoman | 12ga | 1
 shotgun | Coral | 12ga | 1
@santabarbara ESP 2 | Santa Bárbara@6; Empresa Nacional Santa Bárbara@2; CETME@5; General Dynamics Santa Bárbara@1 | DDDDDD@3; DDDDD@1
 rifle | CETME; CETME Model C; CETME C; Modelo C | 762x51 | 3 | | 1958-1990
 rifle | CETME L; CETME Model L; Modelo L; LC | 556 | 2 | | 1984-1999
 machine_gun | Ameli; CETME Ameli | 556 | 0.3 | | 1982-2000
# ---- France ----
@mas FRA 4 batch=.2 | MAS@10; Manufacture d'Armes de Saint-Étienne@4; Manufacture d'armes de Saint-Etienne@3; Saint-Étienne@2; St Etienne@2 | {}LDDDDD@3; DDDDDD@2; DDDDD{}L@1
 mis: Manufacture d'Armes de St Etienne; St Ettiene
 rifle | MAS 36; MAS-36; MAS36; Mle 1936 | 75fr | 3 | | 1936-1952
 rifle | MAS 49/56; MAS 49-56; MAS49/56; Mle 49/56 | 75fr | 2 | | 1956-1978
 pistol | MAS 1950; MAS 50; PA MAS 1950; MAC 50 | 9x19 | 3 | | 1950-1978
 rifle | FAMAS; FAMAS F1; FAMAS G2; FA MAS | 556 | 1 | | 1978-2000
 submachine_gun | MAS 38; MAS-38; MAS38 | 765long | 0.5 | | 1938-1949
 revolver | Mle 1892; Modèle 1892; St. Etienne 1892 | 8x27r | 1 | {}LDDDD@1; DDDDD@1 | 1892-1924
@manurhin FRA 3 | Manurhin@10; Manufacture de Machines du Haut-Rhin@3 | DDDDDD@3; {}LDDDDD@1
 rel: walther
 revolver | MR 73; MR73; MR-73; MR 73 Gendarmerie | 357mag | 3
 pistol | PP Manurhin; Walther PP Manurhin; PPK Manurhin | 380, 32acp | 2 | | 1952-1986
 revolver | MR 88; MR88 | 357mag | 1
 revolver | MR 96; MR96 | 357mag | 1
@verneycarron FRA 3 | Verney-Carron@10; Verney Carron@4; VERNEY CARRON SA@1 | DDDDDD@3; DDDDDDD@1
 rifle | Impact; Impact NT; Impact Auto | 308, 3006, 300wm | 2
 shotgun | Sagittaire; Super 9 | 12ga | 2
 rifle | Speedline; Speedline Hunter | 308, 3006, 93x62 | 1
@mab FRA 2 years=1921-1985 | MAB@10; Manufacture d'Armes de Bayonne@4; Manufacture d'armes automatiques de Bayonne@1 | DDDDDD@3; {}LDDDDD@1
 pistol | MAB D; Model D; MAB-D; Modèle D | 32acp, 380 | 3 | | 1933-1963
 pistol | PA-15; PA15; MAB PA-15; P15 | 9x19 | 2 | | 1966-1985
 pistol | MAB C; Model C | 32acp, 380 | 1
 pistol | MAB R; Model R | 9x19 | 1
@unique FRA 2 years=1923-1999 | Unique@10; Manufacture d'Armes des Pyrénées Françaises@3; MAPF@2 | DDDDDD@3; DDDDD@1
 pistol | Rr51; Unique Rr51; Rr 51 | 32acp | 2 | | 1941-1965
 pistol | Kriegsmodell; Unique Kriegsmodell; Model 17 | 32acp | 1 | | 1941-1944
 pistol | DES 69; DES-69; Unique DES 69 | 22lr | 1 | | 1969-1999
 pistol | Model L; Unique L | 32acp, 380, 22lr | 1
# ---- United Kingdom ----
@webley GBR 4 years=1900-1980 | Webley & Scott@10; Webley@10; Webley and Scott@3; W&S@1; Webley & Scott Ltd@1 | DDDDDD@3; DDDDD@2; {}LDDDD@1
 mis: Webly; Weblay & Scott
 revolver | Mk VI; Webley Mk VI; Mark VI; MkVI | 455webley | 3 | | 1915-1923
 revolver | Mk IV; Webley Mk IV; Mark IV .38 | 38sw | 3 | {}LDDDD@1; DDDDD@1 | 1929-1945
 pistol | Model 1906; Webley .32; Webley Pocket | 32acp | 1 | | 1906-1940
 shotgun | Webley 700; Model 700 | 12ga | 1 | | 1949-1980
@enfield GBR 5 batch=.2 years=1900-1990 | RSAF Enfield@6; Enfield@8; Royal Small Arms Factory@3; RSAF@2; Enfield Lock@1 | {}LDDDD@3; {}LLDDDD@1; DDDDDD@1; DDDDD@1
 rel: bsa; longbranch; ofb
 rifle | SMLE; No. 1 Mk III; No.1 MkIII; Lee-Enfield; SMLE Mk III | 303 | 5 | | 1907-1945
 rifle | No. 4 Mk I; No.4 Mk1; No 4; Lee-Enfield No. 4; No4 MkI | 303 | 4 | | 1939-1955
 revolver | Enfield No. 2; No. 2 Mk I; Enfield revolver; No 2 Mk 1* | 38sw | 2 | | 1932-1957
 rifle | L1A1; SLR; L1A1 SLR | 762x51 | 1 | | 1957-1985
 submachine_gun | Sten; Sten Mk II; Sten Mk V; STEN | 9x19 | 1 | | 1941-1945
 machine_gun | Bren; Bren Mk I; L4A4; Bren gun | 303, 762x51 | 0.3 | | 1937-1970
 rifle | L85A1; SA80; L85A2; L85 | 556 | 0.5 | | 1985-1994
@bsa GBR 4 batch=.2 | BSA@10; Birmingham Small Arms@4; B.S.A.@2; BSA Guns@1; Birmingham Small Arms Company@1 | {}LDDDD@3; {}LLDDDD@2; DDDDDD@1
 rifle | No. 1 Mk III; SMLE; Lee-Enfield; SMLE Mk III* | 303 | 3 | | 1907-1945
 rifle | No. 4 Mk I; No.4; Lee-Enfield No. 4 | 303 | 2 | | 1939-1955
 submachine_gun | Sten Mk II; Sten; STEN | 9x19 | 1 | | 1941-1945
 rifle | Martini International; Martini; BSA Martini | 22lr | 1 | DDDDD@1 | 1950-1985
 rifle | Majestic; BSA Majestic; Monarch | 3006, 270, 308 | 1 | | 1950-1985
@parkerhale GBR 2 | Parker-Hale@10; Parker Hale@4; PARKER HALE LTD@1 | DDDDD@2; DDDDDD@2; {}LDDDDD@1
 rifle | M82; Parker-Hale M82; Model 82 | 308, 762x51 | 1
 rifle | M85; Model 85; Parker-Hale M85 | 308 | 1
 rifle | 1200 Super; Super 1200; Model 1200 | 308, 3006, 270 | 2
@holland GBR 1 | Holland & Holland@10; Holland and Holland@4; H&H@3 | DDDDD@3
 shotgun | Royal; Royal Deluxe | 12ga, 20ga | 2
 rifle | Royal Double Rifle; Double Rifle | 375hh | 1
@purdey GBR 1 | Purdey@10; James Purdey & Sons@4; J. Purdey@2 | DDDDD@3
 shotgun | Side by Side; SxS; Best | 12ga, 20ga | 2
 shotgun | Over and Under; O/U | 12ga | 1
# ---- Nordic ----
@sako FIN 6 | Sako@10; SAKO Ltd@3; Sako Oy@2 | DDDDDD@4; {}LDDDDDD@1; DDDDDDD@1
 mis: Sacko; Saco
 rel: tikka; beretta; valmet
 rifle | Sako 85; 85; S85; Model 85 | 308, 3006, 65x55, 270, 300wm | 3 | | 2006-2023
 rifle | Sako 75; 75; S75 | 308, 3006, 65x55, 270 | 2 | | 1997-2006
 rifle | TRG-22; TRG 22; TRG22 | 308 | 1
 rifle | TRG-42; TRG 42; TRG42 | 338lm, 300wm | 1
 rifle | Quad; Sako Quad; Finnfire | 22lr | 1
 rifle | L61R; Finnbear | 3006, 270 | 1 | | 1961-1971
 rifle | M39; Sako M39; M/39 | 762x54r | 1 | DDDDDD@1 | 1939-1945
 rifle | A7; Sako A7 | 308 | 1 | | 2012-2023
@tikka FIN 6 | Tikka@10; Tikkakoski@3; Tikka Oy@1; Sako-Tikka@1 | DDDDDD@4; {}LDDDDDD@1
 mis: Tika; Tikkka
 rel: valmet; beretta
 rifle | T3; T3x; Tikka T3; T3 Lite; T3x Lite | 308, 3006, 65x55, 270, 243, 65cm | 6 | | 2003-2023
 rifle | T1x; T1; Tikka T1x | 22lr | 1 | | 2017-2023
 rifle | M595; Model 595; 595 | 223, 22lr | 1 | | 1987-1997
 rifle | M695; Model 695 | 3006 | 1 | | 1988-1997
 shotgun | 512S; Tikka 512S; 512; Valmet 412; 412S | 12ga | 1
@valmet FIN 2 | Valmet@10; Valmet Oy@3; Valtion Metallitehtaat@2 | DDDDDD@3; DDDDDDD@1
 rifle | M62; RK 62; Rk 62; Valmet M62 | 762x39 | 2 | | 1962-1994
 rifle | M76; Valmet M76; RK 76 | 762x39, 556 | 1 | | 1976-1986
 rifle | Hunter; Valmet Hunter | 308, 3006 | 1 | | 1986-1989
 shotgun | 412; Valmet 412; 412 KE | 12ga | 1
@husqvarna SWE 4 | Husqvarna@10; Husqvarna Vapenfabrik@4; Husqvarna Vapenfabriks AB@2; HVA@2 | DDDDDD@4; DDDDD@2
 rel: carlgustaf
 pistol | m/40; M40; Husqvarna m/40; Lahti m/40 | 9x19 | 2 | | 1940-1946
 rifle | m/96; M96; Swedish Mauser m/96 | 65x55 | 2 | | 1896-1925
 rifle | 1600; Husqvarna 1600; 1640; 1650 | 3006, 308, 270 | 2 | | 1954-1970
 rifle | Model 146; 1100; Husqvarna HVA | 3006, 65x55 | 1
@carlgustaf SWE 2 | Carl Gustaf@10; Carl Gustafs stads gevärsfaktori@3; Carl Gustafs Stads Gevarsfaktori@2; Bofors Carl Gustaf@1 | DDDDDD@4; DDDDD@1
 rifle | m/96; M96; m96; Swedish Mauser | 65x55 | 3 | | 1896-1932
 rifle | m/38; M38; m/38 short rifle | 65x55 | 1 | | 1938-1944
 submachine_gun | m/45; Carl Gustaf m/45; Kulsprutepistol m/45; Swedish K | 9x19 | 1 | | 1945-1964
 rifle | CG63; CG 63; m/63 | 65x55 | 1 | | 1963-1970
@kongsberg NOR 2 | Kongsberg@10; Kongsberg Våpenfabrikk@3; Kongsberg Vapenfabrikk@2; KV@1 | DDDDDD@3; DDDDD@1
 rel: colt
 rifle | Krag-Jørgensen; Krag; Krag-Jorgensen; M1894 Krag | 65x55 | 2 | | 1894-1945
 pistol | Colt M1914; M1914; Kongsberg Colt; M/1914 | 45acp | 1 | | 1917-1945
 rifle | Kongsberg Classic; Classic; Kongsberg 393 | 308, 3006 | 1
# ---- Canada ----
@longbranch CAN 2 | Long Branch@10; Small Arms Limited@4; Small Arms Ltd Long Branch@2; Canadian Arsenals@3 | DD{L}DDDD@3
 rifle | No. 4 Mk I*; No4 MkI*; Lee-Enfield No. 4; Long Branch No. 4 | 303 | 3 | | 1941-1955
 rifle | C1A1; C1; FN C1A1 | 762x51 | 1 | | 1955-1985
@inglis CAN 1 years=1944-1945 | John Inglis@10; Inglis@6; John Inglis & Co@3 | D{T}DDDD@2; D{CH}DDDD@1
 pistol | Hi-Power No. 2 Mk I; No. 2 Mk 1*; Inglis Hi-Power; Pistol No 2 Mk I* | 9x19 | 3
 machine_gun | Bren; Inglis Bren; Bren Mk I | 303 | 0.3 | DDDDD@1 | 1940-1945
@coltcanada CAN 1 | Colt Canada@10; Diemaco@6; Colt Canada Corporation@2 | {LE}DDDDDD@1; DDDDDDD@1
 rel: colt
 rifle | C7; C7A1; C7A2; Diemaco C7 | 556 | 2 | | 1984-2023
 rifle | C8; C8A3; C8 Carbine | 556 | 2 | | 1994-2023
# ---- Asia, Africa ----
@armscor PHL 5 | Armscor@10; Rock Island Armory@6; RIA@3; Arms Corporation of the Philippines@3; Armscor Precision International@1 | {RIA}DDDDDDD@3; {RIA}DDDDDD@2
 mis: Armscore; Rock Island Armoury
 pistol | M1911-A1 GI; 1911 GI; M1911A1 FS; RIA 1911; GI Standard | 45acp, 9x19, 38super | 5
 revolver | M206; Model 206; 206 | 38spl | 2
 revolver | M200; Model 200; M200P | 38spl | 2
 rifle | M1600; M1600R; Model 1600 | 22lr | 1
 shotgun | M30; M30 Riot; Model 30 | 12ga | 1
 shotgun | VR80; VR-80 | 12ga | 1 | | 2018-2023
 rifle | TM22; TM 22 | 22lr | 1
@vektor ZAF 3 | Vektor@10; Denel@5; Denel Land Systems@2; LIW@2; Lyttelton Engineering Works@2 | DDDDDD@2; DDDDDDD@2; LLDDDDD@1
 pistol | Z88; Vektor Z88; Z 88 | 9x19 | 3 | | 1988-1994
 pistol | SP1; Vektor SP1; SP 1 | 9x19 | 3 | | 1992-2005
 pistol | SP2; Vektor SP2 | 40sw | 1 | | 1992-2005
 pistol | CP1; Vektor CP1 | 9x19 | 1 | | 1996-2000
 rifle | R4; Vektor R4; R-4 | 556 | 2 | | 1980-2005
 rifle | R5; Vektor R5 | 556 | 1 | | 1980-2005
 machine_gun | SS-77; SS77 | 762x51 | 0.3 | | 1986-2005
 submachine_gun | BXP; Vektor BXP | 9x19 | 0.5 | | 1984-2000
@daewoo KOR 2 | Daewoo@10; Daewoo Precision Industries@3; S&T Motiv@4; S&T Daewoo@3; SNT Motiv@2 | DDDDDD@3; LLDDDDD@1; DDDDDDD@1
 pistol | DP51; DP-51; K5; DP51C | 9x19 | 3
 rifle | K2; Daewoo K2; K-2 | 556 | 2
 rifle | DR200; DR-200 | 223 | 1 | | 1994-1997
 rifle | K1; K1A; Daewoo K1A | 556 | 1
 shotgun | USAS-12; USAS 12 | 12ga | 0.5 | | 1989-1995
@howa JPN 3 | Howa@10; Howa Machinery@4; Howa Industries@2; Howa Machinery Ltd@1 | DDDDDDD@2; {B}DDDDDD@2; {J}DDDDDD@1
 imp: Legacy Sports; Legacy Sports International; Weatherby
 rifle | Howa 1500; 1500; M1500; Hunter 1500 | 308, 3006, 223, 270, 65cm | 4
 rifle | Vanguard; Weatherby Vanguard; Vanguard S2 | 308, 270, 3006, 300wm | 3
 rifle | Type 64; Howa Type 64 | 762x51 | 0.3 | | 1964-1990
 rifle | Type 89; Howa Type 89 | 556 | 0.3 | | 1989-2020
 rifle | M1500 Mini Action; Mini Action | 223, 762x39 | 1 | | 2014-2023
@miroku JPN 2 | Miroku@10; B.C. Miroku@4; Miroku Corporation@2 | DDDDDDD@2; DDDDDLLDDD@2
 imp: Browning; Winchester; Charles Daly; Browning Arms
 shotgun | MK38; Miroku MK38; MK 38 | 12ga | 2
 shotgun | MK60; MK 60 | 12ga, 20ga | 1
 shotgun | MK70; MK 70 | 12ga | 1
@arisaka JPN 3 batch=.25 reuse=.01 years=1906-1945 | Arisaka@6; Kokura Arsenal@4; Nagoya Arsenal@4; Tokyo Arsenal@2; Toyo Kogyo@2; Koishikawa Arsenal@1; Jinsen Arsenal@1 | DDDDDD@3; DDDDD@2; DDDD@1
 mis: Arisaca; Arisake
 rifle | Type 99; Arisaka Type 99; Type 99 Arisaka; T99 | 77jap | 4 | | 1939-1945
 rifle | Type 38; Arisaka Type 38; T38; Type 38 Carbine | 65jap | 3 | | 1906-1945
 pistol | Type 14; Nambu; Nambu Type 14; Taisho 14; T14 | 8nambu | 2 | DDDDD@3; DDDD@2 | 1926-1945
 pistol | Type 94; Nambu Type 94; T94 | 8nambu | 1 | DDDDD@2; DDDD@1 | 1935-1945
 submachine_gun | Type 100; Type 100 SMG | 8nambu | 0.2 | DDDD@1 | 1942-1945
@ofb IND 1 | Ordnance Factory Board@6; OFB@5; Indian Ordnance Factories@3; Rifle Factory Ishapore@3; RFI@2 | DDDDDD@2; {}LDDDDD@2; DDDDD@1
 rifle | INSAS; INSAS 1B1; Insas rifle | 556 | 1 | | 1997-2020
 rifle | Ishapore 2A1; 2A1; Rifle 7.62mm 2A1; Ishapore 2A | 762x51 | 2 | | 1963-1975
 rifle | SMLE; No. 1 Mk III*; Ishapore SMLE; Lee-Enfield | 303 | 2 | | 1907-1964
 rifle | 1A1 SLR; 1A1; Indian SLR | 762x51 | 1 | | 1960-1995
 pistol | Pistol Auto 9mm 1A; 1A; Auto 9mm 1A | 9x19 | 1
 revolver | IOF .32; Nirbheek; IOF 32 revolver | 32lng | 2
@pof PAK 2 | POF@10; Pakistan Ordnance Factories@5; Pakistan Ordnance Factory@2; P.O.F.@1 | DDDDDD@3; LLDDDDD@1
 rifle | G3P4; G3 P4; G3A3 POF; G3 | 762x51 | 3
 submachine_gun | MP5 POF; MP5A2; MP5 | 9x19 | 1
 pistol | PK-9; POF PK-9 | 9x19 | 1 | | 2010-2023
 machine_gun | MG1A3; MG3; MG1A3P | 762x51 | 0.3
@maadi EGY 2 | Maadi@10; Maadi Company@3; Factory 54@2; Maadi Company for Engineering Industries@1 | DDDDDD@3; {}LDDDDD@1
 imp: Sentry Arms; Steyr Arms
 rifle | Misr; Maadi AKM; Maadi ARM; ARM; MISR | 762x39 | 4 | | 1960-2000
 rifle | Rashid; Maadi Rashid | 762x39 | 1 | | 1960-1970
 rifle | Hakim; Maadi Hakim | 8mauser | 1 | | 1954-1961
 pistol | Helwan; Helwan 920; Brigadier Helwan | 9x19 | 2 | | 1960-2000
"""

if __name__ == "__main__":
    main()
