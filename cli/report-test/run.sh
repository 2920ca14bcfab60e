#!/usr/bin/env bash
# The HTML report as a person would see it: renders the report of a small known
# register (core/tests/stats.rs, test `report_fixture`) in headless Chromium, takes a
# desktop and a phone screenshot and a PDF print, and checks that
#   * the page loads with no console message at all (it has no scripts; any message
#     is an error: a failed resource, a blocked load, a script error);
#   * the rendered DOM holds every chart with the right counts for that register
#     (bars, monthly points, routes and headline figures against the figures counted
#     by hand in the test);
#   * the screenshots are not blank: the chart colours are on screen.
# Installs Debian's `chromium` when missing and running as root.
#
#   cli/report-test/run.sh            output in target/report-test/
#   REPORT_TEST_OUT=DIR cli/report-test/run.sh
#
# REPORT_TEST_RENDERED=1: the report and its expected figures are already in the output
# directory (test.sh sets ARMSMATCH_REPORT_HTML=target/report-test/report.html for its
# `cargo test --workspace`, so the test is not compiled a second time with other features);
# the script then checks them instead of running the test.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${REPORT_TEST_OUT:-target/report-test}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
html="$out/report.html"

find_browser() {
  local b
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  return 1
}
if ! browser="$(find_browser)"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "report-test: installing chromium (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
    browser="$(find_browser)"
  else
    echo "report-test: chromium is missing; install it (apt-get install chromium) or run as root" >&2
    exit 1
  fi
fi
if ! fc-list 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null
  fi
fi

if [ "${REPORT_TEST_RENDERED:-0}" = 1 ]; then
  echo "report-test: the report of the test register was written by the workspace test run"
else
  echo "report-test: writing the report of the test register"
  rm -f "$html" "$out/report.expected.json"
  ARMSMATCH_REPORT_HTML="$html" cargo test -q -p armsmatch --test stats -- report_fixture --exact >"$out/cargo-test.log" 2>&1 \
    || { cat "$out/cargo-test.log" >&2; exit 1; }
fi
[ -s "$html" ] && [ -s "$out/report.expected.json" ] || { echo "report-test: the test wrote no report" >&2; exit 1; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium_run() {
  # One fresh, offline, quiet browser per run; the page's console goes to stderr.
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --hide-scrollbars --mute-audio \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}
console_messages() {
  grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR_' "$1" || true
}

# The detector must catch a page error: check it on a page that has one.
printf '<!doctype html><title>x</title><script>undefinedFunction()</script>' >"$out/broken.html"
chromium_run --dump-dom "file://$out/broken.html" >/dev/null 2>"$out/chromium-broken.log" || true
if [ -z "$(console_messages "$out/chromium-broken.log")" ]; then
  echo "report-test: this chromium does not log console errors to stderr; cannot check the page" >&2
  exit 1
fi

echo "report-test: rendering with $("$browser" --version 2>/dev/null | head -1)"
chromium_run --screenshot="$out/report.png" --window-size=1200,3400 "file://$html" 2>"$out/chromium-desktop.log" >/dev/null
chromium_run --screenshot="$out/report-phone.png" --window-size=390,3600 "file://$html" 2>"$out/chromium-phone.log" >/dev/null
chromium_run --print-to-pdf="$out/report.pdf" --no-pdf-header-footer "file://$html" 2>"$out/chromium-print.log" >/dev/null
chromium_run --dump-dom "file://$html" >"$out/dom.html" 2>"$out/chromium-dom.log"

errors=""
for log in desktop phone print dom; do
  errors+="$(console_messages "$out/chromium-$log.log")"
done
if [ -n "$errors" ]; then
  echo "report-test: the page logged console messages:" >&2
  echo "$errors" >&2
  exit 1
fi

python3 - "$out" <<'PY'
import json, re, struct, sys, zlib
from html.parser import HTMLParser

out = sys.argv[1]
expected = json.load(open(f"{out}/report.expected.json"))
dom = open(f"{out}/dom.html", encoding="utf-8").read()

class Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.chart = None
        self.bars, self.points, self.routes, self.kpis, self.svgs = {}, {}, {}, {}, set()
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "figure" and "data-chart" in a:
            self.chart = a["data-chart"]
            self.bars.setdefault(self.chart, {})
        if tag == "svg" and self.chart:
            self.svgs.add(self.chart)
        if tag == "g" and "bar" in classes and "bar-rest" not in classes:
            self.bars[self.chart][a["data-label"]] = int(a["data-count"])
        if tag == "circle" and "point" in classes:
            self.points[a["data-month"]] = int(a["data-count"])
        if tag == "g" and "route" in classes:
            self.routes[f'{a["data-from"]}>{a["data-to"]}'] = int(a["data-count"])
        if tag == "div" and "kpi" in classes:
            self.kpis[a["data-kpi"]] = int(a["data-count"])
    def handle_endtag(self, tag):
        if tag == "figure":
            self.chart = None

p = Charts()
p.feed(dom)
failures = []
def same(what, got, want):
    if got != want:
        failures.append(f"{what}: shown {got}, expected {want}")
for chart, want in expected["bars"].items():
    if chart not in p.svgs:
        failures.append(f"chart {chart} has no SVG")
    same(f"chart {chart}", p.bars.get(chart), want)
same("monthly trend", p.points, expected["months"])
same("routes", p.routes, expected["routes"])
for k, v in expected["kpis"].items():
    same(f"headline {k}", p.kpis.get(k), v)

def png_pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise SystemExit(f"{path}: unexpected PNG type {depth}/{ctype}")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    while i < len(raw):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, len(rows), bpp, rows

colours = {"bars": (0x2F, 0x66, 0x90), "hits": (0xB5, 0x53, 0x3C), "traces": (0x3A, 0x7D, 0x44)}
for shot in ("report.png", "report-phone.png"):
    w, h, bpp, rows = png_pixels(f"{out}/{shot}")
    seen = {k: 0 for k in colours}
    inked = 0
    for row in rows[::2]:
        for x in range(0, w * bpp, bpp * 2):
            px = tuple(row[x:x + 3])
            if px != (0xF5, 0xF7, 0xFA) and px != (255, 255, 255):
                inked += 1
            for k, c in colours.items():
                if all(abs(px[j] - c[j]) <= 6 for j in range(3)):
                    seen[k] += 1
    share = inked / ((h // 2) * (w // 2))
    print(f"report-test: {shot}: {w}x{h}, {share:.0%} inked, chart colour pixels {seen}")
    if share < 0.03:
        failures.append(f"{shot} looks blank ({share:.1%} inked)")
    for k, n in seen.items():
        if n < 50:
            failures.append(f"{shot}: the {k} charts are not visible ({n} pixels)")

pdf = open(f"{out}/report.pdf", "rb").read()
pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
print(f"report-test: report.pdf: {pages} printed pages")
if not pdf.startswith(b"%PDF") or pages < 1:
    failures.append("printing gave no pages")

if failures:
    print("report-test: FAILED", *failures, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"report-test: {sum(len(b) for b in p.bars.values())} bars, {len(p.points)} monthly points, "
      f"{len(p.routes)} routes: all counts right")
PY

echo "report-test: ok"
echo "report-test: screenshots $out/report.png (desktop), $out/report-phone.png (phone); print $out/report.pdf"
