"""Generate labelled checks (queries) against a built Register."""
import catalogue as C
import noise as N
from calibres import CALIBRES

SERIAL_W = {"ocr": 12, "rare_confusion": 6, "cyrillic_visual": 7, "cyrillic_translit": 14,
            "typo1": 12, "typo2": 7, "leading_zeros": 7, "obliterated_one": 7,
            "obliterated_star": 6, "embedded_letter": 6}
FIELD_W = {"case_separators": 10, "make_alias": 9, "make_misspelled": 6, "make_missing": 4,
           "model_variant": 9, "model_missing": 5, "calibre_synonym": 8, "calibre_missing": 6}
SERIAL_PAIRS = {frozenset(p) for p in [("ocr", "leading_zeros"), ("ocr", "obliterated_one"),
                                        ("cyrillic_visual", "obliterated_one"),
                                        ("cyrillic_translit", "obliterated_one"),
                                        ("rare_confusion", "leading_zeros"),
                                        ("ocr", "cyrillic_visual")]}
GROUPS = {"make_alias": "make", "make_misspelled": "make", "make_missing": "make",
          "model_variant": "model", "model_missing": "model",
          "calibre_synonym": "cal", "calibre_missing": "cal"}
ORDER = ["cyrillic_visual", "cyrillic_translit", "ocr", "rare_confusion", "embedded_letter",
         "typo1", "typo2", "leading_zeros", "obliterated_one", "obliterated_star",
         "case_separators"]
WILD = {"obliterated_one", "obliterated_star"}


class QueryGen:
    def __init__(self, rng, reg):
        self.rng = rng
        self.reg = reg
        self.stats_regen = 0

    # ------------------------------------------------------------ kinds
    def pick_kinds(self, fa, rec):
        rng = self.rng
        n = rng.choices([1, 2, 3], [45, 38, 17])[0]
        if n == 1 and rng.random() < 0.12:
            return ["exact"]
        cyr = N.is_cyrillic(fa.marking)
        chosen = []
        for _ in range(n):
            pool, wts = [], []
            for k, wgt in list(SERIAL_W.items()) + list(FIELD_W.items()):
                if k in chosen or not self.applicable(k, fa, rec, cyr):
                    continue
                sk = [c for c in chosen if c in SERIAL_W]
                if k in SERIAL_W and sk:
                    if len(sk) > 1 or frozenset([k, sk[0]]) not in SERIAL_PAIRS:
                        continue
                if k in GROUPS and any(GROUPS.get(c) == GROUPS[k] for c in chosen):
                    continue
                if k == "make_missing" and any(c in WILD for c in chosen):
                    continue
                if k in WILD and "make_missing" in chosen:
                    continue
                if k == "cyrillic_translit":
                    wgt = wgt if cyr else 0
                if k == "cyrillic_visual" and cyr:
                    wgt = 14
                if wgt:
                    pool.append(k)
                    wts.append(wgt)
            if not pool:
                break
            chosen.append(rng.choices(pool, wts)[0])
        return chosen or ["exact"]

    def applicable(self, k, fa, rec, cyr):
        if k == "cyrillic_translit":
            return cyr
        if k in ("make_alias", "make_misspelled", "make_missing"):
            return bool(rec["make"])
        if k in ("model_variant", "model_missing"):
            return bool(rec["model"]) and (k == "model_missing" or fa.model.variants)
        if k in ("calibre_synonym", "calibre_missing"):
            return bool(rec["cal"])
        return True

    # ------------------------------------------------------------ serial
    def cyr_query(self, kind, fa, rec, s):
        rng = self.rng
        form = rec["form"]
        m = fa.marking
        if form == "lat":
            return N.latin_homoglyphs(rng, s) if kind == "cyrillic_visual" else None
        # keep the record's separator layout where the forms allow
        base_m = m if any(not c.isalnum() for c in s) else N.norm(m)
        if kind == "cyrillic_visual":
            if form == "cyr":
                t = N.cyr_to_visual(rng, s)
            elif form == "vis":
                t = base_m if rng.random() < 0.6 else N.cyr_to_visual(rng, base_m)
            else:
                t = N.cyr_to_visual(rng, base_m)
        else:
            if form == "cyr":
                t = N.cyr_translit(rng, s)[0]
            elif form == "vis":
                t = N.cyr_translit(rng, base_m)[0]
            else:
                t = base_m if rng.random() < 0.5 else N.cyr_translit(rng, base_m)[0]
        if N.norm(t) == N.norm(s):
            return None
        return t

    def apply_serial(self, kind, fa, rec, s):
        rng = self.rng
        if kind in ("cyrillic_visual", "cyrillic_translit"):
            return self.cyr_query(kind, fa, rec, s)
        if kind == "ocr":
            return N.ocr(rng, s)
        if kind == "rare_confusion":
            return N.rare_confusion(rng, s)
        if kind == "embedded_letter":
            return N.embedded_letter(rng, s)
        if kind == "typo1":
            return N.typo(rng, s, 1)
        if kind == "typo2":
            return N.typo(rng, s, 2)
        if kind == "leading_zeros":
            return N.leading_zeros(rng, s)
        if kind == "obliterated_one":
            return N.obliterated_one(rng, s)
        if kind == "obliterated_star":
            return N.obliterated_star(rng, s)
        if kind == "case_separators":
            return N.case_separators(rng, s)
        raise ValueError(kind)

    # ------------------------------------------------------------ fields
    def field_values(self, kinds, fa, rec):
        rng = self.rng
        mk = fa.maker
        make = rec["make"] or mk.name
        model = rec["model"] or fa.model.name
        cal = rec["cal"] or CALIBRES[fa.cal][0]
        if "make_alias" in kinds:
            opts = [a for a in [mk.name] + mk.aliases if N.fold_text(a) != N.fold_text(rec["make"])]
            if not opts:
                return None
            make = rng.choice(opts)
        elif "make_misspelled" in kinds:
            if mk.misspell and rng.random() < 0.6:
                make = rng.choice(mk.misspell)
            else:
                make = N.misspell_generated(rng, rng.choice([mk.name] + mk.aliases[:2]))
            if N.fold_text(make) == N.fold_text(rec["make"]):
                return None
        elif "make_missing" in kinds:
            make = ""
        if "model_variant" in kinds:
            opts = [v for v in [fa.model.name] + fa.model.variants
                    if N.fold_text(v) != N.fold_text(rec["model"])]
            if not opts:
                return None
            model = rng.choice(opts)
        elif "model_missing" in kinds:
            model = ""
        if "calibre_synonym" in kinds:
            opts = [c for c in CALIBRES[fa.cal] if c != rec["cal"]]
            if not opts:
                return None
            cal = rng.choice(opts)
        elif "calibre_missing" in kinds:
            cal = ""
        return make, model, cal

    # ------------------------------------------------------------ hits
    def hit(self, fa):
        rng = self.rng
        reg = self.reg
        for attempt in range(40):
            rec = rng.choice(fa.records)
            kinds = self.pick_kinds(fa, rec)
            s = rec["serial"]
            ok = True
            for k in ORDER:
                if k in kinds:
                    t = self.apply_serial(k, fa, rec, s)
                    if t is None:
                        ok = False
                        break
                    s = t
            if not ok:
                continue
            if kinds != ["exact"] and s == rec["serial"] and not any(
                    k in GROUPS for k in kinds):
                continue
            fv = self.field_values(kinds, fa, rec)
            if fv is None:
                continue
            make, model, cal = fv
            mk_idx = None if make == "" else fa.maker.idx
            if "?" in s or "*" in s:
                found = reg.wildcard_matches(s, mk_idx)
                if found != {fa.fid}:
                    self.stats_regen += 1
                    continue
            elif reg.collides(s, mk_idx, exclude=fa.fid):
                self.stats_regen += 1
                continue
            if "typo1" in kinds or "typo2" in kinds:
                want = 1 if "typo1" in kinds else 2
                assert N.osa(N.norm(s), N.norm(rec["serial"])) == want
            return {"make": make, "model": model, "serial": s, "calibre": cal,
                    "label": "hit", "noise": "|".join(kinds),
                    "record_ids": "|".join(r["rid"] for r in fa.records)}
        return None

    # ------------------------------------------------------------ non-hits
    def _fields_like(self, fa, rec):
        rng = self.rng
        make = rec["make"] or fa.maker.name
        if rng.random() < 0.15:
            make = rng.choice([fa.maker.name] + fa.maker.aliases)
        model = rec["model"] if rng.random() < 0.9 else ""
        cal = rec["cal"]
        return make, model, cal

    def _sibling_serial(self, s, ndig):
        rng = self.rng
        digits = [i for i, c in enumerate(s) if c.isdigit()]
        if len(digits) < 4:
            return None
        tail = digits[-5:]
        t = list(s)
        for i in rng.sample(tail, min(ndig, len(tail))):
            t[i] = rng.choice([d for d in "0123456789" if d != s[i]])
        return "".join(t)

    def sibling(self, fa):
        reg = self.reg
        for _ in range(30):
            rec = self.rng.choice(fa.records)
            s = self._sibling_serial(rec["serial"], self.rng.choice([2, 2, 3]))
            if s is None:
                return None
            if reg.collides(s, fa.maker.idx):
                continue
            make, model, cal = self._fields_like(fa, rec)
            return {"make": make, "model": model, "serial": s, "calibre": cal,
                    "label": "non_hit", "noise": "non_hit:sibling", "record_ids": ""}
        return None

    def fresh(self):
        rng = self.rng
        reg = self.reg
        for _ in range(50):
            mk = rng.choices(C.MAKERS, C.MAKER_WEIGHTS)[0]
            s = C.random_serial(rng, mk)
            if N.is_cyrillic(s) and rng.random() < 0.5:
                s = N.cyr_to_visual(rng, s)
            if reg.collides(s, None):
                continue
            model = rng.choices(mk.models, mk.mweights)[0]
            return {"make": C.make_spelling(rng, mk) or mk.name,
                    "model": C.model_spelling(rng, model),
                    "serial": s, "calibre": C.calibre_spelling(rng, rng.choice(model.cals)),
                    "label": "non_hit", "noise": "non_hit:fresh", "record_ids": ""}
        return None

    def other_make(self, fa):
        rng = self.rng
        reg = self.reg
        rec = rng.choice(fa.records)
        s = rec["serial"]
        if N.is_cyrillic(s) or rec["form"] != "lat":
            return None
        shape = C.shape_of(s)
        cands = [m for m in C.MAKERS if m.idx != fa.maker.idx and shape in m.shapes]
        if not cands:
            return None
        for _ in range(20):
            mk = rng.choices(cands, [m.weight for m in cands])[0]
            if reg.collides(s, mk.idx):
                continue
            model = rng.choices(mk.models, mk.mweights)[0]
            cal = rec["cal"] if rng.random() < 0.3 else C.calibre_spelling(rng, rng.choice(model.cals))
            return {"make": C.make_spelling(rng, mk) or mk.name,
                    "model": C.model_spelling(rng, model), "serial": s, "calibre": cal,
                    "label": "non_hit", "noise": "non_hit:other_make", "record_ids": ""}
        return None

    def wildcard_nothing(self, fa):
        rng = self.rng
        reg = self.reg
        for _ in range(30):
            rec = rng.choice(fa.records)
            s = rec["serial"]
            if rng.random() < 0.7:
                s = self._sibling_serial(s, rng.choice([1, 2]))
            else:
                s = C.random_serial(rng, fa.maker)
            if s is None:
                return None
            t = N.obliterated_one(rng, s) if rng.random() < 0.55 else N.obliterated_star(rng, s)
            if t is None:
                continue
            if reg.wildcard_matches(t, fa.maker.idx):
                continue
            make, model, cal = self._fields_like(fa, rec)
            return {"make": make, "model": model, "serial": t, "calibre": cal,
                    "label": "non_hit", "noise": "non_hit:wildcard_nothing", "record_ids": ""}
        return None

    # ------------------------------------------------------------ driver
    def generate(self, n_queries, hit_frac=0.30):
        rng = self.rng
        reg = self.reg
        n_hit = int(round(n_queries * hit_frac))
        n_non = n_queries - n_hit
        pool = list(reg.res)
        rng.shuffle(pool)
        cpool = [f for f in reg.cres]
        rng.shuffle(cpool)
        used = set()
        out = []

        def take(prefer_cyr=False):
            src = cpool if prefer_cyr and cpool else pool
            while src:
                fa = src.pop()
                if fa.fid not in used:
                    used.add(fa.fid)
                    return fa
            return take(False) if prefer_cyr else None

        while sum(1 for q in out if q["label"] == "hit") < n_hit:
            fa = take(prefer_cyr=rng.random() < 0.22)
            q = self.hit(fa)
            if q:
                out.append(q)
        plan = (["sibling"] * round(n_non * 0.35) + ["fresh"] * round(n_non * 0.28) +
                ["other_make"] * round(n_non * 0.22))
        plan += ["wildcard_nothing"] * (n_non - len(plan))
        for kind in plan:
            q = None
            while q is None:
                if kind == "fresh":
                    q = self.fresh()
                else:
                    fa = take(prefer_cyr=(kind != "other_make" and rng.random() < 0.1))
                    q = getattr(self, kind)(fa)
            out.append(q)
        rng.shuffle(out)
        for i, q in enumerate(out):
            q["query_id"] = "Q%07d" % (i + 1)
            q["country"] = rng.choices(C.REPORTING_CODES, C.REPORTING_WEIGHTS)[0]
        return out
