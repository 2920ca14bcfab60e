#!/usr/bin/env python3
"""Converts the shared test vectors (tests/vectors/checks.json) into a line format the
C test reads without a JSON parser.

Each line is a tag and space-separated fields. Strings are hex-encoded UTF-8 ("=" for
the empty string), so any text survives; "-" means absent.

    R id serial make model calibre country kind status reported_on   a record
    C name                                                           a case begins
    Q serial make model calibre country                              its query
    O max_edits top threshold                                        its options
    X record_id serial_match serial_distance make model calibre shape
                                                                     one expected hit
    E STATUS                                                         expected error
    Z                                                                the case ends

usage: vectors_to_lines.py checks.json out.lines
"""

import json
import sys


def enc(value):
    if value is None:
        return "-"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    text = str(value)
    return text.encode("utf-8").hex() if text else "="


def line(tag, *fields):
    return " ".join([tag, *(enc(f) for f in fields)]) + "\n"


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    out = []
    for r in data["records"]:
        out.append(line("R", r["id"], r["serial"], r.get("make"), r.get("model"),
                        r.get("calibre"), r.get("country"), r.get("kind"),
                        r.get("status"), r.get("reported_on")))
    for c in data["cases"]:
        q = c["query"]
        o = c.get("options") or {}
        out.append(line("C", c["name"]))
        out.append(line("Q", q.get("serial"), q.get("make"), q.get("model"),
                        q.get("calibre"), q.get("country")))
        out.append(line("O", o.get("max_edits"), o.get("top"), o.get("threshold")))
        for x in c.get("expect") or []:
            out.append(line("X", x["record_id"], x["serial_match"], x["serial_distance"],
                            x["make_match"], x["model_match"], x["calibre_match"],
                            x.get("shape", "plain")))
        if c.get("expect_error"):
            out.append(line("E", c["expect_error"]))
        out.append("Z\n")
    with open(dst, "w", encoding="utf-8") as f:
        f.writelines(out)


if __name__ == "__main__":
    main()
