"""Catalogue: parsed makers / models / calibres and serial-format filling."""
import re

from calibres import CALIBRES, TYPES, REPORTING, STATUSES
from makers_a import MAKERS_A
from makers_b import MAKERS_B

# Cyrillic capitals used in Soviet/Russian/Bulgarian/Ukrainian serial markings.
# Letters with a Latin look-alike are more frequent on real markings' scans we
# care about, but the others (Б Г Д Ж Л П Ф Ц Ч Ш Ю Я) make transliteration vary.
CYR_SERIAL = ("А" * 4 + "В" * 3 + "Е" * 3 + "К" * 3 + "М" * 3 + "Н" * 3 + "Р" * 3 +
              "С" * 3 + "Т" * 3 + "У" * 2 + "Х" * 2 + "Б" * 2 + "Г" * 2 + "Д" * 2 +
              "Ж" + "И" * 2 + "Л" * 2 + "П" * 2 + "Ф" + "Ц" + "Ч" + "Ш" + "Э" + "Ю" + "Я")
# Latin letters on serials: I, O, Q rarer (many makers avoid them)
LATIN_SERIAL = "ABCDEFGHJKLMNPRSTUVWXYZ" * 3 + "IOQ"


class Model:
    __slots__ = ("idx", "name", "variants", "type", "cals", "weight")

    def __init__(self, idx, spec):
        parts = spec.split(";")
        self.idx = idx
        self.name = parts[0]
        self.variants = [v for v in parts[1].split("|") if v and v != parts[0]]
        self.type = parts[2]
        self.cals = parts[3].split(",")
        self.weight = float(parts[4]) if len(parts) > 4 else 1.0
        for c in self.cals:
            assert c in CALIBRES, (spec, c)


def fmt_shape(fmt):
    """Shape of a format: letters -> A, digits -> 9, separators dropped."""
    out = []
    for t in re.findall(r"yy|.", fmt, re.S):
        if t == "yy":
            out.append("99")
        elif t in "#":
            out.append("9")
        elif t in "@~" or t.isalpha():
            out.append("A")
        elif t.isdigit():
            out.append("9")
    return "".join(out)


def shape_of(serial):
    return "".join("9" if c.isdigit() else "A" for c in serial if c.isalnum())


class Maker:
    __slots__ = ("idx", "name", "country", "weight", "aliases", "misspell",
                 "formats", "fweights", "models", "mweights", "cyrillic", "digit_only", "shapes")

    def __init__(self, idx, t):
        name, country, weight, aliases, miss, formats, models = t
        self.idx = idx
        self.name = name
        self.country = country
        self.weight = float(weight)
        self.aliases = [a for a in aliases.split("|") if a and a != name]
        self.misspell = [m for m in miss.split("|") if m and m != name]
        self.formats, self.fweights = [], []
        for f in formats.split("|"):
            fmt, w = f.rsplit(":", 1)
            self.formats.append(fmt)
            self.fweights.append(float(w))
        self.models = [Model(i, s) for i, s in enumerate(models)]
        self.mweights = [m.weight for m in self.models]
        self.cyrillic = any("%" in f for f in self.formats)
        self.digit_only = [f for f in self.formats if set(f) <= set("#")]
        self.shapes = {fmt_shape(f) for f in self.formats if "%" not in f}


MAKERS = [Maker(i, t) for i, t in enumerate(MAKERS_A + MAKERS_B)]
MAKER_WEIGHTS = [m.weight for m in MAKERS]
REPORTING_CODES = [c for c, _ in REPORTING]
REPORTING_WEIGHTS = [w for _, w in REPORTING]
STATUS_CODES = [s for s, _ in STATUSES]
STATUS_WEIGHTS = [w for _, w in STATUSES]


def make_spelling(rng, maker):
    """How a register clerk writes the make (register-side variation)."""
    r = rng.random()
    if r < 0.66:
        return maker.name
    if r < 0.88 and maker.aliases:
        return rng.choice(maker.aliases)
    if r < 0.92:
        return maker.name.upper()
    if r < 0.95 and maker.misspell:
        return rng.choice(maker.misspell)
    if r < 0.985:
        return maker.name
    return ""


def model_spelling(rng, model):
    r = rng.random()
    if r < 0.6 or not model.variants:
        return model.name if r < 0.97 else ""
    if r < 0.96:
        return rng.choice(model.variants)
    return ""


def calibre_spelling(rng, cal_key):
    r = rng.random()
    syn = CALIBRES[cal_key]
    if r < 0.62:
        return syn[0]
    if r < 0.9:
        return rng.choice(syn[1:])
    return ""


def calibre_key_of(spelling):
    for k, syn in CALIBRES.items():
        if spelling in syn:
            return k
    return None


# ---------------------------------------------------------------- serials
_TOKEN = re.compile(r"yy|#+|[@%~]|.", re.S)


def parse_format(fmt):
    toks = _TOKEN.findall(fmt)
    last = max(i for i, t in enumerate(toks) if t.startswith("#"))
    return toks, last


_FMT_CACHE = {}


def new_batch(rng, fmt):
    """Fill the fixed part of a format for one production batch.
    Returns (prefix, width, suffix, start_counter)."""
    if fmt not in _FMT_CACHE:
        _FMT_CACHE[fmt] = parse_format(fmt)
    toks, last = _FMT_CACHE[fmt]
    out = []
    for t in toks:
        if t == "@":
            out.append(rng.choice(LATIN_SERIAL))
        elif t == "%":
            out.append(rng.choice(CYR_SERIAL))
        elif t == "~":
            out.append(rng.choice("abcdefghk"))
        elif t == "yy":
            out.append("%02d" % (rng.choice(list(range(60, 100)) + list(range(0, 24))) % 100))
        elif t.startswith("#"):
            out.append("".join(rng.choice("0123456789") for _ in t))
        else:
            out.append(t)
    width = len(toks[last])
    prefix = "".join(out[:last])
    suffix = "".join(out[last + 1:])
    # production counters cluster low for small widths, anywhere for large
    start = rng.randrange(10 ** width)
    return prefix, width, suffix, start


def serial_of(prefix, width, suffix, counter):
    return prefix + str(counter).zfill(width) + suffix


def random_serial(rng, maker):
    fmt = rng.choices(maker.formats, maker.fweights)[0]
    p, w, s, c = new_batch(rng, fmt)
    return serial_of(p, w, s, c)
