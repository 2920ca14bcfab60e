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
About 135 real makers (US, Brazilian, Argentine, Austrian, German, Swiss, Belgian, Czech, Slovak,
Balkan, Hungarian, Polish, Soviet/Russian, Ukrainian, Chinese, Israeli, Turkish, Italian, Spanish,
French, British, Nordic, Canadian, Asian and African), each with the names registers give it
(aliases, some in Cyrillic for Cyrillic-writing countries), real models (with the ways their names
get written), calibres, and serial styles of the maker and era: Glock letter+digit serials,
Ruger NNN-NNNNN, S&W letter prefixes, Soviet Cyrillic serials ("ВС 1234"), wartime German serials
with a lower-case block letter ("4711a"), Zastava/Norinco pure digits, Turkish maker codes
("T6472-19 AB12345"), short Kel-Tec and Nambu serials, leading zeros ("K087532", "0012-34567").
A serial format is a string of tokens: D digit, N digit 1-9, L letter without I/O/Q, A any letter,
l lower-case letter, K Cyrillic letter, Y two-digit year of manufacture, {..} literal text.

A *firearm* (a truth group) is one physical weapon: maker family, model, marked serial. It has
one record (about 95%), or two or three when it was reported again, by another country or
another agency, with its make, model and calibre written differently and its Cyrillic serial
perhaps keyed in Latin. Firearms of one maker family never share a serial, compared loosely
(upper case, separators dropped, Cyrillic/Greek look-alikes folded to Latin, O/Q->0, I->1,
leading zeros dropped, every transliteration of a Cyrillic serial), with one exception kept on
purpose: Ruger and the Japanese arsenals re-used serials across models (about 1%). Firearms of
different makers do share serials (pure-digit serials collide by chance, as in real life).
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
Deviation on purpose: a Cyrillic serial checked in a country that does not write Cyrillic always
gets one of the two Cyrillic kinds (an officer there cannot key Cyrillic).

  exact              nothing changed
  case_separators    lower case; separators (space - . /) added, removed or swapped
  ocr                1-2 of O/0/Q/D, I/1/L, S/5, B/8, Z/2, G/6, U/V
  rare_confusion     1 of A/4, T/7, E/F, C/G, 3/8, and (my additions, handwriting) 1/7, 4/9, 5/6,
                     M/N, P/R, K/X
  cyrillic_visual    Cyrillic keyed by shape (В->B, Н->H, Р->P, С->C, Х->X, У->Y ...; letters with
                     no Latin twin by sound, or by shape З->3, Б->6, Ч->4, И->N, Я->R); or a Latin
                     serial keyed with Greek capitals (in Greece/Cyprus) or Cyrillic look-alikes
                     (in a Cyrillic-writing country)
  cyrillic_translit  by sound: BGN/PCGN, ISO 9 without and with diacritics, German (В->W, Ж->SCH,
                     Ч->TSCH), French (Ш->CH, Ж->J, У->OU), Bulgarian (Щ->SHT); chosen by country
  typo1 / typo2      one / two slips: QWERTY or numeric-keypad neighbour, transposition,
                     doubled or dropped character
  leading_zeros      padding zeros added or dropped, at the start or after a letter prefix
  embedded_letter    a letter between digits dropped or added (369J257 vs 369257, as NCIC ignores)
  obliterated_one    1-2 characters replaced by "?"
  obliterated_star   the start or the end lost, written with "*" ("AB12*", "*4471"); at least
                     half the characters, and 3, are kept
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
 several firearms by nature. Same-family re-used serials (Ruger, Japanese arsenals) stay ambiguous
 when the model is missing.

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
        elif c in SEPS:
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

    @property
    def primary(self):
        return max((a for a in self.aliases if not a[2]), key=lambda a: a[1])[0]


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
            if r < 0.35:
                s = visual_latin(s)
            elif r < 0.50:
                s = translit(s, pick_scheme(rng, country))
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
    if has_cyr(s):
        out = []
        for c in s:
            u = c.upper()
            if u in CYR_TWINS:
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
        self.cyr = [f for f in self.all if any(has_cyr(recs[r][SERIAL]) for r in fas[f].recs)]
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

    def choose_kinds(self, elig, force_cyr):
        rng = self.rng
        if not force_cyr and rng.random() < P_EXACT:
            return ["exact"]
        k = wchoice(rng, ((1, 45), (2, 35), (3, 20)))
        chosen = []
        if force_cyr:
            chosen.append(wchoice(rng, [(x, elig[x]) for x in ("cyrillic_visual", "cyrillic_translit")]))
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
            force_cyr = has_cyr(base["serial"]) and country not in CYR_COUNTRIES
            for _ in range(6):
                kinds = self.choose_kinds(elig, force_cyr)
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
            if self.collides(serial_keys(s), fa, "make_missing" in kinds, extra):
                return None
        if "serial_label" in kinds:
            s = n_serial_label(rng, s, country)
        q["serial"] = s
        return q

    def collides(self, keys, fa, cross_family, extra_fams):
        reg = self.reg
        for k in keys:
            for f in reg.key_index.get(k, ()):
                g = reg.firearms[f]
                if g is fa or (g.fam == fa.fam and g.base == fa.base):
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
        elif rec is not None and rec[MAKE] and rng.random() < 0.7:
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
        r = rng.random()
        if r < 0.10:
            ctext = ""
        elif r < 0.70 and rec is not None and rec[CAL] and rec[CAL] != cal.lossy:
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
            s = rec[SERIAL]
            digits = [i for i, c in enumerate(s) if c.isdigit()]
            if len(digits) < 2:
                continue
            near = digits[-4:]
            pos = rng.sample(near, rng.choice((2, 3)) if len(near) >= 3 else 2)
            chars = list(s)
            for i in pos:
                chars[i] = rng.choice([d for d in DIGITS if d != chars[i]])
            t = "".join(chars)
            country = rec[COUNTRY] if rng.random() < 0.4 else reg.any_country()
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
            if fams is None or fa.fam in fams or self.clash(serial_keys(rec[SERIAL]), fams):
                continue
            return dict(make=make, model=mtext, serial=self.cosmetic(rec[SERIAL], country),
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
            reg.render_serial(marking, country), country

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
                s = perturb_tail(rng, rec[SERIAL], 1) if rng.random() < 0.5 else rec[SERIAL]
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

CATALOGUE = r"""
"""

if __name__ == "__main__":
    main()
