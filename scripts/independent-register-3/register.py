"""Build the register: firearms in production batches, 1-2 records each,
streamed to records.csv while keeping light-weight indices for verification."""
import csv
import datetime
from array import array

import catalogue as C
import noise as N

SEP_INSERT = ["-", " ", " ", "/"]


class Firearm:
    __slots__ = ("fid", "maker", "model", "cal", "marking", "records")

    def __init__(self, fid, maker, model, cal, marking):
        self.fid = fid
        self.maker = maker
        self.model = model
        self.cal = cal
        self.marking = marking
        self.records = []   # list of dicts


class Register:
    def __init__(self, rng, n_records, reservoir=40000, cyr_reservoir=8000):
        self.rng = rng
        self.n_records = n_records
        self.f_make = array("H")
        self.index = {}                 # key -> fid | [fid,...]   (all makes)
        self.lines = [[] for _ in C.MAKERS]   # per make "key\tfid"
        self.texts = None
        self.res, self.res_n = [], 0
        self.cres, self.cres_n = [], 0
        self.res_size, self.cres_size = reservoir, cyr_reservoir
        self.digit_pool = []
        self.id_counter = {}
        self.n_written = 0
        self.n_dup = 0
        self.n_cross = 0
        self.all_keys_n = 0

    # ----------------------------------------------------------- index
    def idx_add(self, key, fid):
        v = self.index.get(key)
        if v is None:
            self.index[key] = fid
        elif isinstance(v, int):
            if v != fid:
                self.index[key] = [v, fid]
        elif fid not in v:
            v.append(fid)

    def idx_get(self, key):
        v = self.index.get(key)
        if v is None:
            return ()
        if isinstance(v, int):
            return (v,)
        return v

    def collides(self, serial, make_idx=None, exclude=-1):
        """True if any key of serial matches a registered firearm (of make_idx,
        or of any make when make_idx is None) other than `exclude`."""
        for k in N.keys_of(serial):
            for f in self.idx_get(k):
                if f != exclude and (make_idx is None or self.f_make[f] == make_idx):
                    return True
        return False

    def wildcard_matches(self, pattern, make_idx=None):
        import re
        parts = []
        for ch in N.norm_pattern(pattern):
            if ch == "?":
                parts.append("[^\t\n]")
            elif ch == "*":
                parts.append("[^\t\n]*")
            else:
                parts.append(re.escape(N.vis_key(ch)))
        rx = re.compile("^" + "".join(parts) + "\t(\\d+)$", re.M)
        makes = range(len(C.MAKERS)) if make_idx is None else [make_idx]
        out = set()
        for m in makes:
            for mo in rx.finditer(self.texts[m]):
                out.add(int(mo.group(1)))
        return out

    # ----------------------------------------------------------- ids, dates
    def new_id(self, country, year):
        k = (country, year)
        n = self.id_counter.get(k, 0) + 1
        self.id_counter[k] = n
        return "%s-%d-%07d" % (country, year, n)

    def random_date(self):
        d0 = datetime.date(1995, 1, 1).toordinal()
        d1 = datetime.date(2024, 12, 31).toordinal()
        # more recent years are more frequent
        x = self.rng.random() ** 0.7
        return datetime.date.fromordinal(d0 + int(x * (d1 - d0)))

    # ----------------------------------------------------------- serial storage
    def stored_form(self, marking):
        """How a clerk stored the serial. Returns (string, form)."""
        rng = self.rng
        form = "lat"
        s = marking
        if N.is_cyrillic(marking):
            r = rng.random()
            if r < 0.55:
                form = "cyr"
            elif r < 0.8:
                form = "vis"
                s = N.cyr_to_visual(rng, marking)
            else:
                form = "tr"
                s = N.cyr_translit(rng, marking, "bgn")[0]
        r = rng.random()
        if any(not c.isalnum() for c in s):
            if r < 0.25:
                s = "".join(c for c in s if c.isalnum())
        elif r < 0.04 and len(s) > 4:
            i = rng.randint(2, len(s) - 2)
            s = s[:i] + rng.choice(SEP_INSERT) + s[i:]
        if rng.random() < 0.03:
            s = s.lower()
        return s, form

    # ----------------------------------------------------------- build
    def build(self, path):
        rng = self.rng
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["record_id", "make", "model", "serial", "calibre", "type",
                        "country", "status", "reported_on"])
            while self.n_written < self.n_records:
                self._batch(w)
        self.texts = ["\n".join(ls) + "\n" for ls in self.lines]
        self.lines = None

    def _batch(self, w):
        rng = self.rng
        maker = rng.choices(C.MAKERS, C.MAKER_WEIGHTS)[0]
        model = rng.choices(maker.models, maker.mweights)[0]
        fmt = rng.choices(maker.formats, maker.fweights)[0]
        prefix, width, suffix, counter = C.new_batch(rng, fmt)
        r = rng.random()
        if r < 0.55:
            size = 1
        elif r < 0.8:
            size = rng.randint(2, 5)
        elif r < 0.95:
            size = rng.randint(6, 20)
        else:
            size = rng.randint(21, 60)
        shared = size > 1 and rng.random() < 0.6   # a stolen shipment
        country = rng.choices(C.REPORTING_CODES, C.REPORTING_WEIGHTS)[0]
        date = self.random_date()
        status = rng.choices(C.STATUS_CODES, C.STATUS_WEIGHTS)[0]
        digit_fmt = set(fmt) <= set("#")
        cal = rng.choice(model.cals)   # one calibre per production batch
        for _ in range(size):
            if self.n_written >= self.n_records or counter >= 10 ** width:
                return
            serial = C.serial_of(prefix, width, suffix, counter)
            counter += 1 if rng.random() < 0.75 else rng.randint(2, 40)
            if digit_fmt and self.digit_pool and rng.random() < 0.02:
                s2, m2 = rng.choice(self.digit_pool)
                if m2 != maker.idx:
                    serial = s2
                    self.n_cross += 1
            if self.collides(serial, maker.idx):
                continue
            if digit_fmt and len(serial) <= 6:
                if len(self.digit_pool) < 50000:
                    self.digit_pool.append((serial, maker.idx))
                else:
                    self.digit_pool[rng.randrange(50000)] = (serial, maker.idx)
            self._firearm(w, maker, model, cal, serial,
                          (country, date, status) if shared else None)

    def _firearm(self, w, maker, model, cal, marking, shared):
        rng = self.rng
        fid = len(self.f_make)
        self.f_make.append(maker.idx)
        fa = Firearm(fid, maker, model, cal, marking)
        nrec = 2 if rng.random() < 0.012 else 1
        if nrec == 2:
            self.n_dup += 1
        keys = set()
        keys.add(N.vis_key(marking))
        b = N.bgn_key(marking)
        if b:
            keys.add(b)
        used_countries = set()
        for i in range(nrec):
            if shared and i == 0:
                country, date, status = shared
            else:
                country = rng.choices(C.REPORTING_CODES, C.REPORTING_WEIGHTS)[0]
                while country in used_countries:
                    country = rng.choices(C.REPORTING_CODES, C.REPORTING_WEIGHTS)[0]
                date = self.random_date()
                status = rng.choices(C.STATUS_CODES, C.STATUS_WEIGHTS)[0]
            used_countries.add(country)
            rid = self.new_id(country, date.year)
            s, form = self.stored_form(marking)
            rec = {"rid": rid, "make": C.make_spelling(rng, maker),
                   "model": C.model_spelling(rng, model), "serial": s, "form": form,
                   "cal": C.calibre_spelling(rng, cal)}
            w.writerow([rid, rec["make"], rec["model"], s, rec["cal"], model.type,
                        country, status, date.isoformat()])
            self.n_written += 1
            fa.records.append(rec)
            keys.add(N.vis_key(s))
            b = N.bgn_key(s)
            if b:
                keys.add(b)
        lines = self.lines[maker.idx]
        for k in keys:
            lines.append("%s\t%d" % (k, fid))
        keys |= {N.ncic_key(k) for k in keys}
        for k in keys:
            self.idx_add(k, fid)
        # reservoirs (Algorithm R)
        self.res_n += 1
        if len(self.res) < self.res_size:
            self.res.append(fa)
        else:
            j = rng.randrange(self.res_n)
            if j < self.res_size:
                self.res[j] = fa
        if N.is_cyrillic(marking):
            self.cres_n += 1
            if len(self.cres) < self.cres_size:
                self.cres.append(fa)
            else:
                j = rng.randrange(self.cres_n)
                if j < self.cres_size:
                    self.cres[j] = fa
