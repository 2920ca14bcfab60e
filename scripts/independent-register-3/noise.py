"""Noise processes on serials and text fields, plus normalisation keys.

All serial noise functions take (rng, s) and return a new string, or None when
the process cannot apply to that serial.
"""
import unicodedata

# ------------------------------------------------------------ scripts
# Cyrillic letter -> what an officer keys when copying by SHAPE on a Latin keyboard
CYR_VISUAL = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "Б": "6", "Г": "R", "Д": "D", "Ж": "X",
    "З": "3", "И": "N", "Й": "N", "Л": "JI", "П": "N", "Ф": "O", "Ц": "U", "Ч": "4",
    "Ш": "W", "Щ": "W", "Э": "3", "Ю": "IO", "Я": "R", "Ы": "bI", "І": "I", "Ї": "I", "Є": "E",
}
# alternative shape readings for non-look-alike letters
CYR_VISUAL_ALT = {"Б": "B", "Г": "L", "Д": "A", "Ж": "K", "И": "U", "Л": "N", "П": "II",
                  "Ш": "III", "Я": "9", "Э": "E", "Ч": "Y", "Ф": "F"}

# BGN/PCGN romanisation
BGN = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ж": "ZH", "З": "Z",
       "И": "I", "Й": "Y", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P",
       "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH",
       "Ш": "SH", "Щ": "SHCH", "Ы": "Y", "Э": "E", "Ю": "YU", "Я": "YA", "І": "I", "Ї": "YI", "Є": "YE"}
# ISO 9 with diacritics (one letter per letter)
ISO9 = dict(BGN, **{"Ж": "Ž", "Й": "J", "Х": "H", "Ц": "C", "Ч": "Č", "Ш": "Š", "Щ": "Ŝ",
                     "Э": "È", "Ю": "Û", "Я": "Â", "Ы": "Y", "Ї": "Ï", "Є": "Ê"})
# ISO 9 / GOST 7.79 system B style, ASCII (Х->H variant kept per ISO 9 habit)
ISO9_ASCII = dict(BGN, **{"Ж": "ZH", "Й": "J", "Х": "H", "Ц": "C", "Ч": "CH", "Ш": "SH",
                           "Щ": "SHH", "Ю": "JU", "Я": "JA", "Э": "E"})
# German-style (as keyed by a German-speaking officer)
GERMAN = dict(BGN, **{"В": "W", "Ж": "SCH", "З": "S", "Й": "J", "Х": "CH", "Ц": "Z",
                       "Ч": "TSCH", "Ш": "SCH", "Щ": "SCHTSCH", "Ю": "JU", "Я": "JA"})
TRANSLIT = {"bgn": BGN, "iso9": ISO9, "iso9_ascii": ISO9_ASCII, "german": GERMAN}
TRANSLIT_WEIGHTS = {"bgn": 5, "iso9": 2, "iso9_ascii": 2, "german": 1}

# Latin capital -> homoglyphs (Cyrillic, Greek)
LAT_CYR = {"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М",
           "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "I": "І"}
LAT_GRK = {"A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ",
           "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ"}
# fold anything non-Latin to a Latin look-alike (for keys)
FOLD_VIS = {}
for _c, _l in CYR_VISUAL.items():
    FOLD_VIS[_c] = _l.upper()
for _l, _c in LAT_CYR.items():
    FOLD_VIS[_c] = _l
for _l, _g in LAT_GRK.items():
    FOLD_VIS[_g] = _l
FOLD_VIS_T = str.maketrans(FOLD_VIS)
FOLD_BGN_T = str.maketrans(BGN)

# ------------------------------------------------------------ OCR / reading
OCR_CLASSES = ["O0QD", "I1L", "S5", "B8", "Z2", "G6", "UV"]
RARE_PAIRS = ["A4", "T7", "EF", "CG", "38", "17", "MN", "PR", "KX", "HN", "69", "0C"]
OCR_FOLD = {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "B": "8",
            "Z": "2", "G": "6", "U": "V"}
OCR_FOLD_T = str.maketrans(OCR_FOLD)
OCR_ALT = {}
for cls in OCR_CLASSES:
    for ch in cls:
        OCR_ALT.setdefault(ch, []).extend(x for x in cls if x != ch)
RARE_ALT = {}
for a, b in RARE_PAIRS:
    RARE_ALT.setdefault(a, []).append(b)
    RARE_ALT.setdefault(b, []).append(a)

# ------------------------------------------------------------ keyboards
_ROWS = ["1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"]
KEY_NEIGH = {}
for r, row in enumerate(_ROWS):
    for i, ch in enumerate(row):
        n = set()
        for j in (i - 1, i + 1):
            if 0 <= j < len(row):
                n.add(row[j])
        if r > 0:
            for j in (i, i + 1):
                if j < len(_ROWS[r - 1]):
                    n.add(_ROWS[r - 1][j])
        if r + 1 < len(_ROWS):
            for j in (i - 1, i):
                if 0 <= j < len(_ROWS[r + 1]):
                    n.add(_ROWS[r + 1][j])
        KEY_NEIGH[ch] = sorted(n)
_PAD = {"7": (0, 0), "8": (0, 1), "9": (0, 2), "4": (1, 0), "5": (1, 1), "6": (1, 2),
        "1": (2, 0), "2": (2, 1), "3": (2, 2), "0": (3, 0)}
PAD_NEIGH = {}
for d, (r, c) in _PAD.items():
    PAD_NEIGH[d] = sorted(e for e, (r2, c2) in _PAD.items()
                          if e != d and abs(r - r2) <= 1 and abs(c - c2) <= 1 and (r == r2 or c == c2))

SEPS = ["-", " ", "/", ".", " - "]


# ------------------------------------------------------------ keys
def norm(s):
    """Upper-case, separators removed (keeps letters of any script and digits)."""
    return "".join(ch for ch in s.upper() if ch.isalnum())


def norm_pattern(s):
    return "".join(ch for ch in s.upper() if ch.isalnum() or ch in "?*")


def deaccent(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def vis_key(s):
    """Strong key: normalise, fold Cyrillic/Greek to Latin shape, OCR-fold."""
    return deaccent(norm(s).translate(FOLD_VIS_T)).upper().translate(OCR_FOLD_T)


def bgn_key(s):
    n = norm(s)
    if not any("\u0400" <= c <= "\u04ff" for c in n):
        return None
    return deaccent(n.translate(FOLD_BGN_T)).upper().translate(OCR_FOLD_T)


def ncic_key(k):
    """Drop letters that have a digit somewhere before and after (NCIC rule)."""
    first = next((i for i, c in enumerate(k) if c.isdigit()), None)
    if first is None:
        return k
    last = max(i for i, c in enumerate(k) if c.isdigit())
    return k[:first] + "".join(c for c in k[first:last + 1] if c.isdigit()) + k[last + 1:]


def keys_of(s):
    out = {vis_key(s)}
    b = bgn_key(s)
    if b:
        out.add(b)
    out |= {ncic_key(k) for k in list(out)}
    return out


def osa(a, b):
    la, lb = len(a), len(b)
    d = [[0] * (lb + 1) for _ in range(la + 1)]
    for i in range(la + 1):
        d[i][0] = i
    for j in range(lb + 1):
        d[0][j] = j
    for i in range(1, la + 1):
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[la][lb]


# ------------------------------------------------------------ helpers
def _alnum_pos(s):
    return [i for i, c in enumerate(s) if c.isalnum()]


def is_cyrillic(s):
    return any("\u0400" <= c <= "\u04ff" for c in s)


# ------------------------------------------------------------ serial noise
def case_separators(rng, s):
    for _ in range(10):
        t = s
        r = rng.random()
        if r < 0.3 and any(c.isalpha() for c in t):
            t = t.lower() if rng.random() < 0.7 else "".join(
                c.lower() if rng.random() < 0.5 else c for c in t)
        if r >= 0.2:
            if any(not c.isalnum() for c in t) and rng.random() < 0.5:
                t = "".join(c for c in t if c.isalnum())
            else:
                pos = _alnum_pos(t)
                if len(pos) >= 2:
                    for _k in range(rng.choice([1, 1, 2])):
                        i = rng.choice(pos[1:])
                        t = t[:i] + rng.choice(SEPS) + t[i:]
                        pos = _alnum_pos(t)
            if rng.random() < 0.1:
                t = " " + t if rng.random() < 0.5 else t + "."
        if t != s and norm(t) == norm(s):
            return t
    return None


def ocr(rng, s):
    pos = [i for i in _alnum_pos(s) if s[i].upper() in OCR_ALT]
    if not pos:
        return None
    n = 1 if rng.random() < 0.75 or len(pos) < 2 else 2
    t = list(s)
    for i in rng.sample(pos, n):
        t[i] = rng.choice(OCR_ALT[s[i].upper()])
    return "".join(t)


def rare_confusion(rng, s):
    pos = [i for i in _alnum_pos(s) if s[i].upper() in RARE_ALT]
    if not pos:
        return None
    t = list(s)
    i = rng.choice(pos)
    t[i] = rng.choice(RARE_ALT[s[i].upper()])
    return "".join(t)


def cyr_to_visual(rng, s):
    out = []
    for c in s:
        if c in CYR_VISUAL:
            if c in CYR_VISUAL_ALT and rng.random() < 0.35:
                out.append(CYR_VISUAL_ALT[c])
            else:
                out.append(CYR_VISUAL[c])
        else:
            out.append(c)
    return "".join(out)


def cyr_translit(rng, s, scheme=None):
    if scheme is None:
        names = list(TRANSLIT_WEIGHTS)
        scheme = rng.choices(names, [TRANSLIT_WEIGHTS[n] for n in names])[0]
    table = TRANSLIT[scheme]
    return "".join(table.get(c, c) for c in s), scheme


def latin_homoglyphs(rng, s):
    """Latin serial keyed partly/fully with Cyrillic or Greek look-alikes."""
    table = LAT_CYR if rng.random() < 0.7 else LAT_GRK
    pos = [i for i, c in enumerate(s) if c.upper() in table]
    if not pos:
        return None
    if rng.random() < 0.5:
        chosen = pos
    else:
        chosen = rng.sample(pos, rng.randint(1, len(pos)))
    t = list(s)
    for i in chosen:
        t[i] = table[s[i].upper()]
    return "".join(t)


def _typo_once(rng, t):
    pos = _alnum_pos(t)
    if not pos:
        return t
    kind = rng.choices(["sub", "transpose", "double", "drop", "insert"], [45, 20, 12, 13, 10])[0]
    i = rng.choice(pos)
    c = t[i].upper()
    if kind == "sub":
        neigh = PAD_NEIGH.get(c) if c.isdigit() and rng.random() < 0.5 else KEY_NEIGH.get(c)
        if not neigh:
            kind = "transpose"
        else:
            return t[:i] + rng.choice(neigh) + t[i + 1:]
    if kind == "transpose":
        k = pos.index(i)
        if k + 1 >= len(pos):
            if k == 0:
                return t
            i, j = pos[k - 1], i
        else:
            j = pos[k + 1]
        lst = list(t)
        lst[i], lst[j] = lst[j], lst[i]
        return "".join(lst)
    if kind == "double":
        return t[:i] + t[i] + t[i:]
    if kind == "drop":
        return t[:i] + t[i + 1:]
    neigh = KEY_NEIGH.get(c) or ["0"]
    ins = rng.choice(neigh)
    return t[:i] + ins + t[i:] if rng.random() < 0.5 else t[:i + 1] + ins + t[i + 1:]


def typo(rng, s, k):
    """k keyboard edits; verified to be exactly k OSA edits after norm()."""
    base = norm(s)
    if len(base) < 3:
        return None
    for _ in range(30):
        t = s
        for _e in range(k):
            t = _typo_once(rng, t)
        if osa(norm(t), base) == k:
            return t
    return None


def leading_zeros(rng, s):
    """Drop or add leading zeros of the first digit run (the number proper)."""
    pos = _alnum_pos(s)
    start = next((i for i in pos if s[i].isdigit()), None)
    if start is None:
        return None
    end = start
    while end < len(s) and s[end].isdigit():
        end += 1
    run = s[start:end]
    if run.startswith("0") and len(run) > 1 and rng.random() < 0.75:
        stripped = run.lstrip("0") or "0"
        if rng.random() < 0.5 and len(run) - len(stripped) > 1:
            stripped = run[1:]
        return s[:start] + stripped + s[end:]
    return s[:start] + "0" * rng.choice([1, 1, 2]) + run + s[end:]


def obliterated_one(rng, s):
    pos = _alnum_pos(s)
    if len(pos) < 5:
        return None
    n = 1 if rng.random() < 0.75 else 2
    t = list(s)
    for i in rng.sample(pos, n):
        t[i] = "?"
    return "".join(t)


def obliterated_star(rng, s):
    pos = _alnum_pos(s)
    if len(pos) < 6:
        return None
    maxrun = min(4, len(pos) - 4)
    run = rng.randint(1, maxrun)
    where = rng.random()
    if where < 0.35:
        k0 = 0
    elif where < 0.7:
        k0 = len(pos) - run
    else:
        k0 = rng.randint(1, len(pos) - run - 1)
    a, b = pos[k0], pos[k0 + run - 1]
    return s[:a] + "*" + s[b + 1:]


def embedded_letter(rng, s):
    """Insert a stray letter between two digits (scratch / stamp read as letter)."""
    cands = [i for i in range(1, len(s)) if s[i - 1].isdigit() and s[i].isdigit()]
    if not cands:
        return None
    i = rng.choice(cands)
    return s[:i] + rng.choice("ABCEFHJKMNPRTWXY") + s[i:]


# ------------------------------------------------------------ text noise
def misspell_generated(rng, name):
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if len(letters) < 3:
        return name + name[-1]
    kind = rng.choice(["drop", "double", "swap", "sub"])
    i = rng.choice(letters[1:])
    if kind == "drop":
        return name[:i] + name[i + 1:]
    if kind == "double":
        return name[:i] + name[i] + name[i:]
    if kind == "swap" and i + 1 < len(name):
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    neigh = KEY_NEIGH.get(name[i].upper())
    if not neigh:
        return name[:i] + name[i + 1:]
    ch = rng.choice([n for n in neigh if n.isalpha()] or neigh)
    return name[:i] + (ch.lower() if name[i].islower() else ch) + name[i + 1:]


def fold_text(s):
    return "".join(c for c in deaccent(s).lower() if c.isalnum())
